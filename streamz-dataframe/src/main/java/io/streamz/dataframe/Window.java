package io.streamz.dataframe;

import io.streamz.Stream;
import io.streamz.dataframe.internal.KeyedState;
import io.streamz.dataframe.internal.RowAggregation;
import io.streamz.dataframe.internal.RowState;
import io.streamz.dataframe.internal.RowStates;
import io.streamz.dataframe.internal.WindowNode;
import io.streamz.dataframe.internal.WindowState;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Aggregations over a sliding window of rows (streamz {@code window}): the last {@code n} rows,
 * the rows within a time span of the newest index value, or all rows so far
 * ({@code expanding}). Each aggregation emits one result per batch.
 *
 * <pre>{@code
 * sdf.window(4).col("x").sum();                      // Stream<Double>: sum of the last 4 rows
 * sdf.window("2h").col("x").mean();                  // over the last two hours of the index
 * sdf.window(100).groupby("name").col("x").sum();    // Stream<Series<Double>> by name
 * sdf.window(10).apply(f -> f.rowCount());           // any function of the whole window
 * }</pre>
 *
 * <p>Rows enter and leave the aggregation's state once each (streamz's {@code on_new} and
 * {@code on_old}): the work per row is constant, whatever the window's size.
 */
public final class Window {
    enum Kind { ROWS, TIME, EXPANDING }

    private final StreamingDataFrame sdf;
    private final StreamingSeries series;
    private final Kind kind;
    private final int n;
    private final Duration value;

    Window(StreamingDataFrame sdf, StreamingSeries series, Kind kind, int n, Duration value) {
        this.sdf = sdf;
        this.series = series;
        this.kind = kind;
        this.n = n;
        this.value = value;
    }

    Window on(StreamingSeries s) {
        return new Window(sdf, s, kind, n, value);
    }

    /** The same window over one column (streamz {@code window(...).x}). */
    public Window col(String name) {
        return on(sdf.col(name));
    }

    <R> Stream<R> build(String what, WindowState<R> state) {
        switch (kind) {
            case ROWS:
                return WindowNode.rows(sdf.stream(), what, n, state);
            case TIME: {
                String idx = sdf.requireIndex(what);
                return WindowNode.time(sdf.stream(), what, value, f -> f.instantColumn(idx), state);
            }
            default:
                return WindowNode.expanding(sdf.stream(), what, state);
        }
    }

    private Function<Frame, Column> values(String op) {
        if (series == null) {
            throw new IllegalStateException("window: choose a column before " + op + "(), as in window(...).col(\"x\")." + op + "()");
        }
        return op.equals("count") || op.equals("size") || op.equals("valueCounts") || op.equals("aggregate")
                ? series.fn() : series.numericFn("window " + op);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <R> Stream<R> rows(String op, Supplier<RowState> f) {
        return build("window", WindowState.of((Aggregation) new RowAggregation<>(f), values(op), null));
    }

    /** Sum of the window's values. */
    public Stream<Double> sum() {
        return rows("sum", RowStates.Sum::new);
    }

    /** Mean of the window's values (0 for an empty window, as streamz). */
    public Stream<Double> mean() {
        return rows("mean", () -> new RowStates.Mean(true));
    }

    /** Number of non-missing values in the window. */
    public Stream<Long> count() {
        return rows("count", RowStates.Count::new);
    }

    /** Number of rows in the window. */
    public Stream<Long> size() {
        return rows("size", RowStates.Size::new);
    }

    /** Minimum of the window's values (monotonic deque). */
    public Stream<Double> min() {
        return rows("min", () -> new RowStates.Extreme(true));
    }

    /** Maximum of the window's values (monotonic deque). */
    public Stream<Double> max() {
        return rows("max", () -> new RowStates.Extreme(false));
    }

    /** Sample variance (ddof 1) of the window's values. */
    public Stream<Double> var() {
        return var(1);
    }

    /** Variance with {@code ddof} of the window's values. */
    public Stream<Double> var(int ddof) {
        return rows("var", () -> new RowStates.Var(ddof, false));
    }

    /** Sample standard deviation (ddof 1) of the window's values. */
    public Stream<Double> std() {
        return std(1);
    }

    /** Standard deviation with {@code ddof} of the window's values. */
    public Stream<Double> std(int ddof) {
        return rows("std", () -> new RowStates.Var(ddof, true));
    }

    /** A custom {@link Aggregation} over the window's values. */
    public <S, R> Stream<R> aggregate(Aggregation<S, R> agg) {
        Objects.requireNonNull(agg, "aggregate: agg is null");
        return build("window", WindowState.of(agg, values("aggregate"), null));
    }

    /** The whole window as one frame, once per batch (streamz {@code full}; copies the window). */
    public Stream<Frame> full() {
        return build("window", WindowState.full());
    }

    /** {@code func} applied to the whole window, once per batch (streamz {@code apply}). */
    public <R> Stream<R> apply(Function<? super Frame, ? extends R> func) {
        Objects.requireNonNull(func, "apply: func is null");
        Stream<Frame> full = series == null ? full() : build("window", WindowState.full());
        return full.map(func);
    }

    /** How often each value occurs in the window (values whose count fell to 0 stay, as in streamz). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Stream<Series<Long>> valueCounts() {
        Function<Frame, Column> v = values("valueCounts");
        return (Stream) build("window", new KeyedState(v, v, RowStates.Count::new, true));
    }

    /** Group-by aggregations inside the window (streamz {@code window(...).groupby('name')}). */
    public GroupBy groupby(String column) {
        Objects.requireNonNull(column, "groupby: column is null");
        return new GroupBy(sdf, f -> f.column(column), series, kind, n, value);
    }

    /** Group-by aggregations inside the window by a series of the same dataframe. */
    public GroupBy groupby(StreamingSeries keys) {
        return new GroupBy(sdf, keys.over(sdf, "groupby"), series, kind, n, value);
    }

    @Override
    public String toString() {
        String w = kind == Kind.ROWS ? "n=" + n : kind == Kind.TIME ? "value=" + value : "expanding";
        return "Window[" + w + (series == null ? "" : ", " + series.name()) + "]";
    }
}
