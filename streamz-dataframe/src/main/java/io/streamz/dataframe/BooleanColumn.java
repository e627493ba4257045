package io.streamz.dataframe;

/**
 * A column of booleans, never missing (pandas {@code bool}); as numbers they count 1 and 0.
 *
 * <pre>{@code
 * BooleanColumn b = BooleanColumn.of("ok", true, false);
 * b.isTrue().count();   // 1
 * }</pre>
 */
public final class BooleanColumn extends Column {
    private final boolean[] data;

    BooleanColumn(String name, boolean[] data, int offset, int length) {
        super(name, offset, length);
        this.data = data;
    }

    /**
     * A column of these values (copied).
     *
     * @param name the column's name, not null
     * @param values the values
     * @return the new column
     */
    public static BooleanColumn of(String name, boolean... values) {
        return new BooleanColumn(name, values.clone(), 0, values.length);
    }

    /**
     * The column that is {@code true} on the rows of {@code selection} (a pandas boolean mask).
     *
     * @param name the column's name, not null
     * @param selection the rows to set, not null
     * @return a new column of {@code selection.size()} values
     */
    public static BooleanColumn of(String name, Selection selection) {
        boolean[] out = new boolean[selection.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = selection.contains(i);
        }
        return new BooleanColumn(name, out, 0, out.length);
    }

    @Override
    public ColumnType type() {
        return ColumnType.BOOLEAN;
    }

    @Override
    public Boolean get(int i) {
        return data[offset + checkRow(i)];
    }

    /**
     * Value {@code i}, unboxed.
     *
     * @param i the row position, from 0 to {@code size() - 1}
     * @return the value
     * @throws IndexOutOfBoundsException naming the column, for a position outside it
     */
    public boolean getBoolean(int i) {
        return data[offset + checkRow(i)];
    }

    @Override
    public double getDouble(int i) {
        return data[offset + checkRow(i)] ? 1 : 0;
    }

    @Override
    public boolean isMissing(int i) {
        checkRow(i);
        return false;
    }

    /**
     * The rows that are {@code true}.
     *
     * @return the selection of those rows, over {@code size()} rows
     */
    public Selection isTrue() {
        return select(i -> data[offset + i]);
    }

    /**
     * The rows that are {@code false}.
     *
     * @return the selection of those rows, over {@code size()} rows
     */
    public Selection isFalse() {
        return select(i -> !data[offset + i]);
    }

    @Override
    Column sliceUnchecked(int from, int to) {
        return new BooleanColumn(name(), data, offset + from, to - from);
    }

    @Override
    public BooleanColumn take(int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = data[offset + checkRow(rows[i])];
        }
        return new BooleanColumn(name(), out, 0, out.length);
    }

    @Override
    public BooleanColumn rename(String newName) {
        return new BooleanColumn(newName, data, offset, length);
    }

    @Override
    String format(int i) {
        return data[offset + i] ? "True" : "False";
    }
}
