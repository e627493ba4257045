package io.streamz.dataframe;

import io.streamz.Stream;
import io.streamz.dataframe.internal.CumulativeNode;
import io.streamz.dataframe.internal.KeyedState;
import io.streamz.dataframe.internal.RowStates;
import io.streamz.dataframe.internal.StreamzAggregations;
import io.streamz.dataframe.internal.WindowNode;
import io.streamz.dataframe.internal.WindowState;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * One column of a {@link StreamingDataFrame}, or an elementwise expression of its columns
 * (streamz {@code Series}): arithmetic and comparisons build new series, reductions build
 * streams with one result per batch over all history.
 *
 * <pre>{@code
 * StreamingSeries x = sdf.col("x");
 * Stream<Double> total = x.sum();                 // sum of every x so far, per batch
 * Stream<Series<Number>> run = x.cumsum();        // running sum, row by row
 * StreamingSeries big = x.gt(1);                  // a boolean series
 * sdf.where(big).col("x").count();                // how many x > 1 so far
 * x.add(sdf.col("y")).multiply(2).mean();         // mean of 2 * (x + y)
 * }</pre>
 *
 * <p>In the method examples, {@code source} is a {@code Stream<Frame>} and {@code sdf} is
 * {@code StreamingDataFrame.from(source, Frame.of("x", new double[] {0}, "y", new double[] {0}))},
 * with two double columns x and y (the {@link #valueCounts()} example's {@code sdf} has one string
 * column, name, instead). A comment such as {@code // [2.0, 3.0, 4.0]} after a series
 * gives its values ({@code stream().map(Series::toList)}) for the batch
 * {@code Frame.of("x", new double[] {1, 2, 3}, "y", new double[] {4, 2, 1})}.
 *
 * <p>A series is an expression over the batches of its dataframe: combining two series (or
 * using one in {@code where}, {@code assign} or {@code groupby}) needs both to come from the
 * same dataframe, and fails with an {@link IllegalArgumentException} otherwise.
 */
public final class StreamingSeries {
    private final StreamingDataFrame base;
    private final String name;
    private final Function<Frame, Column> fn;
    private volatile Stream<Series<Object>> stream;

    StreamingSeries(StreamingDataFrame base, String name, Function<Frame, Column> fn) {
        this.base = base;
        this.name = name;
        this.fn = fn;
    }

    /**
     * The series' name (its column's name).
     *
     * @return the name; derived series keep the name of the series they start from
     */
    public String name() {
        return name;
    }

    /**
     * The dataframe this series is computed from.
     *
     * <pre>{@code
     * sdf.col("x").add(1).dataframe();   // sdf itself
     * sdf.col("x").tail(2).dataframe();  // a new dataframe, downstream of sdf
     * }</pre>
     *
     * @return the dataframe
     */
    public StreamingDataFrame dataframe() {
        return base;
    }

    /**
     * The values' type, computed on the example.
     *
     * @return the type of the values
     * @throws IllegalStateException when the columns are not known yet (see
     *     {@link StreamingDataFrame#example()})
     */
    public ColumnType dtype() {
        return fn.apply(base.example()).type();
    }

    /**
     * The series of each batch, labelled by the index column (or by position).
     *
     * <pre>{@code
     * // sdf = StreamingDataFrame.from(source, Frame.of("x", new long[] {0}))
     * sdf.col("x").stream().sink(System.out::println);
     * source.emit(Frame.of("x", new long[] {3, 1}));
     * // prints
     * // 0    3
     * // 1    1
     * // Name: x, dtype: int64
     * }</pre>
     *
     * @return the stream of series, one per batch, downstream of the dataframe; the same stream on
     *     every call
     */
    @SuppressWarnings("unchecked")
    public Stream<Series<Object>> stream() {
        Stream<Series<Object>> s = stream;
        if (s == null) {
            Function<Frame, Column> labels = labels();
            s = base.stream().map(f -> labels == null ? Series.<Object>of(name, fn.apply(f).rename(name))
                    : Series.<Object>of(name, fn.apply(f).rename(name), labels.apply(f))).named("series");
            stream = s;
        }
        return s;
    }

    /**
     * A one-column streaming dataframe of this series (pandas {@code to_frame}); the index column,
     * if any, is kept before it.
     *
     * <pre>{@code
     * StreamingDataFrame doubled = sdf.col("x").multiply(2).toFrame();
     * doubled.columns();   // [x]
     * doubled.col("x");    // [2.0, 4.0, 6.0]
     * }</pre>
     *
     * @return the new streaming dataframe, downstream of this series' dataframe
     */
    public StreamingDataFrame toFrame() {
        return base.mapPartitions("toFrame", f -> {
            Frame one = Frame.ofColumns(fn.apply(f).rename(name));
            String idx = base.indexColumn();
            return idx == null || idx.equals(name) ? one : Frame.ofColumns(f.column(idx), one.column(0));
        });
    }

    Function<Frame, Column> labels() {
        String idx = base.indexColumn();
        return idx == null ? null : f -> f.column(idx);
    }

    /** The column function of this series over {@code sdf}'s batches; refuses a series of another dataframe. */
    Function<Frame, Column> over(StreamingDataFrame sdf, String who) {
        if (sdf.stream() != base.stream()) {
            throw new IllegalArgumentException(who + ": series \"" + name
                    + "\" comes from another dataframe; combine series of one dataframe only");
        }
        return fn;
    }

    // ------------------------------------------------------------------ elementwise

    private StreamingSeries derive(Function<Column, Column> op) {
        Function<Frame, Column> f = fn;
        return checked(new StreamingSeries(base, name, fr -> op.apply(f.apply(fr)).rename(name)));
    }

    /** {@code s}, once its expression ran on the example (when known): type errors show when the graph is built. */
    private static StreamingSeries checked(StreamingSeries s) {
        Frame e = s.base.knownExample();
        if (e != null) {
            s.fn.apply(e);
        }
        return s;
    }

    private StreamingSeries derive(StreamingSeries other, String who, java.util.function.BinaryOperator<Column> op) {
        Function<Frame, Column> a = fn;
        Function<Frame, Column> b = other.over(base, who);
        return checked(new StreamingSeries(base, name, fr -> op.apply(a.apply(fr), b.apply(fr)).rename(name)));
    }

    static NumericColumn numeric(Column c, String who) {
        if (c instanceof NumericColumn) {
            return (NumericColumn) c;
        }
        if (c instanceof BooleanColumn) {
            return (NumericColumn) Columns.cast(c, ColumnType.LONG);
        }
        throw new IllegalArgumentException(who + ": column \"" + c.name() + "\" is " + c.type() + ", not a number");
    }

    static Selection truth(Column c) {
        if (!(c instanceof BooleanColumn)) {
            throw new IllegalArgumentException("where: series \"" + c.name() + "\" is " + c.type()
                    + ", expected BOOLEAN (a comparison such as col(\"x\").gt(1))");
        }
        return ((BooleanColumn) c).isTrue();
    }

    /**
     * Elementwise {@code x + v}.
     *
     * <pre>{@code
     * List<List<Object>> out = sdf.col("x").add(1).stream().map(Series::toList).sinkToList();
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "y", new double[] {4, 2, 1}));
     * // out: [[2.0, 3.0, 4.0]]
     * sdf.col("x").add(sdf.col("y"));   // [5.0, 4.0, 4.0]
     * }</pre>
     *
     * @param v the operand
     * @return the new series, over the same dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public StreamingSeries add(double v) {
        return derive(c -> numeric(c, "add").add(v));
    }

    /**
     * Elementwise {@code x + y}.
     *
     * @param other a series of the same dataframe
     * @return the new series, over the same dataframe
     * @throws IllegalArgumentException when {@code other} comes from another dataframe, or the
     *     example is known and either series' values are not numbers
     */
    public StreamingSeries add(StreamingSeries other) {
        return derive(other, "add", (a, b) -> numeric(a, "add").add(numeric(b, "add")));
    }

    /**
     * Elementwise {@code x - v}.
     *
     * <pre>{@code
     * sdf.col("x").subtract(1);              // [0.0, 1.0, 2.0]
     * sdf.col("x").subtract(sdf.col("y"));   // [-3.0, 0.0, 2.0]
     * }</pre>
     *
     * @param v the operand
     * @return the new series, over the same dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public StreamingSeries subtract(double v) {
        return derive(c -> numeric(c, "subtract").subtract(v));
    }

    /**
     * Elementwise {@code x - y}.
     *
     * @param other a series of the same dataframe
     * @return the new series, over the same dataframe
     * @throws IllegalArgumentException when {@code other} comes from another dataframe, or the
     *     example is known and either series' values are not numbers
     */
    public StreamingSeries subtract(StreamingSeries other) {
        return derive(other, "subtract", (a, b) -> numeric(a, "subtract").subtract(numeric(b, "subtract")));
    }

    /**
     * Elementwise {@code x * v}.
     *
     * <pre>{@code
     * sdf.col("x").multiply(2);              // [2.0, 4.0, 6.0]
     * sdf.col("x").multiply(sdf.col("y"));   // [4.0, 4.0, 3.0]
     * }</pre>
     *
     * @param v the operand
     * @return the new series, over the same dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public StreamingSeries multiply(double v) {
        return derive(c -> numeric(c, "multiply").multiply(v));
    }

    /**
     * Elementwise {@code x * y}.
     *
     * @param other a series of the same dataframe
     * @return the new series, over the same dataframe
     * @throws IllegalArgumentException when {@code other} comes from another dataframe, or the
     *     example is known and either series' values are not numbers
     */
    public StreamingSeries multiply(StreamingSeries other) {
        return derive(other, "multiply", (a, b) -> numeric(a, "multiply").multiply(numeric(b, "multiply")));
    }

    /**
     * Elementwise {@code x / v} (always doubles).
     *
     * <pre>{@code
     * sdf.col("x").divide(2);              // [0.5, 1.0, 1.5]
     * sdf.col("x").divide(sdf.col("y"));   // [0.25, 1.0, 3.0]
     * }</pre>
     *
     * @param v the operand
     * @return the new series, over the same dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public StreamingSeries divide(double v) {
        return derive(c -> numeric(c, "divide").divide(v));
    }

    /**
     * Elementwise {@code x / y}.
     *
     * @param other a series of the same dataframe
     * @return the new series, over the same dataframe
     * @throws IllegalArgumentException when {@code other} comes from another dataframe, or the
     *     example is known and either series' values are not numbers
     */
    public StreamingSeries divide(StreamingSeries other) {
        return derive(other, "divide", (a, b) -> numeric(a, "divide").divide(numeric(b, "divide")));
    }

    /**
     * Elementwise {@code x % v}, with the sign of {@code v} as in Python; long values modulo a
     * whole {@code v} stay long.
     *
     * <pre>{@code
     * sdf.col("x").mod(2);    // [1.0, 0.0, 1.0]
     * sdf.col("x").mod(-2);   // [-1.0, 0.0, -1.0]
     * }</pre>
     *
     * @param v the divisor
     * @return the new series, over the same dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public StreamingSeries mod(double v) {
        return derive(c -> {
            NumericColumn n = numeric(c, "mod");
            DoubleColumn d = n.map(a -> a - Math.floor(a / v) * v);
            return n instanceof LongColumn && v == Math.rint(v) ? Columns.cast(d, ColumnType.LONG) : d;
        });
    }

    /**
     * Elementwise {@code -x}.
     *
     * <pre>{@code
     * sdf.col("x").negate();   // [-1.0, -2.0, -3.0]
     * }</pre>
     *
     * @return the new series, over the same dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public StreamingSeries negate() {
        return derive(c -> numeric(c, "negate").multiply(-1));
    }

    /**
     * Elementwise {@code func(x)} on numbers (pandas {@code map}).
     *
     * <pre>{@code
     * sdf.col("x").map(v -> v * v);   // [1.0, 4.0, 9.0]
     * }</pre>
     *
     * @param func the function of each value, not null
     * @return the new series, over the same dataframe, of doubles
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public StreamingSeries map(DoubleUnaryOperator func) {
        Objects.requireNonNull(func, "map: func is null");
        return derive(c -> numeric(c, "map").map(func));
    }

    /**
     * Elementwise {@code func(x)} on any values; the results' type is inferred per batch.
     *
     * <pre>{@code
     * sdf.col("x").mapValues(v -> (Double) v > 1 ? "big" : "small");   // [small, big, big]
     * }</pre>
     *
     * @param func the function of each value (boxed; {@code null} or {@code NaN} when missing), not
     *     null
     * @return the new series, over the same dataframe
     */
    public StreamingSeries mapValues(Function<Object, ?> func) {
        Objects.requireNonNull(func, "mapValues: func is null");
        return derive(c -> {
            java.util.List<Object> out = new java.util.ArrayList<>(c.size());
            for (int i = 0; i < c.size(); i++) {
                out.add(func.apply(c.get(i)));
            }
            return Column.from(c.name(), out);
        });
    }

    /**
     * The values converted to {@code type} (pandas {@code astype}).
     *
     * <pre>{@code
     * sdf.col("x").astype(ColumnType.LONG);   // [1, 2, 3]
     * }</pre>
     *
     * @param type the target type, not null
     * @return the new series, over the same dataframe
     */
    public StreamingSeries astype(ColumnType type) {
        Objects.requireNonNull(type, "astype: type is null");
        return derive(c -> Columns.cast(c, type));
    }

    /**
     * The values rounded to {@code decimals} places, half to even (pandas {@code round}).
     *
     * <pre>{@code
     * sdf.col("x").divide(sdf.col("y")).round(1);   // [0.2, 1.0, 3.0] (0.25 rounds to 0.2)
     * }</pre>
     *
     * @param decimals the number of decimal places
     * @return the new series, over the same dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public StreamingSeries round(int decimals) {
        return derive(c -> numeric(c, "round").round(decimals));
    }

    /**
     * Missing values replaced by {@code v} (pandas {@code fillna}).
     *
     * <pre>{@code
     * List<List<Object>> out = sdf.col("x").fillna(0).stream().map(Series::toList).sinkToList();
     * source.emit(Frame.of("x", new double[] {1, Double.NaN}, "y", new double[] {0, 0}));
     * // out: [[1.0, 0.0]]
     * }</pre>
     *
     * @param v the replacement value
     * @return the new series, over the same dataframe: of doubles for a double column; a long or
     *     boolean column has no missing values and stays as it is, as in pandas
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public StreamingSeries fillna(double v) {
        return derive(c -> {
            NumericColumn n = numeric(c, "fillna");
            return n instanceof DoubleColumn ? n.map(a -> Double.isNaN(a) ? v : a) : n;
        });
    }

    /**
     * Whether each value is missing (pandas {@code isna}).
     *
     * <pre>{@code
     * List<List<Object>> out = sdf.col("x").isMissing().stream().map(Series::toList).sinkToList();
     * source.emit(Frame.of("x", new double[] {1, Double.NaN}, "y", new double[] {0, 0}));
     * // out: [[false, true]]
     * }</pre>
     *
     * @return the new boolean series, over the same dataframe
     */
    public StreamingSeries isMissing() {
        return derive(c -> BooleanColumn.of(c.name(), c.isMissing()));
    }

    private StreamingSeries compare(double v, String who, DoubleBinaryOperator cmp) {
        return derive(c -> {
            NumericColumn n = numeric(c, who);
            boolean[] out = new boolean[n.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = cmp.applyAsDouble(n.getDouble(i), v) != 0;
            }
            return BooleanColumn.of(c.name(), out);
        });
    }

    private StreamingSeries compare(StreamingSeries other, String who, DoubleBinaryOperator cmp) {
        return derive(other, who, (a, b) -> {
            NumericColumn x = numeric(a, who);
            NumericColumn y = numeric(b, who);
            boolean[] out = new boolean[x.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = cmp.applyAsDouble(x.getDouble(i), y.getDouble(i)) != 0;
            }
            return BooleanColumn.of(a.name(), out);
        });
    }

    /**
     * Elementwise {@code x > v}.
     *
     * <pre>{@code
     * sdf.col("x").gt(2);              // [false, false, true]
     * sdf.col("x").gt(sdf.col("y"));   // [false, false, true]
     * }</pre>
     *
     * @param v the value to compare with
     * @return the new boolean series, over the same dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public StreamingSeries gt(double v) {
        return compare(v, "gt", (a, b) -> a > b ? 1 : 0);
    }

    /**
     * Elementwise {@code x >= v}.
     *
     * <pre>{@code
     * sdf.col("x").ge(2);              // [false, true, true]
     * sdf.col("x").ge(sdf.col("y"));   // [false, true, true]
     * }</pre>
     *
     * @param v the value to compare with
     * @return the new boolean series, over the same dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public StreamingSeries ge(double v) {
        return compare(v, "ge", (a, b) -> a >= b ? 1 : 0);
    }

    /**
     * Elementwise {@code x < v}.
     *
     * <pre>{@code
     * sdf.col("x").lt(2);              // [true, false, false]
     * sdf.col("x").lt(sdf.col("y"));   // [true, false, false]
     * }</pre>
     *
     * @param v the value to compare with
     * @return the new boolean series, over the same dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public StreamingSeries lt(double v) {
        return compare(v, "lt", (a, b) -> a < b ? 1 : 0);
    }

    /**
     * Elementwise {@code x <= v}.
     *
     * <pre>{@code
     * sdf.col("x").le(2);              // [true, true, false]
     * sdf.col("x").le(sdf.col("y"));   // [true, true, false]
     * }</pre>
     *
     * @param v the value to compare with
     * @return the new boolean series, over the same dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public StreamingSeries le(double v) {
        return compare(v, "le", (a, b) -> a <= b ? 1 : 0);
    }

    /**
     * Elementwise {@code x == v}.
     *
     * <pre>{@code
     * sdf.col("x").eq(2);              // [false, true, false]
     * sdf.col("x").eq(sdf.col("y"));   // [false, true, false]
     * }</pre>
     *
     * @param v the value to compare with
     * @return the new boolean series, over the same dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public StreamingSeries eq(double v) {
        return compare(v, "eq", (a, b) -> a == b ? 1 : 0);
    }

    /**
     * Elementwise {@code x != v}.
     *
     * <pre>{@code
     * sdf.col("x").ne(2);              // [true, false, true]
     * sdf.col("x").ne(sdf.col("y"));   // [true, false, true]
     * }</pre>
     *
     * @param v the value to compare with
     * @return the new boolean series, over the same dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public StreamingSeries ne(double v) {
        return compare(v, "ne", (a, b) -> a != b ? 1 : 0);
    }

    /**
     * Elementwise {@code x == s} for a string series.
     *
     * @param s the string to compare with, not null
     * @return the new boolean series, over the same dataframe
     * @throws IllegalArgumentException when the example is known and the values are not strings
     */
    public StreamingSeries eq(String s) {
        Objects.requireNonNull(s, "eq: s is null");
        return derive(c -> {
            if (!(c instanceof StringColumn)) {
                throw new IllegalArgumentException("eq: column \"" + c.name() + "\" is " + c.type() + ", not STRING");
            }
            return BooleanColumn.of(c.name(), ((StringColumn) c).isEqualTo(s));
        });
    }

    /**
     * Elementwise {@code x > y}.
     *
     * @param other a series of the same dataframe
     * @return the new boolean series, over the same dataframe
     * @throws IllegalArgumentException when {@code other} comes from another dataframe, or the
     *     example is known and either series' values are not numbers
     */
    public StreamingSeries gt(StreamingSeries other) {
        return compare(other, "gt", (a, b) -> a > b ? 1 : 0);
    }

    /**
     * Elementwise {@code x >= y}.
     *
     * @param other a series of the same dataframe
     * @return the new boolean series, over the same dataframe
     * @throws IllegalArgumentException when {@code other} comes from another dataframe, or the
     *     example is known and either series' values are not numbers
     */
    public StreamingSeries ge(StreamingSeries other) {
        return compare(other, "ge", (a, b) -> a >= b ? 1 : 0);
    }

    /**
     * Elementwise {@code x < y}.
     *
     * @param other a series of the same dataframe
     * @return the new boolean series, over the same dataframe
     * @throws IllegalArgumentException when {@code other} comes from another dataframe, or the
     *     example is known and either series' values are not numbers
     */
    public StreamingSeries lt(StreamingSeries other) {
        return compare(other, "lt", (a, b) -> a < b ? 1 : 0);
    }

    /**
     * Elementwise {@code x <= y}.
     *
     * @param other a series of the same dataframe
     * @return the new boolean series, over the same dataframe
     * @throws IllegalArgumentException when {@code other} comes from another dataframe, or the
     *     example is known and either series' values are not numbers
     */
    public StreamingSeries le(StreamingSeries other) {
        return compare(other, "le", (a, b) -> a <= b ? 1 : 0);
    }

    /**
     * Elementwise {@code x == y}.
     *
     * @param other a series of the same dataframe
     * @return the new boolean series, over the same dataframe
     * @throws IllegalArgumentException when {@code other} comes from another dataframe, or the
     *     example is known and either series' values are not numbers
     */
    public StreamingSeries eq(StreamingSeries other) {
        return compare(other, "eq", (a, b) -> a == b ? 1 : 0);
    }

    /**
     * Elementwise {@code x != y}.
     *
     * @param other a series of the same dataframe
     * @return the new boolean series, over the same dataframe
     * @throws IllegalArgumentException when {@code other} comes from another dataframe, or the
     *     example is known and either series' values are not numbers
     */
    public StreamingSeries ne(StreamingSeries other) {
        return compare(other, "ne", (a, b) -> a != b ? 1 : 0);
    }

    /**
     * Elementwise {@code x & y} of boolean series.
     *
     * <pre>{@code
     * sdf.col("x").gt(1).and(sdf.col("y").gt(1));   // [false, true, false]
     * }</pre>
     *
     * @param other a boolean series of the same dataframe
     * @return the new boolean series, over the same dataframe
     * @throws IllegalArgumentException when {@code other} comes from another dataframe, or the
     *     example is known and either series is not boolean
     */
    public StreamingSeries and(StreamingSeries other) {
        return derive(other, "and", (a, b) -> BooleanColumn.of(a.name(), truth(a).and(truth(b))));
    }

    /**
     * Elementwise {@code x | y} of boolean series.
     *
     * <pre>{@code
     * sdf.col("x").lt(2).or(sdf.col("y").lt(2));   // [true, false, true]
     * }</pre>
     *
     * @param other a boolean series of the same dataframe
     * @return the new boolean series, over the same dataframe
     * @throws IllegalArgumentException when {@code other} comes from another dataframe, or the
     *     example is known and either series is not boolean
     */
    public StreamingSeries or(StreamingSeries other) {
        return derive(other, "or", (a, b) -> BooleanColumn.of(a.name(), truth(a).or(truth(b))));
    }

    /**
     * Elementwise {@code ~x} of a boolean series.
     *
     * <pre>{@code
     * sdf.col("x").gt(1).not();   // [true, false, false]
     * }</pre>
     *
     * @return the new boolean series, over the same dataframe
     * @throws IllegalArgumentException when the example is known and the series is not boolean
     */
    public StreamingSeries not() {
        return derive(c -> BooleanColumn.of(c.name(), truth(c).not()));
    }

    /**
     * The last {@code n} values of each batch (streamz {@code tail}); all of them when fewer.
     *
     * <pre>{@code
     * sdf.col("x").tail(2);   // [2.0, 3.0]
     * }</pre>
     *
     * @param n the number of values to keep; 0 or less keeps none
     * @return the new series, of a new dataframe downstream of this series' one
     */
    public StreamingSeries tail(int n) {
        return materialized().mapPartitions("tail", f -> f.tail(n)).col(name);
    }

    StreamingDataFrame materialized() {
        Function<Frame, Column> f = fn;
        return base.mapPartitions("series", fr -> fr.withColumn(f.apply(fr).rename(name)));
    }

    // ------------------------------------------------------------------ reductions

    private <S, R> Stream<R> reduce(String kind, Aggregation<S, R> agg, S start) {
        Function<Frame, Column> values = kind.equals("count") || kind.equals("size") || kind.equals("aggregate")
                ? fn : numericFn(kind);
        return WindowNode.expanding(base.stream(), kind, WindowState.of(agg, values, start));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <R> Stream<R> reduce(String kind, Aggregation<?, R> agg) {
        return reduce(kind, (Aggregation) agg, null);
    }

    /**
     * The sum of all values so far, once per batch (streamz {@code sum}; missing values skipped).
     *
     * <pre>{@code
     * List<Double> out = sdf.col("x").sum().sinkToList();
     * source.emit(Frame.of("x", new double[] {1, 3}, "y", new double[] {0, 0}));
     * source.emit(Frame.of("x", new double[] {5}, "y", new double[] {0}));
     * // out: [4.0, 9.0]
     * }</pre>
     *
     * @return the new stream of sums, one per batch, downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public Stream<Double> sum() {
        return reduce("sum", Aggregation.sum());
    }

    /**
     * As {@link #sum()}, starting from {@code start} (streamz {@code sum(start=...)}).
     *
     * @param start the value the sum starts from
     * @return the new stream of sums, one per batch, downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public Stream<Double> sum(double start) {
        return reduce("sum", StreamzAggregations.sum(), StreamzAggregations.startingAt(start));
    }

    /**
     * The mean of all values so far (0 before any value, as streamz).
     *
     * <pre>{@code
     * List<Double> out = sdf.col("x").mean().sinkToList();
     * source.emit(Frame.of("x", new double[] {1, 3}, "y", new double[] {0, 0}));
     * source.emit(Frame.of("x", new double[] {5}, "y", new double[] {0}));
     * // out: [2.0, 3.0]
     * }</pre>
     *
     * @return the new stream of means, one per batch, downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public Stream<Double> mean() {
        return reduce("mean", Aggregation.mean());
    }

    /**
     * The number of non-missing values so far.
     *
     * <pre>{@code
     * List<Long> out = sdf.col("x").count().sinkToList();
     * source.emit(Frame.of("x", new double[] {1, Double.NaN}, "y", new double[] {0, 0}));
     * source.emit(Frame.of("x", new double[] {5}, "y", new double[] {0}));
     * // out: [1, 2]
     * }</pre>
     *
     * @return the new stream of counts, one per batch, downstream of the dataframe
     */
    public Stream<Long> count() {
        return reduce("count", Aggregation.count());
    }

    /**
     * The number of rows so far.
     *
     * <pre>{@code
     * List<Long> out = sdf.col("x").size().sinkToList();
     * source.emit(Frame.of("x", new double[] {1, Double.NaN}, "y", new double[] {0, 0}));
     * source.emit(Frame.of("x", new double[] {5}, "y", new double[] {0}));
     * // out: [2, 3]
     * }</pre>
     *
     * @return the new stream of row counts, one per batch, downstream of the dataframe
     */
    public Stream<Long> size() {
        return reduce("size", Aggregation.size());
    }

    /**
     * The minimum so far ({@code NaN} before any value).
     *
     * <pre>{@code
     * List<Double> out = sdf.col("x").min().sinkToList();
     * source.emit(Frame.of("x", new double[] {1, 3}, "y", new double[] {0, 0}));
     * source.emit(Frame.of("x", new double[] {5}, "y", new double[] {0}));
     * // out: [1.0, 1.0]
     * }</pre>
     *
     * @return the new stream of minima, one per batch, downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public Stream<Double> min() {
        return reduce("min", Aggregation.min());
    }

    /**
     * The maximum so far ({@code NaN} before any value).
     *
     * <pre>{@code
     * List<Double> out = sdf.col("x").max().sinkToList();
     * source.emit(Frame.of("x", new double[] {1, 3}, "y", new double[] {0, 0}));
     * source.emit(Frame.of("x", new double[] {5}, "y", new double[] {0}));
     * // out: [3.0, 5.0]
     * }</pre>
     *
     * @return the new stream of maxima, one per batch, downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public Stream<Double> max() {
        return reduce("max", Aggregation.max());
    }

    /**
     * The sample variance (ddof 1) so far; {@code NaN} for fewer than 2 values.
     *
     * <pre>{@code
     * List<Double> out = sdf.col("x").var().sinkToList();
     * source.emit(Frame.of("x", new double[] {0, 2}, "y", new double[] {0, 0}));
     * source.emit(Frame.of("x", new double[] {4}, "y", new double[] {0}));
     * // out: [2.0, 4.0]
     * }</pre>
     *
     * @return the new stream of variances, one per batch, downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public Stream<Double> var() {
        return var(1);
    }

    /**
     * The variance with {@code ddof} delta degrees of freedom so far; {@code NaN} while there are
     * no more values than {@code ddof}.
     *
     * @param ddof delta degrees of freedom: the divisor is the count minus {@code ddof}
     * @return the new stream of variances, one per batch, downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public Stream<Double> var(int ddof) {
        return reduce("var", Aggregation.var(ddof), null);
    }

    /**
     * The sample standard deviation (ddof 1) so far.
     *
     * <pre>{@code
     * List<Double> out = sdf.col("x").std().sinkToList();
     * source.emit(Frame.of("x", new double[] {0, 2}, "y", new double[] {0, 0}));
     * source.emit(Frame.of("x", new double[] {4}, "y", new double[] {0}));
     * // out: [1.4142135623730951, 2.0]
     * }</pre>
     *
     * @return the new stream of standard deviations, one per batch, downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public Stream<Double> std() {
        return std(1);
    }

    /**
     * The standard deviation with {@code ddof} delta degrees of freedom so far.
     *
     * @param ddof delta degrees of freedom: the divisor is the count minus {@code ddof}
     * @return the new stream of standard deviations, one per batch, downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    public Stream<Double> std(int ddof) {
        return reduce("std", Aggregation.std(ddof), null);
    }

    /**
     * A custom aggregation over all values so far (streamz {@code aggregate}); the state starts
     * from {@link Aggregation#initial}.
     *
     * <pre>{@code
     * List<Double> out = sdf.col("x").aggregate(Aggregation.max()).sinkToList();
     * source.emit(Frame.of("x", new double[] {1, 3}, "y", new double[] {0, 0}));
     * source.emit(Frame.of("x", new double[] {5}, "y", new double[] {0}));
     * // out: [3.0, 5.0]
     * }</pre>
     *
     * @param <S> the aggregation's state type
     * @param <R> the aggregation's result type
     * @param agg the aggregation, not null
     * @return the new stream of the aggregation's results, one per batch, downstream of the
     *     dataframe
     */
    public <S, R> Stream<R> aggregate(Aggregation<S, R> agg) {
        return reduce("aggregate", Objects.requireNonNull(agg, "aggregate: agg is null"), null);
    }

    /**
     * A custom aggregation from a start state (streamz {@code aggregate(agg, start=...)}).
     *
     * @param <S> the aggregation's state type
     * @param <R> the aggregation's result type
     * @param agg the aggregation, not null
     * @param start the state to start from instead of {@link Aggregation#initial}, not null
     * @return the new stream of the aggregation's results, one per batch, downstream of the
     *     dataframe
     */
    public <S, R> Stream<R> aggregate(Aggregation<S, R> agg, S start) {
        return reduce("aggregate", Objects.requireNonNull(agg, "aggregate: agg is null"),
                Objects.requireNonNull(start, "aggregate: start is null"));
    }

    /**
     * How often each value occurred so far, indexed by value in sorted order (streamz
     * {@code value_counts}); missing values are not counted.
     *
     * <pre>{@code
     * // sdf = StreamingDataFrame.from(source, Frame.of("name", new String[] {"a"}))
     * List<Map<Object, Long>> out = sdf.col("name").valueCounts().map(Series::toMap).sinkToList();
     * source.emit(Frame.of("name", new String[] {"b", "a", "b"}));
     * source.emit(Frame.of("name", new String[] {"a"}));
     * // out: [{a=1, b=2}, {a=2, b=2}]
     * }</pre>
     *
     * @return the new stream of counts, one {@link Series} per batch, downstream of the dataframe
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Stream<Series<Long>> valueCounts() {
        return (Stream) WindowNode.expanding(base.stream(), "valueCounts",
                new KeyedState(fn, fn, RowStates.Count::new, true));
    }

    // ------------------------------------------------------------------ cumulative

    /**
     * The running sum, one series per batch aligned with its rows; the values are {@code Long}
     * for a long column and {@code Double} otherwise (missing values stay missing and are
     * skipped, as in pandas).
     *
     * <pre>{@code
     * Stream<Frame> source = Stream.create();
     * StreamingDataFrame sdf = StreamingDataFrame.from(source, Frame.of("x", new long[] {0}));
     * List<List<Number>> out = sdf.col("x").cumsum().map(Series::toList).sinkToList();
     * source.emit(Frame.of("x", new long[] {1, 2}));
     * source.emit(Frame.of("x", new long[] {3}));
     * // out: [[1, 3], [6]]
     * }</pre>
     *
     * @return the new stream of running sums, one {@link Series} per batch, downstream of the
     *     dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Stream<Series<Number>> cumsum() {
        return (Stream) new CumulativeNode(base.stream(), "cumsum", numericFn("cumsum"), labels());
    }

    /**
     * The running product (see {@link #cumsum()}).
     *
     * <pre>{@code
     * // sdf = StreamingDataFrame.from(source, Frame.of("x", new long[] {0}))
     * sdf.col("x").cumprod().map(Series::toList).sink(System.out::println);
     * source.emit(Frame.of("x", new long[] {3, 1}));   // prints [3, 3]
     * source.emit(Frame.of("x", new long[] {2, 5}));   // prints [6, 30]
     * }</pre>
     *
     * @return the new stream of running products, one {@link Series} per batch, downstream of the
     *     dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Stream<Series<Number>> cumprod() {
        return (Stream) new CumulativeNode(base.stream(), "cumprod", numericFn("cumprod"), labels());
    }

    /**
     * The running minimum (see {@link #cumsum()}).
     *
     * <pre>{@code
     * // sdf = StreamingDataFrame.from(source, Frame.of("x", new long[] {0}))
     * sdf.col("x").cummin().map(Series::toList).sink(System.out::println);
     * source.emit(Frame.of("x", new long[] {3, 1}));   // prints [3, 1]
     * source.emit(Frame.of("x", new long[] {2, 5}));   // prints [1, 1]
     * }</pre>
     *
     * @return the new stream of running minima, one {@link Series} per batch, downstream of the
     *     dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Stream<Series<Number>> cummin() {
        return (Stream) new CumulativeNode(base.stream(), "cummin", numericFn("cummin"), labels());
    }

    /**
     * The running maximum (see {@link #cumsum()}).
     *
     * <pre>{@code
     * // sdf = StreamingDataFrame.from(source, Frame.of("x", new long[] {0}))
     * sdf.col("x").cummax().map(Series::toList).sink(System.out::println);
     * source.emit(Frame.of("x", new long[] {3, 1}));   // prints [3, 3]
     * source.emit(Frame.of("x", new long[] {2, 5}));   // prints [3, 5]
     * }</pre>
     *
     * @return the new stream of running maxima, one {@link Series} per batch, downstream of the
     *     dataframe
     * @throws IllegalArgumentException when the example is known and the values are not numbers
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Stream<Series<Number>> cummax() {
        return (Stream) new CumulativeNode(base.stream(), "cummax", numericFn("cummax"), labels());
    }

    // ------------------------------------------------------------------ windows

    Function<Frame, Column> fn() {
        return fn;
    }

    /** This series' expression, after checking (when the example is known) that its values are numbers. */
    Function<Frame, Column> numericFn(String who) {
        Frame e = base.knownExample();
        if (e != null && !fn.apply(e).type().isNumeric()) {
            throw new IllegalArgumentException(who + ": column \"" + name + "\" is " + fn.apply(e).type()
                    + ", not a number");
        }
        return fn;
    }

    /**
     * Rolling aggregations of this series (see {@link StreamingDataFrame#rolling(int)}).
     *
     * <pre>{@code
     * List<List<Double>> out = sdf.col("x").rolling(2).sum().map(Series::toList).sinkToList();
     * source.emit(Frame.of("x", new double[] {1, 3}, "y", new double[] {0, 0}));
     * source.emit(Frame.of("x", new double[] {5}, "y", new double[] {0}));
     * // out: [[NaN, 4.0], [8.0]]
     * }</pre>
     *
     * @param n the window's size in rows, at least 1
     * @return the rolling aggregations of this series
     * @throws IllegalArgumentException when {@code n} is less than 1
     */
    public SeriesRolling rolling(int n) {
        return base.rolling(n).on(this);
    }

    /**
     * Rolling aggregations over a time span of the index (see
     * {@link StreamingDataFrame#rolling(String)}).
     *
     * @param window the time span, such as {@code "2s"}; positive
     * @return the rolling aggregations of this series
     * @throws IllegalArgumentException when {@code window} cannot be parsed or is not positive
     * @throws IllegalStateException when the dataframe has no index column
     */
    public SeriesRolling rolling(String window) {
        return base.rolling(window).on(this);
    }

    /**
     * See {@link #rolling(String)}.
     *
     * @param window the time span; positive
     * @return the rolling aggregations of this series
     * @throws IllegalArgumentException when {@code window} is not positive
     * @throws IllegalStateException when the dataframe has no index column
     */
    public SeriesRolling rolling(Duration window) {
        return base.rolling(window).on(this);
    }

    /**
     * Aggregations over the last {@code n} rows (see {@link StreamingDataFrame#window(int)}).
     *
     * <pre>{@code
     * List<Double> out = sdf.col("x").window(2).sum().sinkToList();
     * source.emit(Frame.of("x", new double[] {1, 3}, "y", new double[] {0, 0}));
     * source.emit(Frame.of("x", new double[] {5}, "y", new double[] {0}));
     * // out: [4.0, 8.0]
     * }</pre>
     *
     * @param n the window's size in rows, at least 1
     * @return the window's aggregations of this series
     * @throws IllegalArgumentException when {@code n} is less than 1
     */
    public SeriesWindow window(int n) {
        return base.window(n).on(this);
    }

    /**
     * Aggregations over a time span of the index (see {@link StreamingDataFrame#window(String)}).
     *
     * @param value the time span, such as {@code "2h"}; positive
     * @return the window's aggregations of this series
     * @throws IllegalArgumentException when {@code value} cannot be parsed or is not positive
     * @throws IllegalStateException when the dataframe has no index column
     */
    public SeriesWindow window(String value) {
        return base.window(value).on(this);
    }

    /**
     * See {@link #window(String)}.
     *
     * @param value the time span; positive
     * @return the window's aggregations of this series
     * @throws IllegalArgumentException when {@code value} is not positive
     * @throws IllegalStateException when the dataframe has no index column
     */
    public SeriesWindow window(Duration value) {
        return base.window(value).on(this);
    }

    /**
     * Aggregations over all rows so far (streamz {@code expanding()}).
     *
     * <pre>{@code
     * List<Double> out = sdf.col("x").expanding().max().sinkToList();
     * source.emit(Frame.of("x", new double[] {1, 3}, "y", new double[] {0, 0}));
     * source.emit(Frame.of("x", new double[] {5}, "y", new double[] {0}));
     * // out: [3.0, 5.0]
     * }</pre>
     *
     * @return the expanding window's aggregations of this series
     */
    public SeriesWindow expanding() {
        return base.expanding().on(this);
    }

    /**
     * Exponentially weighted aggregations (see {@link StreamingDataFrame#ewm}).
     *
     * <pre>{@code
     * List<Double> out = sdf.col("x").ewm("alpha", 0.5).mean().sinkToList();
     * source.emit(Frame.of("x", new double[] {1, 3}, "y", new double[] {0, 0}));
     * source.emit(Frame.of("x", new double[] {5}, "y", new double[] {0}));
     * // out: [2.3333333333333335, 3.857142857142857]
     * }</pre>
     *
     * @param param which decay {@code value} gives: {@code "com"}, {@code "span"},
     *     {@code "halflife"} or {@code "alpha"}
     * @param value the decay, in the range {@code param} allows
     * @return the exponentially weighted aggregations of this series
     * @throws IllegalArgumentException when {@code param} is unknown or {@code value} out of range
     */
    public Ewm ewm(String param, double value) {
        return base.ewm(param, value).on(this);
    }

    /**
     * Exponentially weighted aggregations with a typed decay (see {@link StreamingDataFrame#ewm(Decay)}).
     *
     * <pre>{@code
     * List<Double> out = sdf.col("x").ewm(Decay.alpha(0.5)).mean().sinkToList();
     * source.emit(Frame.of("x", new double[] {1, 3}, "y", new double[] {0, 0}));
     * // out: [2.3333333333333335]
     * }</pre>
     *
     * @param decay the decay, not null
     * @return the exponentially weighted aggregations of this series
     */
    public Ewm ewm(Decay decay) {
        return base.ewm(decay).on(this);
    }

    @Override
    public String toString() {
        ColumnType t = null;
        Frame e = base.knownExample();
        if (e != null) {
            try {
                t = fn.apply(e).type();
            } catch (RuntimeException ex) {
                t = null;
            }
        }
        return "StreamingSeries[" + name + (t == null ? "" : " " + t) + "]";
    }
}
