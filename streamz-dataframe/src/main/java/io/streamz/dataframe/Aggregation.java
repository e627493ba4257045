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
 * {@code rolling} window: {@link #initial} makes the empty state from the first batch's values,
 * {@link #onNew} adds rows that entered, {@link #onOld} removes rows that left (always the
 * oldest ones first), and both return the new state with the current result.
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

    /** The state before any row, given the values of the first batch (not yet added). */
    S initial(Column example);

    /** The state with {@code values} added, and the result. */
    Tuple2<S, R> onNew(S acc, Column values);

    /** The state with {@code values} (the oldest rows) removed, and the result. */
    Tuple2<S, R> onOld(S acc, Column values);

    /** Sum of the non-missing values (0 for none), as streamz computes it. */
    static Aggregation<?, Double> sum() {
        return StreamzAggregations.sum();
    }

    /** Mean of the non-missing values (0 for none), as streamz computes it. */
    static Aggregation<?, Double> mean() {
        return StreamzAggregations.mean();
    }

    /** Number of non-missing values. */
    static Aggregation<?, Long> count() {
        return builtIn(RowStates.Count::new);
    }

    /** Number of rows. */
    static Aggregation<?, Long> size() {
        return builtIn(RowStates.Size::new);
    }

    /** Variance with {@code ddof} delta degrees of freedom, as streamz computes it (guarded by Welford's method). */
    static Aggregation<?, Double> var(int ddof) {
        return StreamzAggregations.var(ddof, false);
    }

    /** Minimum of the non-missing values. */
    static Aggregation<?, Double> min() {
        return builtIn(() -> new RowStates.Extreme(true));
    }

    /** Maximum of the non-missing values. */
    static Aggregation<?, Double> max() {
        return builtIn(() -> new RowStates.Extreme(false));
    }

    /** Standard deviation with {@code ddof} delta degrees of freedom. */
    static Aggregation<?, Double> std(int ddof) {
        return StreamzAggregations.var(ddof, true);
    }

    private static <R> Aggregation<RowState, R> builtIn(Supplier<RowState> factory) {
        return new RowAggregation<>(factory);
    }
}
