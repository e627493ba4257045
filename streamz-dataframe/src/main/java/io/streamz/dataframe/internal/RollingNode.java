package io.streamz.dataframe.internal;

import io.streamz.Stream;
import io.streamz.dataframe.Aggregation;
import io.streamz.dataframe.Column;
import io.streamz.dataframe.DoubleColumn;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.InstantColumn;
import io.streamz.dataframe.Series;
import io.streamz.internal.Node;
import io.streamz.internal.util.Intervals;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.util.function.Tuple2;

/**
 * Implements {@code rolling(n)} and {@code rolling("100ms")} aggregations of one column (pandas
 * {@code rolling} over all history, as streamz computes it): one result per row, over the window
 * that ends at that row; rows enter and leave the state once each. Results are {@code NaN} while
 * fewer than {@code minPeriods} values are in the window (pandas: the window size for a count
 * window, 1 for a time window, 0 for {@code count}).
 */
public final class RollingNode extends Node<Frame, Series<Double>> {
    private final Function<Frame, Column> values;
    private final Function<Frame, InstantColumn> times;
    private final Function<Frame, Column> labels;
    private final RollingWindow window;
    private final int minPeriods;
    private final Aggregation<Object, ?> custom;
    private Object customState;
    private final ArrayDeque<Column> customRows = new ArrayDeque<>();
    private final String params;

    @SuppressWarnings("unchecked")
    public RollingNode(Stream<Frame> upstream, String op, int ddof, int n, Duration window, int minPeriods,
                       Function<Frame, Column> values, Function<Frame, InstantColumn> times,
                       Function<Frame, Column> labels, Supplier<RowState> factory, Aggregation<?, ?> custom) {
        super(upstream, "rolling");
        this.values = values;
        this.times = times;
        this.labels = labels;
        this.minPeriods = minPeriods;
        this.window = new RollingWindow(n, window == null ? -1 : window.toNanos(), minPeriods, kernel(op), ddof,
                factory == null ? null : factory.get());
        this.custom = (Aggregation<Object, ?>) custom;
        this.params = window == null ? "window=" + n : "window=" + Intervals.format(window);
    }

    /** The pandas kernel for {@code op}, or a {@link RowState} for the others. */
    static RollingWindow.Kernel kernel(String op) {
        switch (op) {
            case "sum": return RollingWindow.Kernel.SUM;
            case "mean": return RollingWindow.Kernel.MEAN;
            case "var": return RollingWindow.Kernel.VAR;
            case "std": return RollingWindow.Kernel.STD;
            default: return RollingWindow.Kernel.STATE;
        }
    }

    @Override
    protected String describeParams() {
        return params;
    }

    @Override
    protected CompletableFuture<?> accept(Frame x, Stream<?> who, List<Map<String, Object>> metadata) {
        if (x == null) {
            throw new IllegalArgumentException(kind() + ": expected a Frame, got null");
        }
        Column v = values.apply(x);
        InstantColumn t = times == null ? null : times.apply(x);
        double[] out = new double[v.size()];
        if (custom == null) {
            window.startBatch();
        }
        if (custom != null || t != null || !v.type().isNumeric() || !window.rollCounts(v, out)) {
            for (int i = 0; i < out.length; i++) {
                long time = t == null ? 0 : t.getEpochNanos(i);
                out[i] = custom != null ? rollCustom(v, i, time) : window.roll(RowStates.valueAt(v, i), time);
            }
        }
        Column label = labels == null ? null : labels.apply(x);
        DoubleColumn result = DoubleColumn.wrap(v.name(), out);
        return emitDownstream(label == null ? Series.of(v.name(), result) : Series.of(v.name(), result, label),
                metadata);
    }

    private double rollCustom(Column v, int i, long time) {
        Column row = v.slice(i, i + 1);
        if (customState == null) {
            customState = custom.initial(v.empty());
        }
        Tuple2<Object, ?> r = custom.onNew(customState, row);
        customState = r.getT1();
        customRows.add(row);
        for (int left = window.push(time); left > 0; left--) {
            r = custom.onOld(customState, customRows.poll());
            customState = r.getT1();
        }
        return window.size() >= minPeriods ? ((Number) r.getT2()).doubleValue() : Double.NaN;
    }
}
