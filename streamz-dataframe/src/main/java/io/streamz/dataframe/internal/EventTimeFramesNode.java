package io.streamz.dataframe.internal;

import io.streamz.EventTime;
import io.streamz.Signal;
import io.streamz.Stream;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.InstantColumn;
import io.streamz.internal.Node;
import io.streamz.internal.SideOutput;
import io.streamz.internal.eventtime.Times;
import io.streamz.internal.util.Intervals;
import io.streamz.internal.util.Refs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * Implements {@code StreamingDataFrame.inEventTime}: keeps each row, by the instant in its index
 * column, in the frame of event time {@code [k f, (k + 1) f)} it falls in, and emits a frame's rows,
 * sorted by index (rows with the same time in order of arrival), once the watermark passes its end:
 * the watermarks from upstream and, with a bound, the newest index seen minus the bound. A row for
 * a frame already emitted is late. The end of the input emits every frame held.
 */
public final class EventTimeFramesNode extends Node<Frame, Frame> {
    private final String index;
    private final long size;
    /** The out-of-orderness bound in nanoseconds, or -1 to follow upstream watermarks only. */
    private final long bound;
    private final TreeMap<Long, Bucket> buckets = new TreeMap<>();
    private long watermark = Long.MIN_VALUE;
    private long newest = Long.MIN_VALUE;
    private volatile SideOutput<Frame> lateRows;
    private long heldRows;
    private long lateCount;

    /** One frame of event time in the making: slices of batches, and their metadata. */
    private static final class Bucket {
        final List<Frame> parts = new ArrayList<>();
        final List<Map<String, Object>> metadata = new ArrayList<>();
        int rows;
    }

    /**
     * @param index the index column, of instants
     * @param size the frames' length of event time
     * @param bound how far behind the newest index a row may be, or {@code null} to follow upstream
     *     watermarks only
     */
    public EventTimeFramesNode(Stream<Frame> upstream, String index, Duration size, Duration bound) {
        super(upstream, "inEventTime");
        this.index = index;
        this.size = size.toNanos();
        this.bound = bound == null ? -1 : bound.toNanos();
    }

    @Override
    protected String describeParams() {
        return "frame=" + Intervals.format(Duration.ofNanos(size))
                + (bound >= 0 ? ", maxOutOfOrderness=" + Intervals.format(Duration.ofNanos(bound)) : "");
    }

    /** The rows that came after their frame of event time was emitted (the same stream on every call). */
    public synchronized Stream<Frame> lateRows() {
        if (lateRows == null) {
            lateRows = new SideOutput<>("lateRows", this);
        }
        return lateRows;
    }

    @Override
    protected CompletableFuture<?> accept(Frame x, Stream<?> who, List<Map<String, Object>> metadata) {
        InstantColumn times;
        try {
            times = x.instantColumn(index);
            for (int i = 0; i < times.size(); i++) {
                if (times.isMissing(i)) {
                    throw new IllegalArgumentException("inEventTime: row " + i + " has no time in index column \""
                            + index + "\"");
                }
            }
        } catch (RuntimeException e) {
            return fail(e, x, metadata);
        }
        // the rows of each frame of event time, and the late ones, in order of arrival
        TreeMap<Long, IntStream.Builder> byFrame = new TreeMap<>();
        IntStream.Builder lateRowsOf = IntStream.builder();
        boolean anyLate = false;
        for (int i = 0; i < times.size(); i++) {
            long t = times.getEpochNanos(i);
            newest = Math.max(newest, t);
            long start = Math.floorDiv(t, size) * size;
            if (start + size - 1 <= watermark) {
                lateRowsOf.add(i);
                anyLate = true;
            } else {
                byFrame.computeIfAbsent(start, k -> IntStream.builder()).add(i);
            }
        }
        List<Map<String, Object>> md = withoutTime(metadata);
        for (Map.Entry<Long, IntStream.Builder> e : byFrame.entrySet()) {
            int[] rows = e.getValue().build().toArray();
            Bucket b = buckets.computeIfAbsent(e.getKey(), k -> new Bucket());
            b.parts.add(rows.length == x.rowCount() ? x : x.take(rows));
            b.rows += rows.length;
            heldRows += rows.length;
            Refs.retain(md);
            b.metadata.addAll(md);
        }
        CompletableFuture<?> pending = null;
        if (anyLate) {
            pending = late(x.take(lateRowsOf.build().toArray()), metadata);
        }
        if (bound >= 0 && newest != Long.MIN_VALUE) {
            long w = newest - bound - 1;
            if (w > watermark) {
                pending = both(pending, advance(w));
                pending = both(pending, emitSignal(Signal.watermark(Times.instant(w))));
            }
        }
        return pending;
    }

    /** Late rows go to {@link #lateRows()} when it was asked for, else they are a failure; counted either way. */
    private CompletableFuture<?> late(Frame rows, List<Map<String, Object>> metadata) {
        lateCount += rows.rowCount();
        SideOutput<Frame> so = lateRows;
        if (so != null) {
            return so.send(rows, metadata);
        }
        return fail(new IllegalStateException("late rows: " + rows.rowCount() + " row(s) for frames of event time "
                + "already emitted (watermark " + Times.instant(watermark) + "); take them with lateRows()"), rows, metadata);
    }

    /** Emits, in order, the frames the watermark {@code w} has passed. */
    private CompletableFuture<?> advance(long w) {
        watermark = w;
        CompletableFuture<?> pending = null;
        Iterator<Map.Entry<Long, Bucket>> it = buckets.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Bucket> e = it.next();
            long start = e.getKey();
            if (w != Long.MAX_VALUE && start + size - 1 > w) {
                break;
            }
            it.remove();
            Bucket b = e.getValue();
            heldRows -= b.rows;
            Frame rows = sorted(Frame.concat(b.parts));
            List<Map<String, Object>> md = EventTime.with(List.copyOf(b.metadata), Times.instant(start + size - 1));
            try {
                pending = both(pending, emitAndHold(rows, md));
            } finally {
                Refs.release(b.metadata);   // handed over: emitAndHold keeps the refs while work is pending
            }
        }
        return pending;
    }

    /** The rows in order of their index (stable: the same times in order of arrival). */
    private Frame sorted(Frame rows) {
        InstantColumn t = rows.instantColumn(index);
        Integer[] order = new Integer[rows.rowCount()];
        boolean inOrder = true;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            inOrder &= i == 0 || t.getEpochNanos(i - 1) <= t.getEpochNanos(i);
        }
        if (inOrder) {
            return rows;
        }
        Arrays.sort(order, (a, b) -> Long.compare(t.getEpochNanos(a), t.getEpochNanos(b)));
        return rows.take(Arrays.stream(order).mapToInt(Integer::intValue).toArray());
    }

    /** A watermark emits the frames it passed and goes on; the end emits every frame held. */
    @Override
    protected CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
        CompletableFuture<?> pending = null;
        if (signal instanceof Signal.Watermark) {
            long w = Times.clamped(((Signal.Watermark) signal).time());
            if (w <= watermark) {
                return null;   // this node sent as far already
            }
            pending = advance(w);
        } else if (signal instanceof Signal.End) {
            pending = advance(Long.MAX_VALUE);
            watermark = Long.MIN_VALUE;   // a new run of the source starts event time again
            newest = Long.MIN_VALUE;
        }
        return both(pending, forwardSignal(signal, who));
    }

    @Override
    protected long heldCount() {
        return heldRows;
    }

    @Override
    protected long lateCount() {
        return lateCount;
    }

    /** Releases the rows held. */
    @Override
    public void destroy() {
        super.destroy();
        enterGraph(() -> {
            for (Bucket b : buckets.values()) {
                Refs.release(b.metadata);
            }
            buckets.clear();
            heldRows = 0;
            return null;
        });
    }

    private static List<Map<String, Object>> withoutTime(List<Map<String, Object>> metadata) {
        List<Map<String, Object>> out = new ArrayList<>(metadata.size());
        for (Map<String, Object> m : metadata) {
            if (!Times.isBareTime(m)) {
                out.add(m);
            }
        }
        return out;
    }
}
