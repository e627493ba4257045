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
            if (!elided || i < MAX_ROWS / 2 || i >= rows - MAX_ROWS / 2) {
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
