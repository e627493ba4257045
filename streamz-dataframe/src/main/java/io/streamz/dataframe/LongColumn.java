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
        return data[offset + checkRow(i)];
    }

    /**
     * Value {@code i}, unboxed.
     *
     * @param i the row position, from 0 to {@code size() - 1}
     * @return the value
     * @throws IndexOutOfBoundsException naming the column, for a position outside it
     */
    public long getLong(int i) {
        return data[offset + checkRow(i)];
    }

    @Override
    public double getDouble(int i) {
        return data[offset + checkRow(i)];
    }

    @Override
    public boolean isMissing(int i) {
        checkRow(i);
        return false;
    }

    /**
     * {@inheritDoc}
     *
     * <p>A long column stays a long column, as in numpy: {@code LongColumn.of("n", 5, 15, 25)
     * .round(-1)} is {@code [0, 20, 20]}.
     *
     * @throws ArithmeticException if a rounded value does not fit in a long
     */
    @Override
    public LongColumn round(int decimals) {
        if (decimals >= 0) {
            return this;
        }
        long[] out = new long[length];
        for (int i = 0; i < length; i++) {
            out[i] = roundHalfEven(data[offset + i], -decimals);
        }
        return new LongColumn(name(), out, 0, length);
    }

    private static long roundHalfEven(long v, int digits) {
        if (digits > 18) {
            return new java.math.BigDecimal(v).setScale(-digits, java.math.RoundingMode.HALF_EVEN).longValueExact();
        }
        long f = POWERS_OF_TEN[digits];
        long q = Math.floorDiv(v, f);
        long twice = 2 * Math.floorMod(v, f);
        if (twice > f || (twice == f && (q & 1) != 0)) {
            q++;
        }
        return Math.multiplyExact(q, f);
    }

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    @Override
    Column sliceUnchecked(int from, int to) {
        return new LongColumn(name(), data, offset + from, to - from);
    }

    @Override
    public LongColumn take(int[] rows) {
        long[] out = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = data[offset + checkRow(rows[i])];
        }
        return new LongColumn(name(), out, 0, out.length);
    }

    @Override
    public LongColumn rename(String newName) {
        return new LongColumn(newName, data, offset, length);
    }
}
