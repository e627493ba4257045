package io.streamz.dataframe;

import io.streamz.dataframe.internal.RowAggregation;
import io.streamz.dataframe.internal.RowState;
import io.streamz.dataframe.internal.RowStates;
import io.streamz.dataframe.internal.StreamzAggregations;
import java.util.function.Supplier;
import reactor.util.function.Tuple2;

/**
 * A custom incremental aggregation (streamz {@code Aggregation}), usable over all history
 * ({@link StreamingSeries#aggregate}), over a {@code window}, an {@code expanding} window and a
 * {@code rolling} window: {@link #initial} makes the empty state (given an empty column of the
 * values' name and type), {@link #onNew} adds rows that entered, {@link #onOld} removes rows
 * that left (always the oldest ones first), and both return the new state with the current
 * result.
 *
 * <pre>{@code
 * // streamz's Mean example: state is (total, count)
 * Aggregation<double[], Double> mean = new Aggregation<>() {
 *     public double[] initial(Column example) { return new double[] {0, 0}; }
 *     public Tuple2<double[], Double> onNew(double[] acc, Column values) {
 *         double[] s = {acc[0], acc[1]};
 *         for (int i = 0; i < values.size(); i++) { s[0] += values.getDouble(i); s[1]++; }
 *         return Tuples.of(s, s[0] / s[1]);
 *     }
 *     public Tuple2<double[], Double> onOld(double[] acc, Column values) {
 *         double[] s = {acc[0], acc[1]};
 *         for (int i = 0; i < values.size(); i++) { s[0] -= values.getDouble(i); s[1]--; }
 *         return Tuples.of(s, s[0] / s[1]);
 *     }
 * };
 * sdf.window(3).col("x").aggregate(mean).sink(System.out::println);
 * }</pre>
 *
 * @param <S> the state
 * @param <R> the result
 */
public interface Aggregation<S, R> {

    /**
     * The state before any row, made when the first batch arrives; that batch is then added with
     * {@link #onNew}.
     *
     * @param example an empty column with the name and type of the values (no rows)
     * @return the empty state
     */
    S initial(Column example);

    /**
     * The state with {@code values} added, and the result.
     *
     * @param acc the current state; may be updated in place and returned
     * @param values the rows that entered, possibly none
     * @return the new state and the result over all rows now covered
     */
    Tuple2<S, R> onNew(S acc, Column values);

    /**
     * The state with {@code values} (the oldest rows) removed, and the result.
     *
     * @param acc the current state; may be updated in place and returned
     * @param values the rows that left, oldest first
     * @return the new state and the result over the rows still covered
     */
    Tuple2<S, R> onOld(S acc, Column values);

    /**
     * Sum of the non-missing values (0 for none), as streamz computes it.
     *
     * @return a new sum aggregation
     */
    static Aggregation<?, Double> sum() {
        return StreamzAggregations.sum();
    }

    /**
     * Mean of the non-missing values (0 for none), as streamz computes it.
     *
     * @return a new mean aggregation
     */
    static Aggregation<?, Double> mean() {
        return StreamzAggregations.mean();
    }

    /**
     * Number of non-missing values.
     *
     * @return a new count aggregation
     */
    static Aggregation<?, Long> count() {
        return builtIn(RowStates.Count::new);
    }

    /**
     * Number of rows, missing values included.
     *
     * @return a new size aggregation
     */
    static Aggregation<?, Long> size() {
        return builtIn(RowStates.Size::new);
    }

    /**
     * Variance with {@code ddof} delta degrees of freedom, as streamz computes it (guarded by
     * Welford's method); {@code NaN} while there are no more values than {@code ddof}.
     *
     * @param ddof delta degrees of freedom: the divisor is the count minus {@code ddof}
     * @return a new variance aggregation
     */
    static Aggregation<?, Double> var(int ddof) {
        return StreamzAggregations.var(ddof, false);
    }

    /**
     * Minimum of the non-missing values; {@code NaN} when there are none.
     *
     * @return a new minimum aggregation
     */
    static Aggregation<?, Double> min() {
        return builtIn(() -> new RowStates.Extreme(true));
    }

    /**
     * Maximum of the non-missing values; {@code NaN} when there are none.
     *
     * @return a new maximum aggregation
     */
    static Aggregation<?, Double> max() {
        return builtIn(() -> new RowStates.Extreme(false));
    }

    /**
     * Standard deviation with {@code ddof} delta degrees of freedom: the square root of
     * {@link #var(int)}.
     *
     * @param ddof delta degrees of freedom: the divisor is the count minus {@code ddof}
     * @return a new standard deviation aggregation
     */
    static Aggregation<?, Double> std(int ddof) {
        return StreamzAggregations.var(ddof, true);
    }

    private static <R> Aggregation<RowState, R> builtIn(Supplier<RowState> factory) {
        return new RowAggregation<>(factory);
    }
}
