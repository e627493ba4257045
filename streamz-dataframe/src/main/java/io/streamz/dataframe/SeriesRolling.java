package io.streamz.dataframe;

import io.streamz.Stream;
import io.streamz.dataframe.internal.RollingNode;
import io.streamz.dataframe.internal.RowState;
import io.streamz.dataframe.internal.RowStates;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Rolling aggregations of one column (pandas {@code rolling}, as streamz applies it to a
 * stream; see {@link Rolling} for whole frames): one value per row, over the window that ends
 * at that row and reaches back into earlier batches; each batch gives one {@link Series}
 * aligned with its rows.
 *
 * <pre>{@code
 * sdf.rolling(3).col("x").mean();      // NaN, NaN, then the mean of each row and the 2 before it
 * tdf.rolling("2s").col("x").sum();    // over the rows whose index is within 2 s, ending here
 * }</pre>
 *
 * <p>In the method examples, {@code source} is a {@code Stream<Frame>} and
 * {@code sdf = StreamingDataFrame.from(source, Frame.of("x", new double[0], "n", new long[0]))}:
 * a dataframe with a double column x and a long column n. Time windows use {@code tdf}, which
 * {@link StreamingDataFrame} describes: a dataframe over {@code times}, indexed by instants t.
 *
 * <p>As in pandas 1.5.3: a window of {@code n} rows gives {@code NaN} until it holds {@code n}
 * non-missing values; a time window needs one; {@code count} counts from the first row and
 * is a double. Time windows are open on the left: {@code (t - window, t]}. Sums, means and
 * variances run pandas' own kernels (compensated sums, Welford's method), min and max
 * monotonic deques, median and quantiles an order-statistics tree. Like streamz, which
 * recomputes over the rows it kept and the new batch, a window of at most 64 kept rows restarts
 * its sums at each batch, so results equal streamz's to the last bit; larger windows go on
 * incrementally.
 */
public final class SeriesRolling {
    private final StreamingDataFrame sdf;
    private final StreamingSeries series;
    private final int n;
    private final Duration window;

    SeriesRolling(StreamingDataFrame sdf, StreamingSeries series, int n, Duration window) {
        this.sdf = sdf;
        this.series = series;
        this.n = n;
        this.window = window;
    }

    private Stream<Series<Double>> build(String op, Supplier<RowState> factory, Aggregation<?, ?> custom) {
        return build(op, 1, factory, custom);
    }

    private Stream<Series<Double>> build(String op, int ddof, Supplier<RowState> factory, Aggregation<?, ?> custom) {
        int minPeriods = op.equals("count") ? 0 : window == null ? n : 1;
        String idx = sdf.indexColumn();
        return new RollingNode(sdf.stream(), op, ddof, n, window, minPeriods,
                op.equals("count") || custom != null ? series.fn() : series.numericFn("rolling " + op),
                window == null ? null : f -> f.instantColumn(idx), series.labels(), factory, custom);
    }

    /**
     * Rolling sum.
     *
     * <pre>{@code
     * sdf.rolling(2).col("x").sum().sink(s -> System.out.println(s.toList()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints [NaN, 3.0, 5.0]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints [7.0]
     * }</pre>
     *
     * @return the new stream of results, one {@link Series} per batch aligned with its rows,
     *     downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the column is not a number
     */
    public Stream<Series<Double>> sum() {
        return build("sum", null, null);
    }

    /**
     * Rolling mean.
     *
     * <pre>{@code
     * sdf.rolling(2).col("x").mean().sink(s -> System.out.println(s.toList()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints [NaN, 1.5, 2.5]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints [3.5]
     * }</pre>
     *
     * @return the new stream of results, one {@link Series} per batch aligned with its rows,
     *     downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the column is not a number
     */
    public Stream<Series<Double>> mean() {
        return build("mean", null, null);
    }

    /**
     * Rolling minimum.
     *
     * <pre>{@code
     * sdf.rolling(2).col("x").min().sink(s -> System.out.println(s.toList()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints [NaN, 1.0, 2.0]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints [3.0]
     * }</pre>
     *
     * @return the new stream of results, one {@link Series} per batch aligned with its rows,
     *     downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the column is not a number
     */
    public Stream<Series<Double>> min() {
        return build("min", () -> new RowStates.Extreme(true), null);
    }

    /**
     * Rolling maximum.
     *
     * <pre>{@code
     * sdf.rolling(2).col("x").max().sink(s -> System.out.println(s.toList()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints [NaN, 2.0, 3.0]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints [4.0]
     * }</pre>
     *
     * @return the new stream of results, one {@link Series} per batch aligned with its rows,
     *     downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the column is not a number
     */
    public Stream<Series<Double>> max() {
        return build("max", () -> new RowStates.Extreme(false), null);
    }

    /**
     * Rolling median.
     *
     * <pre>{@code
     * sdf.rolling(3).col("x").median().sink(s -> System.out.println(s.toList()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints [NaN, NaN, 2.0]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints [3.0]
     * }</pre>
     *
     * @return the new stream of results, one {@link Series} per batch aligned with its rows,
     *     downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the column is not a number
     */
    public Stream<Series<Double>> median() {
        return build("median", () -> new RowStates.Quantile(0.5), null);
    }

    /**
     * Rolling quantile {@code q} in [0, 1], linear interpolation (pandas' default).
     *
     * <pre>{@code
     * sdf.rolling(2).col("x").quantile(0.25).sink(s -> System.out.println(s.toList()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));
     * // prints [NaN, 1.25, 2.25]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints [3.25]
     * }</pre>
     *
     * @param q the quantile, in [0, 1]
     * @return the new stream of results, one {@link Series} per batch aligned with its rows,
     *     downstream of the dataframe
     * @throws IllegalArgumentException when {@code q} is not in [0, 1]
     * @throws IllegalArgumentException when the example is known and the column is not a number
     */
    public Stream<Series<Double>> quantile(double q) {
        new RowStates.Quantile(q);   // checks q now
        return build("quantile", () -> new RowStates.Quantile(q), null);
    }

    /**
     * Rolling sample variance (ddof 1).
     *
     * <pre>{@code
     * sdf.rolling(2).col("x").var().sink(s -> System.out.println(s.toList()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints [NaN, 0.5, 0.5]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints [0.5]
     * }</pre>
     *
     * @return the new stream of results, one {@link Series} per batch aligned with its rows,
     *     downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the column is not a number
     */
    public Stream<Series<Double>> var() {
        return var(1);
    }

    /**
     * Rolling variance with {@code ddof}.
     *
     * @param ddof delta degrees of freedom: the divisor is the count minus {@code ddof}
     * @return the new stream of results, one {@link Series} per batch aligned with its rows,
     *     downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the column is not a number
     */
    public Stream<Series<Double>> var(int ddof) {
        return build("var", ddof, null, null);
    }

    /**
     * Rolling sample standard deviation (ddof 1).
     *
     * <pre>{@code
     * sdf.rolling(2).col("x").std().sink(s -> System.out.println(s.toList()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));
     * // prints [NaN, 0.7071067811865476, 0.7071067811865476]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));
     * // prints [0.7071067811865476]
     * }</pre>
     *
     * @return the new stream of results, one {@link Series} per batch aligned with its rows,
     *     downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the column is not a number
     */
    public Stream<Series<Double>> std() {
        return std(1);
    }

    /**
     * Rolling standard deviation with {@code ddof}.
     *
     * @param ddof delta degrees of freedom: the divisor is the count minus {@code ddof}
     * @return the new stream of results, one {@link Series} per batch aligned with its rows,
     *     downstream of the dataframe
     * @throws IllegalArgumentException when the example is known and the column is not a number
     */
    public Stream<Series<Double>> std(int ddof) {
        return build("std", ddof, null, null);
    }

    /**
     * Rolling count of non-missing values (a double, as in pandas); any column type.
     *
     * <pre>{@code
     * sdf.rolling(2).col("x").count().sink(s -> System.out.println(s.toList()));
     * source.emit(Frame.of("x", new double[] {1, Double.NaN, 3}, "n", new long[] {1, 1, 2}));
     * // prints [1.0, 1.0, 1.0]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));                        // prints [2.0]
     * }</pre>
     *
     * @return the new stream of results, one {@link Series} per batch aligned with its rows,
     *     downstream of the dataframe
     */
    public Stream<Series<Double>> count() {
        return build("count", RowStates.Count::new, null);
    }

    /**
     * A custom {@link Aggregation} (its result a number) over each row's window; any column type.
     *
     * <pre>{@code
     * sdf.rolling(2).col("n").aggregate(Aggregation.count()).sink(s -> System.out.println(s.toList()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints [NaN, 2.0, 2.0]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints [2.0]
     * }</pre>
     *
     * @param agg the aggregation, not null
     * @return the new stream of the aggregation's results as doubles, one {@link Series} per batch
     *     aligned with its rows, downstream of the dataframe
     */
    public Stream<Series<Double>> aggregate(Aggregation<?, ? extends Number> agg) {
        return build("aggregate", null, Objects.requireNonNull(agg, "aggregate: agg is null"));
    }

    @Override
    public String toString() {
        return "SeriesRolling[" + (window == null ? "n=" + n : window.toString()) + ", " + series.name() + "]";
    }
}
