package io.streamz.dataframe;

import io.streamz.Stream;
import io.streamz.dataframe.internal.ColumnsState;
import io.streamz.dataframe.internal.RowAggregation;
import io.streamz.dataframe.internal.RowState;
import io.streamz.dataframe.internal.RowStates;
import io.streamz.dataframe.internal.WindowState;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Aggregations over a sliding window of rows (streamz {@code window}): the last {@code n} rows,
 * the rows within a time span of the newest index value, or all rows so far
 * ({@code expanding}). Choose a column with {@link #col} for one value per batch; the
 * aggregations here cover every number column and emit, once per batch, a {@link Series}
 * indexed by column name.
 *
 * <pre>{@code
 * sdf.window(4).col("x").sum();                      // Stream<Double>: sum of x over the last 4 rows
 * tdf.window("2h").col("x").mean();                  // over the last two hours of the index
 * sdf.window(100).sum();                             // Stream<Series<Double>>: {x=..., n=...}
 * sdf.window(100).groupby("n").col("x").sum();       // Stream<Series<Double>> by n
 * sdf.window(10).apply(f -> f.rowCount());           // any function of the whole window
 * }</pre>
 *
 * <p>In the method examples, {@code source} is a {@code Stream<Frame>} and
 * {@code sdf = StreamingDataFrame.from(source, Frame.of("x", new double[0], "n", new long[0]))}:
 * a dataframe with a double column x and a long column n. Time windows use {@code tdf}, which
 * {@link StreamingDataFrame} describes: a dataframe over {@code times}, indexed by instants t.
 *
 * <p>Rows enter and leave the aggregation's state once each (streamz's {@code on_new} and
 * {@code on_old}): the work per row is constant, whatever the window's size.
 */
public final class Window {
    private final WindowSpec spec;

    Window(WindowSpec spec) {
        this.spec = spec;
    }

    /**
     * The same window over one column (streamz {@code window(...).x}).
     *
     * <pre>{@code
     * sdf.window(3).col("x").sum().sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints 6.0
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints 9.0
     * }</pre>
     *
     * @param name the column's name
     * @return the window's aggregations of that column
     * @throws IllegalArgumentException when the example is known and has no such column
     */
    public SeriesWindow col(String name) {
        return new SeriesWindow(spec, spec.sdf.col(name));
    }

    SeriesWindow on(StreamingSeries series) {
        return new SeriesWindow(spec, series);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <R> Stream<Series<R>> columns(Supplier<RowState> f) {
        return (Stream) spec.build("window", new ColumnsState<>(new RowAggregation<>(f), spec.sdf.indexColumn()));
    }

    /**
     * Sum of each number column in the window (missing values skipped).
     *
     * <pre>{@code
     * sdf.window(3).sum().sink(s -> System.out.println(s.toMap()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints {x=6.0, n=4.0}
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints {x=9.0, n=5.0}
     * }</pre>
     *
     * @return the new stream of results, one {@link Series} per batch indexed by column name,
     *     downstream of the dataframe
     */
    public Stream<Series<Double>> sum() {
        return aggregate(Aggregation.sum());
    }

    /**
     * Mean of each number column in the window (0 when empty, as streamz).
     *
     * <pre>{@code
     * sdf.window(3).mean().sink(s -> System.out.println(s.toMap()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));
     * // prints {x=2.0, n=1.3333333333333333}
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));
     * // prints {x=3.0, n=1.6666666666666667}
     * }</pre>
     *
     * @return the new stream of results, one {@link Series} per batch indexed by column name,
     *     downstream of the dataframe
     */
    public Stream<Series<Double>> mean() {
        return aggregate(Aggregation.mean());
    }

    /**
     * Non-missing values of each number column in the window.
     *
     * <pre>{@code
     * sdf.window(2).count().sink(s -> System.out.println(s.toMap()));
     * source.emit(Frame.of("x", new double[] {1, Double.NaN, 3}, "n", new long[] {1, 1, 2}));
     * // prints {x=1, n=2}
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));
     * // prints {x=2, n=2}
     * }</pre>
     *
     * @return the new stream of results, one {@link Series} per batch indexed by column name,
     *     downstream of the dataframe
     */
    public Stream<Series<Long>> count() {
        return columns(RowStates.Count::new);
    }

    /**
     * Rows in the window, once per batch.
     *
     * <pre>{@code
     * sdf.window(5).size().sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints 3
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints 4
     * }</pre>
     *
     * @return the new stream of row counts, downstream of the dataframe
     */
    public Stream<Long> size() {
        return spec.build("window", WindowState.of(Aggregation.size(), f -> f.columns().isEmpty()
                ? DoubleColumn.of("") : f.column(0), null));
    }

    /**
     * Minimum of each number column in the window ({@code NaN} for no value).
     *
     * <pre>{@code
     * sdf.window(3).min().sink(s -> System.out.println(s.toMap()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints {x=1.0, n=1.0}
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints {x=2.0, n=1.0}
     * }</pre>
     *
     * @return the new stream of results, one {@link Series} per batch indexed by column name,
     *     downstream of the dataframe
     */
    public Stream<Series<Double>> min() {
        return columns(() -> new RowStates.Extreme(true));
    }

    /**
     * Maximum of each number column in the window ({@code NaN} for no value).
     *
     * <pre>{@code
     * sdf.window(3).max().sink(s -> System.out.println(s.toMap()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints {x=3.0, n=2.0}
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints {x=4.0, n=2.0}
     * }</pre>
     *
     * @return the new stream of results, one {@link Series} per batch indexed by column name,
     *     downstream of the dataframe
     */
    public Stream<Series<Double>> max() {
        return columns(() -> new RowStates.Extreme(false));
    }

    /**
     * Sample variance (ddof 1) of each number column in the window.
     *
     * <pre>{@code
     * sdf.window(2).var().sink(s -> System.out.println(s.toMap()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints {x=0.5, n=0.5}
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints {x=0.5, n=0.0}
     * }</pre>
     *
     * @return the new stream of results, one {@link Series} per batch indexed by column name,
     *     downstream of the dataframe
     */
    public Stream<Series<Double>> var() {
        return var(1);
    }

    /**
     * Variance with {@code ddof} of each number column in the window; {@code NaN} while a column
     * has no more values than {@code ddof}.
     *
     * @param ddof delta degrees of freedom: the divisor is the count minus {@code ddof}
     * @return the new stream of results, one {@link Series} per batch indexed by column name,
     *     downstream of the dataframe
     */
    public Stream<Series<Double>> var(int ddof) {
        return aggregate(Aggregation.var(ddof));
    }

    /**
     * Sample standard deviation (ddof 1) of each number column in the window.
     *
     * <pre>{@code
     * sdf.window(2).std().sink(s -> System.out.println(s.toMap()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));
     * // prints {x=0.7071067811865476, n=0.7071067811865476}
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));
     * // prints {x=0.7071067811865476, n=0.0}
     * }</pre>
     *
     * @return the new stream of results, one {@link Series} per batch indexed by column name,
     *     downstream of the dataframe
     */
    public Stream<Series<Double>> std() {
        return std(1);
    }

    /**
     * Standard deviation with {@code ddof} of each number column in the window.
     *
     * @param ddof delta degrees of freedom: the divisor is the count minus {@code ddof}
     * @return the new stream of results, one {@link Series} per batch indexed by column name,
     *     downstream of the dataframe
     */
    public Stream<Series<Double>> std(int ddof) {
        return aggregate(Aggregation.std(ddof));
    }

    /**
     * A custom {@link Aggregation} of each number column in the window (streamz
     * {@code window(n=100).aggregate(Mean())}); each column gets its own state.
     *
     * <pre>{@code
     * sdf.window(3).aggregate(Aggregation.max()).sink(s -> System.out.println(s.toMap()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints {x=3.0, n=2.0}
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints {x=4.0, n=2.0}
     * }</pre>
     *
     * @param <R> the aggregation's result type
     * @param agg the aggregation, not null
     * @return the new stream of results, one {@link Series} per batch indexed by column name,
     *     downstream of the dataframe
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <R> Stream<Series<R>> aggregate(Aggregation<?, R> agg) {
        Objects.requireNonNull(agg, "aggregate: agg is null");
        return (Stream) spec.build("window", new ColumnsState<>(agg, spec.sdf.indexColumn()));
    }

    /**
     * The whole window as one frame, once per batch (streamz {@code full}; copies the window).
     *
     * <pre>{@code
     * sdf.window(2).full().sink(f -> System.out.println(f.toRows()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));
     * // prints [{x=2.0, n=1}, {x=3.0, n=2}]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));
     * // prints [{x=3.0, n=2}, {x=4.0, n=2}]
     * }</pre>
     *
     * @return the new stream of window frames, downstream of the dataframe
     */
    public Stream<Frame> full() {
        return spec.build("window", WindowState.full());
    }

    /**
     * {@code func} applied to the whole window, once per batch (streamz {@code apply}).
     *
     * <pre>{@code
     * sdf.window(3).apply(f -> f.column("x").toList()).sink(System.out::println);
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints [1.0, 2.0, 3.0]
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints [2.0, 3.0, 4.0]
     * }</pre>
     *
     * @param <R> the result type
     * @param func the function of the window's frame, not null
     * @return the new stream of {@code func}'s results, downstream of the dataframe
     */
    public <R> Stream<R> apply(Function<? super Frame, ? extends R> func) {
        Objects.requireNonNull(func, "apply: func is null");
        spec.sdf.onExample("apply", func);
        return full().map(func);
    }

    /**
     * Group-by aggregations inside the window (streamz {@code window(...).groupby('name')}).
     *
     * <pre>{@code
     * sdf.window(3).groupby("n").col("x").sum().sink(s -> System.out.println(s.toMap()));
     * source.emit(Frame.of("x", new double[] {1, 2, 3}, "n", new long[] {1, 1, 2}));   // prints {1=3.0, 2=3.0}
     * source.emit(Frame.of("x", new double[] {4}, "n", new long[] {2}));               // prints {1=2.0, 2=7.0}
     * }</pre>
     *
     * @param column the name of the key column, not null
     * @return the group-by aggregations, keyed by that column's values
     */
    public GroupBy groupby(String column) {
        Objects.requireNonNull(column, "groupby: column is null");
        spec.sdf.onExample("groupby", f -> f.column(column));
        return new GroupBy(spec, f -> f.column(column), null);
    }

    /**
     * Group-by aggregations inside the window by a series of the same dataframe.
     *
     * @param keys the key series, of this window's dataframe
     * @return the group-by aggregations, keyed by the series' values
     * @throws IllegalArgumentException when {@code keys} comes from another dataframe
     */
    public GroupBy groupby(StreamingSeries keys) {
        return new GroupBy(spec, keys.over(spec.sdf, "groupby"), null);
    }

    @Override
    public String toString() {
        return "Window[" + spec + "]";
    }
}
