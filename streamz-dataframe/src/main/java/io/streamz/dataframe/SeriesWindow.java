package io.streamz.dataframe;

import io.streamz.Stream;
import io.streamz.dataframe.internal.KeyedState;
import io.streamz.dataframe.internal.RowAggregation;
import io.streamz.dataframe.internal.RowState;
import io.streamz.dataframe.internal.RowStates;
import io.streamz.dataframe.internal.WindowState;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Aggregations of one column over a sliding window (streamz {@code window(...).x}), each with one
 * result per batch; see {@link Window}.
 *
 * <pre>{@code
 * sdf.window(4).col("x").sum();      // Stream<Double>: sum of the last 4 rows
 * tdf.window("2h").col("x").mean();  // over the last two hours of the index
 * sdf.window(3).col("x").aggregate(Aggregation.max());   // any Aggregation: a built-in or your own
 * }</pre>
 *
 * <p>In the method examples, {@code source} is a {@code Stream<Frame>} and
 * {@code sdf = StreamingDataFrame.from(source, Frame.of("x", new double[0], "n", new long[0]))}:
 * a dataframe with a double column x and a long column n. Time windows use {@code tdf}, which
 * {@link StreamingDataFrame} describes: a dataframe over {@code times}, indexed by instants t.
 */
public final class SeriesWindow {
    private final WindowSpec spec;
    private final StreamingSeries series;

    SeriesWindow(WindowSpec spec, StreamingSeries series) {
        this.spec = spec;
        this.series = series;
    }

    private Function<Frame, Column> values(String op) {
        return op.equals("count") || op.equals("size") || op.equals("valueCounts") || op.equals("aggregate")
                ? series.fn() : series.numericFn("window " + op);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <R> Stream<R> rows(String op, Supplier<RowState> f) {
        return spec.build("window", WindowState.of((Aggregation) new RowAggregation<>(f), values(op), null));
    }

    /**
     * Sum of the window's values (missing values skipped).
     *
     * <pre>{@code
     * sdf.window(3).col("x").sum().sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints 6.0
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints 9.0
     * }</pre>
     *
     * @return the new stream of sums, one per batch, downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the column is not a number
     */
    public Stream<Double> sum() {
        return spec.build("window", WindowState.of(Aggregation.sum(), values("sum"), null));
    }

    /**
     * Mean of the window's values (0 for an empty window, as streamz).
     *
     * <pre>{@code
     * sdf.window(3).col("x").mean().sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints 2.0
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints 3.0
     * }</pre>
     *
     * @return the new stream of means, one per batch, downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the column is not a number
     */
    public Stream<Double> mean() {
        return spec.build("window", WindowState.of(Aggregation.mean(), values("mean"), null));
    }

    /**
     * Number of non-missing values in the window.
     *
     * <pre>{@code
     * sdf.window(2).col("x").count().sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, Double.NaN, 3}, "n", new long[] {1, 1, 2}));   // prints 1
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));                        // prints 2
     * }</pre>
     *
     * @return the new stream of counts, one per batch, downstream of the dataframe
     */
    public Stream<Long> count() {
        return rows("count", RowStates.Count::new);
    }

    /**
     * Number of rows in the window.
     *
     * <pre>{@code
     * sdf.window(2).col("x").size().sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, Double.NaN, 3}, "n", new long[] {1, 1, 2}));   // prints 2
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));                        // prints 2
     * }</pre>
     *
     * @return the new stream of row counts, one per batch, downstream of the dataframe
     */
    public Stream<Long> size() {
        return rows("size", RowStates.Size::new);
    }

    /**
     * Minimum of the window's values (monotonic deque); {@code NaN} for no value.
     *
     * <pre>{@code
     * sdf.window(3).col("x").min().sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints 1.0
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints 2.0
     * }</pre>
     *
     * @return the new stream of minima, one per batch, downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the column is not a number
     */
    public Stream<Double> min() {
        return rows("min", () -> new RowStates.Extreme(true));
    }

    /**
     * Maximum of the window's values (monotonic deque); {@code NaN} for no value.
     *
     * <pre>{@code
     * sdf.window(3).col("x").max().sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints 3.0
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints 4.0
     * }</pre>
     *
     * @return the new stream of maxima, one per batch, downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the column is not a number
     */
    public Stream<Double> max() {
        return rows("max", () -> new RowStates.Extreme(false));
    }

    /**
     * Sample variance (ddof 1) of the window's values.
     *
     * <pre>{@code
     * sdf.window(2).col("x").var().sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints 0.5
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints 0.5
     * }</pre>
     *
     * @return the new stream of variances, one per batch, downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the column is not a number
     */
    public Stream<Double> var() {
        return var(1);
    }

    /**
     * Variance with {@code ddof} of the window's values; {@code NaN} while there are no more values
     * than {@code ddof}.
     *
     * @param ddof delta degrees of freedom: the divisor is the count minus {@code ddof}
     * @return the new stream of variances, one per batch, downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the column is not a number
     */
    public Stream<Double> var(int ddof) {
        return spec.build("window", WindowState.of(Aggregation.var(ddof), values("var"), null));
    }

    /**
     * Sample standard deviation (ddof 1) of the window's values.
     *
     * <pre>{@code
     * sdf.window(3).col("x").std().sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));
     * // prints 1.0000000000000002
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));
     * // prints 0.9999999999999996
     * }</pre>
     *
     * @return the new stream of standard deviations, one per batch, downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the column is not a number
     */
    public Stream<Double> std() {
        return std(1);
    }

    /**
     * Standard deviation with {@code ddof} of the window's values.
     *
     * @param ddof delta degrees of freedom: the divisor is the count minus {@code ddof}
     * @return the new stream of standard deviations, one per batch, downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the column is not a number
     */
    public Stream<Double> std(int ddof) {
        return spec.build("window", WindowState.of(Aggregation.std(ddof), values("std"), null));
    }

    /**
     * A custom {@link Aggregation} over the window's values (streamz
     * {@code window(n=3).x.aggregate(Mean())}).
     *
     * <pre>{@code
     * sdf.window(3).col("x").aggregate(Aggregation.max()).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints 3.0
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints 4.0
     * }</pre>
     *
     * @param <S> the aggregation's state type
     * @param <R> the aggregation's result type
     * @param agg the aggregation, not null
     * @return the new stream of the aggregation's results, one per batch, downstream of the
     *     dataframe
     */
    public <S, R> Stream<R> aggregate(Aggregation<S, R> agg) {
        Objects.requireNonNull(agg, "aggregate: agg is null");
        return spec.build("window", WindowState.of(agg, values("aggregate"), null));
    }

    /**
     * {@code func} applied to the window's values as one series, labelled by position, once per
     * batch (streamz {@code apply}).
     *
     * <pre>{@code
     * sdf.window(3).col("x").apply(Series::toList).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints [1.0, 2.0, 3.0]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints [2.0, 3.0, 4.0]
     * }</pre>
     *
     * @param <R> the result type
     * @param func the function of the window's series, not null
     * @return the new stream of {@code func}'s results, one per batch, downstream of the dataframe
     */
    public <R> Stream<R> apply(Function<? super Series<Object>, ? extends R> func) {
        Objects.requireNonNull(func, "apply: func is null");
        Function<Frame, Column> v = series.fn();
        String name = series.name();
        return spec.build("window", WindowState.full()).map(f -> func.apply(Series.of(name, v.apply(f).rename(name))));
    }

    /**
     * How often each value occurs in the window (values whose count fell to 0 stay, as in streamz).
     *
     * <pre>{@code
     * sdf.window(3).col("n").valueCounts().sink(s -> System.out.println(s.toMap()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints {1=2, 2=1}
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints {1=1, 2=2}
     * }</pre>
     *
     * @return the new stream of counts, one {@link Series} per batch indexed by value in sorted
     *     order, downstream of the dataframe
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Stream<Series<Long>> valueCounts() {
        Function<Frame, Column> v = values("valueCounts");
        return (Stream) spec.build("window", new KeyedState(v, v, RowStates.Count::new, true));
    }

    @Override
    public String toString() {
        return "SeriesWindow[" + spec + ", " + series.name() + "]";
    }
}
