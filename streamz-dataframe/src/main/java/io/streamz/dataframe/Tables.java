package io.streamz.dataframe;

import java.util.ArrayList;
import java.util.List;

/** Fixed-width rendering of frames and series, as pandas prints them (not API). */
final class Tables {
    private static final int MAX_ROWS = 20;

    private Tables() {
    }

    /** The table of {@code columns}, labelled by {@code labels} (row positions when null). */
    static String format(List<Column> columns, Column labels, int rows) {
        if (columns.isEmpty()) {
            return "Empty Frame\nColumns: []\nIndex: []";
        }
        List<Integer> shown = new ArrayList<>();
        boolean elided = rows > MAX_ROWS;
        for (int i = 0; i < rows; i++) {
            if (shown(i, rows)) {
                shown.add(i);
            }
        }
        List<List<String>> cells = new ArrayList<>();
        List<String> labelCol = new ArrayList<>();
        labelCol.add(labels == null ? "" : labels.name());
        for (int i : shown) {
            labelCol.add(labels == null ? Integer.toString(i) : labels.format(i));
        }
        cells.add(labelCol);
        for (Column c : columns) {
            List<String> col = new ArrayList<>();
            col.add(c.name());
            for (int i : shown) {
                col.add(c.format(i));
            }
            cells.add(col);
        }
        int[] widths = new int[cells.size()];
        for (int c = 0; c < cells.size(); c++) {
            for (String s : cells.get(c)) {
                widths[c] = Math.max(widths[c], s.length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int r = 0; r <= shown.size(); r++) {
            if (elided && r == MAX_ROWS / 2 + 1) {
                for (int c = 0; c < cells.size(); c++) {
                    b.append(c == 0 ? pad("..", widths[0], true) : "  " + pad("...", widths[c], false));
                }
                b.append('\n');
            }
            for (int c = 0; c < cells.size(); c++) {
                String s = cells.get(c).get(r);
                b.append(c == 0 ? pad(s, widths[0], true) : "  " + pad(s, widths[c], false));
            }
            if (r < shown.size()) {
                b.append('\n');
            }
        }
        if (elided) {
            b.append("\n\n[").append(rows).append(" rows x ").append(columns.size()).append(" columns]");
        }
        return b.toString();
    }

    /**
     * A series as pandas prints it: each label left-aligned, four spaces, each value
     * right-aligned; then {@code Name} (when there is one), {@code Length} (when rows were left
     * out) and {@code dtype}.
     */
    static String formatSeries(Column values, Column labels, String name) {
        int rows = values.size();
        String dtype = "dtype: " + values.type().pandasName();
        String named = name == null ? "" : "Name: " + name + ", ";
        if (rows == 0) {
            return "Series([], " + named + dtype + ")";
        }
        boolean elided = rows > MAX_ROWS;
        List<String> label = new ArrayList<>();
        List<String> value = new ArrayList<>();
        int labelWidth = 0;
        int valueWidth = 0;
        for (int i = 0; i < rows; i++) {
            if (shown(i, rows)) {
                label.add(labels == null ? Integer.toString(i) : labels.format(i));
                value.add(values.format(i));
                labelWidth = Math.max(labelWidth, label.get(label.size() - 1).length());
                valueWidth = Math.max(valueWidth, value.get(value.size() - 1).length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < label.size(); r++) {
            if (elided && r == MAX_ROWS / 2) {
                b.append(" ".repeat(labelWidth + 4)).append(pad("...", valueWidth, true)).append('\n');
            }
            b.append(pad(label.get(r), labelWidth, true)).append("    ").append(pad(value.get(r), valueWidth, false)).append('\n');
        }
        return b.append(named).append(elided ? "Length: " + rows + ", " : "").append(dtype).toString();
    }

    /** Whether row {@code i} of {@code rows} is printed: all of them, or the first and last ten. */
    private static boolean shown(int i, int rows) {
        return rows <= MAX_ROWS || i < MAX_ROWS / 2 || i >= rows - MAX_ROWS / 2;
    }

    private static String pad(String s, int width, boolean left) {
        StringBuilder b = new StringBuilder();
        if (!left) {
            b.append(" ".repeat(Math.max(0, width - s.length())));
        }
        b.append(s);
        if (left) {
            b.append(" ".repeat(Math.max(0, width - s.length())));
        }
        return b.toString();
    }
}
