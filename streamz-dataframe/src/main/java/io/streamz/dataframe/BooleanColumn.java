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

    /** A column of these values (copied). */
    public static BooleanColumn of(String name, boolean... values) {
        return new BooleanColumn(name, values.clone(), 0, values.length);
    }

    /** The column that is {@code true} on the rows of {@code selection}. */
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
        return data[offset + i];
    }

    /** Value {@code i}. */
    public boolean getBoolean(int i) {
        return data[offset + i];
    }

    @Override
    public double getDouble(int i) {
        return data[offset + i] ? 1 : 0;
    }

    @Override
    public boolean isMissing(int i) {
        return false;
    }

    /** The rows that are {@code true}. */
    public Selection isTrue() {
        return select(i -> data[offset + i]);
    }

    /** The rows that are {@code false}. */
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
            out[i] = data[offset + rows[i]];
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
