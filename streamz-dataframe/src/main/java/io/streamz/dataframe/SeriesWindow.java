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
 * sdf.window("2h").col("x").mean();  // over the last two hours of the index
 * sdf.window(3).col("x").aggregate(new MyMean());
 * }</pre>
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
     * @return the new stream of sums, one per batch, downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the column is not a number
     */
    public Stream<Double> sum() {
        return spec.build("window", WindowState.of(Aggregation.sum(), values("sum"), null));
    }

    /**
     * Mean of the window's values (0 for an empty window, as streamz).
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
     * @return the new stream of counts, one per batch, downstream of the dataframe
     */
    public Stream<Long> count() {
        return rows("count", RowStates.Count::new);
    }

    /**
     * Number of rows in the window.
     *
     * @return the new stream of row counts, one per batch, downstream of the dataframe
     */
    public Stream<Long> size() {
        return rows("size", RowStates.Size::new);
    }

    /**
     * Minimum of the window's values (monotonic deque); {@code NaN} for no value.
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
     * @return the new stream of maxima, one per batch, downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the column is not a number
     */
    public Stream<Double> max() {
        return rows("max", () -> new RowStates.Extreme(false));
    }

    /**
     * Sample variance (ddof 1) of the window's values.
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
