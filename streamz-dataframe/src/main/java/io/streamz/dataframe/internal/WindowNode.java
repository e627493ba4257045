package io.streamz.dataframe.internal;

import io.streamz.Stream;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.InstantColumn;
import io.streamz.internal.Node;
import io.streamz.internal.util.Intervals;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Implements the reductions over all history, {@code window(n)}, {@code window("2h")} and
 * {@code expanding()} (streamz {@code window_accumulator}): keeps the rows of the window as
 * zero-copy slices of the batches, gives the state each batch as it enters and the rows that
 * leave (oldest first), and emits the state's result once per batch. Each row enters and leaves
 * once, so the cost per row is O(1) amortised.
 *
 * @param <R> the result
 */
public final class WindowNode<R> extends Node<Frame, R> {
    private final int n;
    private final long windowNanos;
    private final Function<Frame, InstantColumn> times;
    private final WindowState<R> state;
    private final ArrayDeque<Frame> chunks = new ArrayDeque<>();
    private final String params;
    private long rows;
    private long maxTime = Long.MIN_VALUE;

    private WindowNode(Stream<Frame> upstream, String kind, int n, long windowNanos,
                       Function<Frame, InstantColumn> times, WindowState<R> state, String params) {
        super(upstream, kind);
        this.n = n;
        this.windowNanos = windowNanos;
        this.times = times;
        this.state = state;
        this.params = params;
    }

    /** Over all rows ever seen (reductions, groupby, {@code expanding}). */
    public static <R> WindowNode<R> expanding(Stream<Frame> upstream, String kind, WindowState<R> state) {
        return new WindowNode<>(upstream, kind, -1, -1, null, state, "");
    }

    /** Over the last {@code n} rows. */
    public static <R> WindowNode<R> rows(Stream<Frame> upstream, String kind, int n, WindowState<R> state) {
        if (n < 1) {
            throw new IllegalArgumentException(kind + ": n must be >= 1, was " + n);
        }
        return new WindowNode<>(upstream, kind, n, -1, null, state, "n=" + n);
    }

    /** Over the rows whose time is within {@code window} of the newest time seen. */
    public static <R> WindowNode<R> time(Stream<Frame> upstream, String kind, Duration window,
                                         Function<Frame, InstantColumn> times, WindowState<R> state) {
        return new WindowNode<>(upstream, kind, -1, window.toNanos(), times, state, "value=" + Intervals.format(window));
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
        if (x.rowCount() > 0 && (n >= 0 || windowNanos >= 0)) {
            chunks.add(x);
            rows += x.rowCount();
        }
        state.onNew(x);
        if (n >= 0) {
            evictRows();
        } else if (windowNanos >= 0) {
            evictOlder(x);
        }
        return emitDownstream(state.result(), metadata);
    }

    private void evictRows() {
        long excess = rows - n;
        while (excess > 0) {
            Frame first = chunks.poll();
            if (first.rowCount() <= excess) {
                state.onOld(first);
                excess -= first.rowCount();
                rows -= first.rowCount();
            } else {
                int k = (int) excess;
                chunks.addFirst(first.slice(k, first.rowCount()));
                state.onOld(first.slice(0, k));
                rows -= k;
                excess = 0;
            }
        }
    }

    private void evictOlder(Frame x) {
        InstantColumn t = times.apply(x);
        for (int i = 0; i < t.size(); i++) {
            if (!t.isMissing(i)) {
                maxTime = Math.max(maxTime, t.getEpochNanos(i));
            }
        }
        if (maxTime == Long.MIN_VALUE) {
            return;
        }
        long lowest = maxTime - windowNanos + 1;     // streamz keeps index >= max - window + 1ns
        while (!chunks.isEmpty()) {
            Frame first = chunks.peek();
            InstantColumn ft = times.apply(first);
            if (!(ft.getEpochNanos(0) < lowest)) {
                break;
            }
            int k = 0;
            while (k < ft.size() && ft.getEpochNanos(k) <= lowest) {
                k++;
            }
            chunks.poll();
            if (k < first.rowCount()) {
                chunks.addFirst(first.slice(k, first.rowCount()));
            }
            rows -= k;
            state.onOld(first.slice(0, k));
        }
    }
}
