package io.streamz.dataframe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Immutable values with a name and an index (pandas {@code Series}): the row labels of a batch,
 * the values of the index column, or group keys. Iterates over its values.
 *
 * <pre>{@code
 * Series<Double> s = Series.of("x", List.of("a", "b"), List.of(5.0, 2.0));
 * s.get(1);     // 2.0
 * s.toMap();    // {a=5.0, b=2.0}
 * for (double v : s) System.out.println(v);
 * }</pre>
 *
 * @param <V> the value type: {@code Double}, {@code Long}, {@code Boolean}, {@code String} or {@code Instant}
 */
public final class Series<V> implements Iterable<V> {
    private final String name;
    private final Column values;
    private final Column index;

    Series(String name, Column values, Column index) {
        this.name = name;
        this.values = values;
        this.index = index;
        if (index != null && index.size() != values.size()) {
            throw new IllegalArgumentException("series \"" + name + "\": " + values.size() + " values but "
                    + index.size() + " index labels");
        }
    }

    /**
     * A series of these values, labelled by position (0, 1, ...).
     *
     * @param <V> the value type, matching the column's type
     * @param name the series' name, or {@code null} to keep the column's name for the values
     * @param values the values, not null
     * @return the new series
     */
    public static <V> Series<V> of(String name, Column values) {
        return new Series<>(name, values.rename(name == null ? values.name() : name), null);
    }

    /**
     * A series of these values with these index labels.
     *
     * @param <V> the value type, matching the column's type
     * @param name the series' name, or {@code null}
     * @param values the values, not null
     * @param index the labels, one per value, not null
     * @return the new series
     * @throws IllegalArgumentException when {@code values} and {@code index} differ in length
     */
    public static <V> Series<V> of(String name, Column values, Column index) {
        return new Series<>(name, values.rename(name == null ? values.name() : name),
                Objects.requireNonNull(index, "series: index is null"));
    }

    /**
     * A series of boxed values with these index labels (types inferred as in {@link Frame#fromRows}).
     *
     * @param <V> the value type
     * @param name the series' name, or {@code null}
     * @param index the labels, one per value, not null
     * @param values the values, not null
     * @return the new series
     * @throws IllegalArgumentException when the lists differ in length, or either holds values of
     *     mixed or unknown types
     */
    public static <V> Series<V> of(String name, List<?> index, List<V> values) {
        return new Series<>(name, Columns.infer(name == null ? "" : name, values), Columns.infer("", index));
    }

    /**
     * A series of doubles labelled by position.
     *
     * <pre>{@code
     * Series.of("x", 1.5, 2.5).toMap();   // {0=1.5, 1=2.5}
     * }</pre>
     *
     * @param name the series' name, or {@code null}
     * @param values the values (copied); {@code NaN} for missing
     * @return the new series
     */
    public static Series<Double> of(String name, double... values) {
        return new Series<>(name, DoubleColumn.of(name == null ? "" : name, values), null);
    }

    /**
     * The series' name (the column it came from), or {@code null}.
     *
     * @return the name, or {@code null}
     */
    public String name() {
        return name;
    }

    /**
     * The number of values.
     *
     * @return the number of values, at least 0
     */
    public int size() {
        return values.size();
    }

    /**
     * Value {@code i}.
     *
     * @param i the position, from 0 to {@code size() - 1}
     * @return the value ({@code NaN} for a missing double, {@code null} for a missing string or instant)
     * @throws IndexOutOfBoundsException when there is no such value
     */
    @SuppressWarnings("unchecked")
    public V get(int i) {
        Objects.checkIndex(i, values.size());
        return (V) values.get(i);
    }

    /**
     * Value {@code i} as a double.
     *
     * @param i the position, from 0 to {@code size() - 1}
     * @return the value as {@link Column#getDouble} gives it
     * @throws UnsupportedOperationException when the values are strings or instants
     */
    public double getDouble(int i) {
        return values.getDouble(i);
    }

    /**
     * The values as a column.
     *
     * @return the column of values
     */
    public Column values() {
        return values;
    }

    /**
     * The index labels as a column ({@code null} when labelled by position).
     *
     * @return the label column, or {@code null} when labelled by position
     */
    public Column indexColumn() {
        return index;
    }

    /**
     * Index label {@code i}.
     *
     * @param i the position, from 0 to {@code size() - 1}
     * @return the label; the position itself, as a {@code Long}, when there is no index
     * @throws IndexOutOfBoundsException when there is no such position
     */
    public Object indexAt(int i) {
        Objects.checkIndex(i, values.size());
        return index == null ? (Object) (long) i : index.get(i);
    }

    /**
     * The index labels.
     *
     * @return an unmodifiable list of {@link #size()} labels, as {@link #indexAt} gives them
     */
    public List<Object> index() {
        List<Object> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(indexAt(i));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The values as a list.
     *
     * @return an unmodifiable list of the values, boxed as {@link #get} gives them
     */
    @SuppressWarnings("unchecked")
    public List<V> toList() {
        return (List<V>) values.toList();
    }

    /**
     * The values as doubles.
     *
     * @return a new array of {@link #size()} values
     */
    public double[] toDoubleArray() {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.getDouble(i);
        }
        return out;
    }

    /**
     * Index label to value, in index order (pandas {@code to_dict}).
     *
     * @return an unmodifiable map; a repeated label keeps its last value
     */
    @SuppressWarnings("unchecked")
    public Map<Object, V> toMap() {
        Map<Object, V> out = new LinkedHashMap<>();
        for (int i = 0; i < size(); i++) {
            out.put(indexAt(i), (V) values.get(i));
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public Iterator<V> iterator() {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < values.size();
            }

            @Override
            @SuppressWarnings("unchecked")
            public V next() {
                if (i >= values.size()) {
                    throw new NoSuchElementException();
                }
                return (V) values.get(i++);
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Series)) {
            return false;
        }
        Series<?> s = (Series<?>) o;
        return Objects.equals(name, s.name) && toList().equals(s.toList()) && index().equals(s.index());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, toList());
    }

    /** As pandas prints a series: label and value per line, then name (if any) and dtype. */
    @Override
    public String toString() {
        return Tables.formatSeries(values, index, name);
    }
}
