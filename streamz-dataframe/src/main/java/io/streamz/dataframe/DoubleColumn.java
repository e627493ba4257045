package io.streamz.dataframe;

/**
 * A column of doubles; {@code NaN} is missing (pandas {@code float64}).
 *
 * <pre>{@code
 * DoubleColumn x = DoubleColumn.of("x", 1.5, Double.NaN, 3);
 * x.isMissing(1);   // true
 * }</pre>
 */
public final class DoubleColumn extends NumericColumn {
    private final double[] data;

    DoubleColumn(String name, double[] data, int offset, int length) {
        super(name, offset, length);
        this.data = data;
    }

    /**
     * A column of these values (copied).
     *
     * @param name the column's name, not null
     * @param values the values; {@code NaN} for missing
     * @return the new column
     */
    public static DoubleColumn of(String name, double... values) {
        return new DoubleColumn(name, values.clone(), 0, values.length);
    }

    /**
     * A column that owns {@code values} without copying them; the caller must not change them afterwards.
     *
     * @param name the column's name, not null
     * @param values the values, used as they are; {@code NaN} for missing
     * @return the new column, backed by {@code values}
     */
    public static DoubleColumn wrap(String name, double[] values) {
        return new DoubleColumn(name, values, 0, values.length);
    }

    @Override
    public ColumnType type() {
        return ColumnType.DOUBLE;
    }

    @Override
    public Double get(int i) {
        return data[offset + checkRow(i)];
    }

    @Override
    public double getDouble(int i) {
        return data[offset + checkRow(i)];
    }

    @Override
    public boolean isMissing(int i) {
        return Double.isNaN(data[offset + checkRow(i)]);
    }

    @Override
    Column sliceUnchecked(int from, int to) {
        return new DoubleColumn(name(), data, offset + from, to - from);
    }

    @Override
    public DoubleColumn take(int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = data[offset + checkRow(rows[i])];
        }
        return new DoubleColumn(name(), out, 0, out.length);
    }

    @Override
    public DoubleColumn rename(String newName) {
        return new DoubleColumn(newName, data, offset, length);
    }

    @Override
    String format(int i) {
        return Columns.formatDouble(data[offset + i]);
    }
}
