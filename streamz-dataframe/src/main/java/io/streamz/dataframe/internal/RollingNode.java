package io.streamz.dataframe.internal;

import io.streamz.Stream;
import io.streamz.dataframe.Aggregation;
import io.streamz.dataframe.Column;
import io.streamz.dataframe.DoubleColumn;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.InstantColumn;
import io.streamz.dataframe.Series;
import io.streamz.internal.Node;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.util.function.Tuple2;

/**
 * Implements {@code rolling(n)} and {@code rolling("100ms")} aggregations (pandas {@code rolling}
 * over all history, as streamz computes it): one result per row, over the window that ends at
 * that row; rows enter and leave the state once each. Results are {@code NaN} while fewer than
 * {@code minPeriods} values are in the window (pandas: the window size for a count window, 1 for
 * a time window, 0 for {@code count}).
 */
public final class RollingNode extends Node<Frame, Series<Double>> {
    private final int n;
    private final long windowNanos;
    private final int minPeriods;
    private final Function<Frame, Column> values;
    private final Function<Frame, InstantColumn> times;
    private final Function<Frame, Column> labels;
    private final RowState state;
    private final Aggregation<Object, ?> custom;
    private Object customState;
    private final DoubleDeque window = new DoubleDeque();
    private final ArrayDeque<Column> customRows = new ArrayDeque<>();
    private final String params;

    @SuppressWarnings("unchecked")
    public RollingNode(Stream<Frame> upstream, String kind, int n, Duration window, int minPeriods,
                       Function<Frame, Column> values, Function<Frame, InstantColumn> times,
                       Function<Frame, Column> labels, Supplier<RowState> factory, Aggregation<?, ?> custom) {
        super(upstream, kind);
        this.n = n;
        this.windowNanos = window == null ? -1 : window.toNanos();
        this.minPeriods = minPeriods;
        this.values = values;
        this.times = times;
        this.labels = labels;
        this.state = factory == null ? null : factory.get();
        this.custom = (Aggregation<Object, ?>) custom;
        this.params = window == null ? "window=" + n : "window=" + window;
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
        for (int i = 0; i < out.length; i++) {
            double value = RowStates.valueAt(v, i);
            long time = t == null ? 0 : t.getEpochNanos(i);
            out[i] = custom != null ? rollCustom(v, i, time) : roll(value, time);
        }
        Column label = labels == null ? null : labels.apply(x);
        DoubleColumn result = DoubleColumn.wrap(v.name(), out);
        return emitDownstream(label == null ? Series.of(v.name(), result) : Series.of(v.name(), result, label),
                metadata);
    }

    private double roll(double value, long time) {
        state.add(value);
        window.add(value, time);
        while (window.size() > 0 && leaves(window.size(), window.firstTime(), time)) {
            state.remove(window.removeFirst());
        }
        return state.nobs() >= minPeriods ? state.doubleResult() : Double.NaN;
    }

    private double rollCustom(Column v, int i, long time) {
        Column row = v.slice(i, i + 1);
        if (customState == null) {
            customState = custom.initial(v.empty());
        }
        Tuple2<Object, ?> r = custom.onNew(customState, row);
        customState = r.getT1();
        customRows.add(row);
        window.add(0, time);
        while (window.size() > 0 && leaves(window.size(), window.firstTime(), time)) {
            window.removeFirst();
            r = custom.onOld(customState, customRows.poll());
            customState = r.getT1();
        }
        return window.size() >= minPeriods ? ((Number) r.getT2()).doubleValue() : Double.NaN;
    }

    private boolean leaves(int size, long firstTime, long now) {
        return windowNanos < 0 ? size > n : firstTime <= now - windowNanos;
    }

    /** A growable ring of (value, time) pairs. */
    static final class DoubleDeque {
        private double[] vals = new double[16];
        private long[] times = new long[16];
        private int head;
        private int size;

        void add(double v, long t) {
            if (size == vals.length) {
                double[] nv = new double[size * 2];
                long[] nt = new long[size * 2];
                for (int i = 0; i < size; i++) {
                    nv[i] = vals[(head + i) % vals.length];
                    nt[i] = times[(head + i) % vals.length];
                }
                vals = nv;
                times = nt;
                head = 0;
            }
            int at = (head + size) % vals.length;
            vals[at] = v;
            times[at] = t;
            size++;
        }

        int size() {
            return size;
        }

        long firstTime() {
            return times[head];
        }

        double removeFirst() {
            double v = vals[head];
            head = (head + 1) % vals.length;
            size--;
            return v;
        }
    }
}
