package io.streamz.dataframe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * One immutable, typed column of a {@link Frame}: a name and values on a primitive array
 * ({@link DoubleColumn}, {@link LongColumn}, {@link BooleanColumn}, {@link StringColumn},
 * {@link InstantColumn}). Slices share the array (zero copy).
 *
 * <pre>{@code
 * Column c = Column.from("x", new double[] {1, 2, 3});
 * c.type();            // DOUBLE
 * c.slice(1, 3).get(0); // 2.0
 * }</pre>
 */
public abstract class Column {
    private final String name;
    final int offset;
    final int length;

    Column(String name, int offset, int length) {
        this.name = Objects.requireNonNull(name, "column: name is null");
        this.offset = offset;
        this.length = length;
    }

    /**
     * A column from an array ({@code double[]}, {@code long[]}, {@code int[]} (as long),
     * {@code boolean[]}, {@code String[]}, {@code Instant[]}), a {@link Collection} of values (the
     * type inferred as in {@link Frame#fromRows}) or another column (renamed). Arrays are copied.
     *
     * <pre>{@code
     * Column.from("n", new int[] {1, 2});            // n[LONG]: [1, 2]
     * Column.from("name", List.of("a", "b"));         // name[STRING]: [a, b]
     * }</pre>
     *
     * @param name the column's name, not null
     * @param values the values, not null
     * @return the new column, of the type the values call for
     * @throws IllegalArgumentException naming the column when the values are of no known type
     */
    public static Column from(String name, Object values) {
        Objects.requireNonNull(name, "column: name is null");
        Objects.requireNonNull(values, () -> "column \"" + name + "\": values are null");
        if (values instanceof Column) {
            return ((Column) values).rename(name);
        }
        if (values instanceof double[]) {
            double[] a = (double[]) values;
            return new DoubleColumn(name, a.clone(), 0, a.length);
        }
        if (values instanceof long[]) {
            long[] a = (long[]) values;
            return new LongColumn(name, a.clone(), 0, a.length);
        }
        if (values instanceof int[]) {
            int[] a = (int[]) values;
            long[] l = new long[a.length];
            for (int i = 0; i < a.length; i++) {
                l[i] = a[i];
            }
            return new LongColumn(name, l, 0, l.length);
        }
        if (values instanceof boolean[]) {
            boolean[] a = (boolean[]) values;
            return new BooleanColumn(name, a.clone(), 0, a.length);
        }
        if (values instanceof String[]) {
            return StringColumn.of(name, (String[]) values);
        }
        if (values instanceof Instant[]) {
            return InstantColumn.of(name, (Instant[]) values);
        }
        if (values instanceof Collection) {
            return Columns.infer(name, new ArrayList<>((Collection<?>) values));
        }
        if (values instanceof Object[]) {
            return Columns.infer(name, List.of((Object[]) values));
        }
        throw new IllegalArgumentException("column \"" + name + "\": cannot make a column of "
                + values.getClass().getSimpleName() + " (use double[], long[], int[], boolean[], String[] or Instant[])");
    }

    /**
     * The column's name.
     *
     * @return the name, never null
     */
    public final String name() {
        return name;
    }

    /**
     * The number of values.
     *
     * @return the number of rows in this column
     */
    public final int size() {
        return length;
    }

    /**
     * The column's type.
     *
     * @return the type, matching the concrete column class
     */
    public abstract ColumnType type();

    /**
     * Value {@code i}, boxed.
     *
     * @param i the row position, from 0 to {@code size() - 1}
     * @return a {@code Double} ({@code NaN} when missing), {@code Long}, {@code Boolean},
     *     {@code String} or {@code Instant} ({@code null} when missing)
     * @throws IndexOutOfBoundsException naming the column, for a position outside it
     */
    public abstract Object get(int i);

    /**
     * Value {@code i} as a double: numbers as they are, booleans as 1 or 0.
     *
     * @param i the row position, from 0 to {@code size() - 1}
     * @return the value as a double ({@code NaN} when a double is missing)
     * @throws UnsupportedOperationException for string and instant columns
     * @throws IndexOutOfBoundsException naming the column, for a position outside it
     */
    public double getDouble(int i) {
        throw new UnsupportedOperationException("column \"" + name + "\" of type " + type() + " is not numeric");
    }

    /**
     * Whether value {@code i} is missing ({@code NaN}, or {@code null}).
     *
     * @param i the row position, from 0 to {@code size() - 1}
     * @return {@code true} when the value is missing; always {@code false} for long and boolean columns
     * @throws IndexOutOfBoundsException naming the column, for a position outside it
     */
    public abstract boolean isMissing(int i);

    /**
     * Rows {@code from} (inclusive) to {@code to} (exclusive), sharing this column's array.
     *
     * @param from the first row position, at least 0
     * @param to the row position after the last, from {@code from} to {@code size()}
     * @return the slice, of the same name and type
     * @throws IndexOutOfBoundsException when the range is not within the column
     */
    public final Column slice(int from, int to) {
        if (from < 0 || to > length || from > to) {
            throw new IndexOutOfBoundsException("column \"" + name + "\": slice [" + from + ", " + to
                    + ") out of 0.." + length);
        }
        return sliceUnchecked(from, to);
    }

    abstract Column sliceUnchecked(int from, int to);

    /** {@code i}, if it is a row position of this column (a slice reads no neighbouring values). */
    final int checkRow(int i) {
        if (i < 0 || i >= length) {
            throw new IndexOutOfBoundsException("column \"" + name + "\": row " + i + " out of 0.." + (length - 1));
        }
        return i;
    }

    /**
     * The values at {@code rows}, in that order (a copy).
     *
     * @param rows the row positions to take, each from 0 to {@code size() - 1}; may repeat
     * @return a new column of the same name and type, with {@code rows.length} values
     * @throws IndexOutOfBoundsException naming the column, for a position outside it
     */
    public abstract Column take(int[] rows);

    /**
     * This column under another name (sharing the values).
     *
     * @param newName the new name, not null
     * @return a column of the same type and values, named {@code newName}
     */
    public abstract Column rename(String newName);

    /**
     * An empty column of the same name and type.
     *
     * @return a column with no values
     */
    public final Column empty() {
        return sliceUnchecked(0, 0);
    }

    /**
     * The first {@code n} values.
     *
     * @param n the number of values; all of them when the column is shorter, none when negative
     * @return a slice sharing this column's array
     */
    public final Column head(int n) {
        return sliceUnchecked(0, Math.max(0, Math.min(n, length)));
    }

    /**
     * The last {@code n} values.
     *
     * @param n the number of values; all of them when the column is shorter, none when negative
     * @return a slice sharing this column's array
     */
    public final Column tail(int n) {
        return sliceUnchecked(length - Math.max(0, Math.min(n, length)), length);
    }

    /**
     * The rows whose value is missing.
     *
     * @return the selection of missing rows, over {@code size()} rows
     */
    public final Selection isMissing() {
        return select(this::isMissing);
    }

    /**
     * The rows whose value is not missing.
     *
     * @return the selection of present rows, over {@code size()} rows
     */
    public final Selection isNotMissing() {
        return select(i -> !isMissing(i));
    }

    /**
     * The number of values that are not missing (pandas {@code count}).
     *
     * @return the count of present values
     */
    public final long countNonMissing() {
        long c = 0;
        for (int i = 0; i < length; i++) {
            if (!isMissing(i)) {
                c++;
            }
        }
        return c;
    }

    /**
     * The values, boxed, as an immutable list (missing values as {@link #get} gives them).
     *
     * @return an unmodifiable copy of the values
     */
    public final List<Object> toList() {
        List<Object> out = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            out.add(get(i));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    final Selection select(IntPredicate p) {
        BitSet b = new BitSet(length);
        for (int i = 0; i < length; i++) {
            if (p.test(i)) {
                b.set(i);
            }
        }
        return Selection.fromBits(b, length);
    }

    /** The text of value {@code i} in a printed table. */
    String format(int i) {
        Object v = get(i);
        return v == null ? "None" : v.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Column)) {
            return false;
        }
        Column c = (Column) o;
        if (c.type() != type() || c.length != length || !c.name.equals(name)) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (!Objects.equals(get(i), c.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = name.hashCode();
        for (int i = 0; i < Math.min(length, 16); i++) {
            h = 31 * h + Objects.hashCode(get(i));
        }
        return h;
    }

    /** {@code name[type]: [v0, v1, ...]}, cut after 20 values. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name).append('[').append(type()).append("]: [");
        for (int i = 0; i < Math.min(length, 20); i++) {
            b.append(i > 0 ? ", " : "").append(format(i));
        }
        return b.append(length > 20 ? ", ...]" : "]").toString();
    }
}
