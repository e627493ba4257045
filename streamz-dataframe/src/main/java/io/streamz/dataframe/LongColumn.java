package io.streamz.dataframe;

/**
 * A column of 64-bit integers, never missing (pandas {@code int64}); {@code int[]} values become
 * one too.
 *
 * <pre>{@code
 * LongColumn n = LongColumn.of("n", 1, 2, 3);
 * n.add(1).get(0);   // 2L
 * }</pre>
 */
public final class LongColumn extends NumericColumn {
    private final long[] data;

    LongColumn(String name, long[] data, int offset, int length) {
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
    public static LongColumn of(String name, long... values) {
        return new LongColumn(name, values.clone(), 0, values.length);
    }

    @Override
    public ColumnType type() {
        return ColumnType.LONG;
    }

    @Override
    public Long get(int i) {
        return data[offset + i];
    }

    /**
     * Value {@code i}, unboxed.
     *
     * @param i the row position, from 0 to {@code size() - 1}
     * @return the value
     */
    public long getLong(int i) {
        return data[offset + i];
    }

    @Override
    public double getDouble(int i) {
        return data[offset + i];
    }

    @Override
    public boolean isMissing(int i) {
        return false;
    }

    @Override
    public NumericColumn round(int decimals) {
        return decimals >= 0 ? this : super.round(decimals);
    }

    @Override
    Column sliceUnchecked(int from, int to) {
        return new LongColumn(name(), data, offset + from, to - from);
    }

    @Override
    public LongColumn take(int[] rows) {
        long[] out = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = data[offset + rows[i]];
        }
        return new LongColumn(name(), out, 0, out.length);
    }

    @Override
    public LongColumn rename(String newName) {
        return new LongColumn(newName, data, offset, length);
    }
}
