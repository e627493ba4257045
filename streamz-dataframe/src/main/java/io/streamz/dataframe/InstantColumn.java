package io.streamz.dataframe;

import java.time.Instant;

/**
 * A column of points in time, stored as epoch nanoseconds; {@code null} is missing (pandas
 * {@code datetime64[ns]}, {@code NaT}). Time windows ({@code rolling("2s")}, {@code window("2h")})
 * run over such a column named as the index.
 *
 * <pre>{@code
 * InstantColumn t = InstantColumn.of("time", Instant.ofEpochSecond(0), Instant.ofEpochSecond(1));
 * t.isAfter(Instant.ofEpochSecond(0)).count();   // 1
 * }</pre>
 */
public final class InstantColumn extends Column {
    /** The stored value of a missing instant. */
    static final long MISSING = Long.MIN_VALUE;
    private final long[] nanos;

    InstantColumn(String name, long[] nanos, int offset, int length) {
        super(name, offset, length);
        this.nanos = nanos;
    }

    /**
     * A column of these instants, kept to the nanosecond.
     *
     * @param name the column's name, not null
     * @param values the instants; {@code null} for missing
     * @return the new column
     * @throws ArithmeticException when an instant lies outside the epoch-nanosecond range
     *     (about the years 1677 to 2262)
     */
    public static InstantColumn of(String name, Instant... values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == null ? MISSING : toNanos(values[i]);
        }
        return new InstantColumn(name, out, 0, out.length);
    }

    /**
     * A column of epoch-nanosecond values (copied).
     *
     * <pre>{@code
     * InstantColumn.ofEpochNanos("time", 0, 1_000_000_000L).get(1);   // 1970-01-01T00:00:01Z
     * }</pre>
     *
     * @param name the column's name, not null
     * @param epochNanos nanoseconds since 1970-01-01T00:00:00Z; {@code Long.MIN_VALUE} for missing
     * @return the new column
     */
    public static InstantColumn ofEpochNanos(String name, long... epochNanos) {
        return new InstantColumn(name, epochNanos.clone(), 0, epochNanos.length);
    }

    static long toNanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    @Override
    public ColumnType type() {
        return ColumnType.INSTANT;
    }

    @Override
    public Instant get(int i) {
        long n = nanos[offset + checkRow(i)];
        return n == MISSING ? null : Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
    }

    /**
     * Value {@code i} in nanoseconds since the epoch.
     *
     * @param i the row position, from 0 to {@code size() - 1}
     * @return the epoch nanoseconds, or {@code Long.MIN_VALUE} when missing
     * @throws IndexOutOfBoundsException naming the column, for a position outside it
     */
    public long getEpochNanos(int i) {
        return nanos[offset + checkRow(i)];
    }

    @Override
    public boolean isMissing(int i) {
        return nanos[offset + checkRow(i)] == MISSING;
    }

    /**
     * Rows strictly after {@code t}; missing rows never match.
     *
     * @param t the instant to compare with, not null
     * @return the selection of matching rows, over {@code size()} rows
     */
    public Selection isAfter(Instant t) {
        long n = toNanos(t);
        return select(i -> !isMissing(i) && nanos[offset + i] > n);
    }

    /**
     * Rows strictly before {@code t}; missing rows never match.
     *
     * @param t the instant to compare with, not null
     * @return the selection of matching rows, over {@code size()} rows
     */
    public Selection isBefore(Instant t) {
        long n = toNanos(t);
        return select(i -> !isMissing(i) && nanos[offset + i] < n);
    }

    @Override
    Column sliceUnchecked(int from, int to) {
        return new InstantColumn(name(), nanos, offset + from, to - from);
    }

    @Override
    public InstantColumn take(int[] rows) {
        long[] out = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = nanos[offset + checkRow(rows[i])];
        }
        return new InstantColumn(name(), out, 0, out.length);
    }

    @Override
    public InstantColumn rename(String newName) {
        return new InstantColumn(newName, nanos, offset, length);
    }

    @Override
    String format(int i) {
        Instant t = get(i);
        return t == null ? "NaT" : t.toString();
    }
}
