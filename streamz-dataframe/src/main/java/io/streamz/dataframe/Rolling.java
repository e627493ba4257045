package io.streamz.dataframe;

import io.streamz.Stream;
import io.streamz.dataframe.internal.FrameRollingNode;
import io.streamz.dataframe.internal.RowState;
import io.streamz.dataframe.internal.RowStates;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Rolling aggregations (pandas {@code rolling}, as streamz applies it to a stream): choose a
 * column with {@link #col} for a {@link Series} per batch, or aggregate every number column
 * at once for a {@link Frame} per batch (with the index column first, if any). One value per
 * row, over the window that ends at that row and reaches back into earlier batches.
 *
 * <pre>{@code
 * sdf.rolling(3).col("x").mean();   // Stream<Series<Double>>: NaN, NaN, then means of 3 rows
 * tdf.rolling("2s").col("x").sum(); // over the rows whose index is within 2 s, ending here
 * sdf.rolling(3).sum();             // Stream<Frame>: every number column rolled
 * }</pre>
 *
 * <p>In the method examples, {@code source} is a {@code Stream<Frame>} and
 * {@code sdf = StreamingDataFrame.from(source, Frame.of("x", new double[0], "n", new long[0]))}:
 * a dataframe with a double column x and a long column n. Time windows use {@code tdf}, which
 * {@link StreamingDataFrame} describes: a dataframe over {@code times}, indexed by instants t.
 *
 * <p>The rules are pandas 1.5.3's; see {@link SeriesRolling}.
 */
public final class Rolling {
    private final StreamingDataFrame sdf;
    private final int n;
    private final Duration window;

    Rolling(StreamingDataFrame sdf, int n, Duration window) {
        this.sdf = sdf;
        this.n = n;
        this.window = window;
    }

    SeriesRolling on(StreamingSeries s) {
        return new SeriesRolling(sdf, s, n, window);
    }

    /**
     * The same rolling window over one column (streamz {@code rolling(3).x}).
     *
     * <pre>{@code
     * sdf.rolling(2).col("x").sum().sink(s -> System.out.println(s.toList()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints [NaN, 3.0, 5.0]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints [7.0]
     * }</pre>
     *
     * @param name the column's name
     * @return the rolling aggregations of that column
     * @throws IllegalArgumentException when the example is known and has no such column
     */
    public SeriesRolling col(String name) {
        return on(sdf.col(name));
    }

    private Stream<Frame> build(String op, Supplier<RowState> factory) {
        return build(op, 1, factory);
    }

    private Stream<Frame> build(String op, int ddof, Supplier<RowState> factory) {
        int minPeriods = op.equals("count") ? 0 : window == null ? n : 1;
        return new FrameRollingNode(sdf.stream(), op, ddof, n, window, minPeriods, sdf.indexColumn(), factory);
    }

    /**
     * Rolling sum of every number column.
     *
     * <pre>{@code
     * sdf.rolling(2).sum().sink(f -> System.out.println(f.toRows()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));
     * // prints [{x=NaN, n=NaN}, {x=3.0, n=2.0}, {x=5.0, n=3.0}]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));
     * // prints [{x=7.0, n=4.0}]
     * }</pre>
     *
     * @return the new stream of frames, one per batch with a row for each of its rows, downstream
     *     of the dataframe
     */
    public Stream<Frame> sum() {
        return build("sum", null);
    }

    /**
     * Rolling mean of every number column.
     *
     * <pre>{@code
     * sdf.rolling(2).mean().sink(f -> System.out.println(f.toRows()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));
     * // prints [{x=NaN, n=NaN}, {x=1.5, n=1.0}, {x=2.5, n=1.5}]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));
     * // prints [{x=3.5, n=2.0}]
     * }</pre>
     *
     * @return the new stream of frames, one per batch with a row for each of its rows, downstream
     *     of the dataframe
     */
    public Stream<Frame> mean() {
        return build("mean", null);
    }

    /**
     * Rolling minimum of every number column.
     *
     * <pre>{@code
     * sdf.rolling(2).min().sink(f -> System.out.println(f.toRows()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));
     * // prints [{x=NaN, n=NaN}, {x=1.0, n=1.0}, {x=2.0, n=1.0}]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));
     * // prints [{x=3.0, n=2.0}]
     * }</pre>
     *
     * @return the new stream of frames, one per batch with a row for each of its rows, downstream
     *     of the dataframe
     */
    public Stream<Frame> min() {
        return build("min", () -> new RowStates.Extreme(true));
    }

    /**
     * Rolling maximum of every number column.
     *
     * <pre>{@code
     * sdf.rolling(2).max().sink(f -> System.out.println(f.toRows()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));
     * // prints [{x=NaN, n=NaN}, {x=2.0, n=1.0}, {x=3.0, n=2.0}]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));
     * // prints [{x=4.0, n=2.0}]
     * }</pre>
     *
     * @return the new stream of frames, one per batch with a row for each of its rows, downstream
     *     of the dataframe
     */
    public Stream<Frame> max() {
        return build("max", () -> new RowStates.Extreme(false));
    }

    /**
     * Rolling median of every number column.
     *
     * <pre>{@code
     * sdf.rolling(3).median().sink(f -> System.out.println(f.toRows()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));
     * // prints [{x=NaN, n=NaN}, {x=NaN, n=NaN}, {x=2.0, n=1.0}]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));
     * // prints [{x=3.0, n=2.0}]
     * }</pre>
     *
     * @return the new stream of frames, one per batch with a row for each of its rows, downstream
     *     of the dataframe
     */
    public Stream<Frame> median() {
        return build("median", () -> new RowStates.Quantile(0.5));
    }

    /**
     * Rolling quantile {@code q} of every number column, linear interpolation (pandas' default).
     *
     * <pre>{@code
     * sdf.rolling(2).quantile(0.25).sink(f -> System.out.println(f.toRows()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));
     * // prints [{x=NaN, n=NaN}, {x=1.25, n=1.0}, {x=2.25, n=1.25}]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));
     * // prints [{x=3.25, n=2.0}]
     * }</pre>
     *
     * @param q the quantile, in [0, 1]
     * @return the new stream of frames, one per batch with a row for each of its rows, downstream
     *     of the dataframe
     * @throws IllegalArgumentException when {@code q} is not in [0, 1]
     */
    public Stream<Frame> quantile(double q) {
        new RowStates.Quantile(q);   // checks q now
        return build("quantile", () -> new RowStates.Quantile(q));
    }

    /**
     * Rolling sample variance (ddof 1) of every number column.
     *
     * <pre>{@code
     * sdf.rolling(2).var().sink(f -> System.out.println(f.toRows()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));
     * // prints [{x=NaN, n=NaN}, {x=0.5, n=0.0}, {x=0.5, n=0.5}]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));
     * // prints [{x=0.5, n=0.0}]
     * }</pre>
     *
     * @return the new stream of frames, one per batch with a row for each of its rows, downstream
     *     of the dataframe
     */
    public Stream<Frame> var() {
        return build("var", null);
    }

    /**
     * Rolling sample standard deviation (ddof 1) of every number column.
     *
     * <pre>{@code
     * sdf.rolling(2).std().sink(f -> System.out.println(f.toRows()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));
     * // prints [{x=NaN, n=NaN}, {x=0.7071067811865476, n=0.0}, {x=0.7071067811865476, n=0.7071067811865476}]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));
     * // prints [{x=0.7071067811865476, n=0.0}]
     * }</pre>
     *
     * @return the new stream of frames, one per batch with a row for each of its rows, downstream
     *     of the dataframe
     */
    public Stream<Frame> std() {
        return build("std", null);
    }

    /**
     * Rolling count of the non-missing values of every number column (doubles, from the first row).
     *
     * <pre>{@code
     * sdf.rolling(2).count().sink(f -> System.out.println(f.toRows()));
     * source.emit(Frame.of("x", new double[] {1, Double.NaN, 3}, "n", new long[] {1, 1, 2}));
     * // prints [{x=1.0, n=1.0}, {x=1.0, n=2.0}, {x=1.0, n=2.0}]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));
     * // prints [{x=2.0, n=2.0}]
     * }</pre>
     *
     * @return the new stream of frames, one per batch with a row for each of its rows, downstream
     *     of the dataframe
     */
    public Stream<Frame> count() {
        return build("count", RowStates.Count::new);
    }

    @Override
    public String toString() {
        return "Rolling[" + (window == null ? "n=" + n : window.toString()) + "]";
    }
}
