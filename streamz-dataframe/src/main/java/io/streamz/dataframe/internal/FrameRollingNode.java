package io.streamz.dataframe.internal;

import io.streamz.Stream;
import io.streamz.dataframe.Column;
import io.streamz.dataframe.DoubleColumn;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.InstantColumn;
import io.streamz.internal.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Implements rolling aggregations of a whole dataframe (pandas {@code df.rolling(3).sum()}): every
 * number column rolled as {@link RollingNode} rolls one, emitted as a frame per batch with the
 * index column (if any) first. The columns are the number columns of the first batch.
 */
public final class FrameRollingNode extends Node<Frame, Frame> {
    private final int n;
    private final long windowNanos;
    private final int minPeriods;
    private final String index;
    private final String op;
    private final int ddof;
    private final Supplier<RowState> factory;
    private List<String> names;
    private List<RollingWindow> windows;

    public FrameRollingNode(Stream<Frame> upstream, String op, int ddof, int n, Duration window, int minPeriods,
                            String index, Supplier<RowState> factory) {
        super(upstream, "rolling");
        this.n = n;
        this.windowNanos = window == null ? -1 : window.toNanos();
        this.minPeriods = minPeriods;
        this.index = index;
        this.op = op;
        this.ddof = ddof;
        this.factory = factory;
    }

    @Override
    protected CompletableFuture<?> accept(Frame x, Stream<?> who, List<Map<String, Object>> metadata) {
        if (x == null) {
            throw new IllegalArgumentException("rolling: expected a Frame, got null");
        }
        if (names == null) {
            names = new ArrayList<>();
            windows = new ArrayList<>();
            for (Column c : x.columns()) {
                if (c.type().isNumeric() && !c.name().equals(index)) {
                    names.add(c.name());
                    windows.add(new RollingWindow(n, windowNanos, minPeriods, RollingNode.kernel(op), ddof,
                            factory == null ? null : factory.get()));
                }
            }
        }
        InstantColumn t = windowNanos < 0 ? null : x.instantColumn(index);
        List<Column> out = new ArrayList<>(names.size() + 1);
        if (index != null) {
            out.add(x.column(index));
        }
        for (int c = 0; c < names.size(); c++) {
            Column v = x.column(names.get(c));
            RollingWindow w = windows.get(c);
            w.startBatch();
            double[] r = new double[v.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = w.roll(RowStates.valueAt(v, i), t == null ? 0 : t.getEpochNanos(i));
            }
            out.add(DoubleColumn.wrap(v.name(), r));
        }
        return emitDownstream(Frame.of(out), metadata);
    }
}
