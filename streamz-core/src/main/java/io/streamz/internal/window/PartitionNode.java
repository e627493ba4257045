package io.streamz.internal.window;

import io.streamz.internal.HeldSignals;
import io.streamz.Signal;
import io.streamz.Stream;
import io.streamz.internal.time.TimerNode;
import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Intervals;
import io.streamz.internal.util.Keys;
import io.streamz.internal.util.Refs;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** Implements {@link Stream#partition(int)} and its overloads. */
public final class PartitionNode<T> extends TimerNode<T, List<T>> {
    private final int n;
    private final Duration timeout;
    private final Function<? super T, ?> key;
    private final Map<Object, Part<T>> parts = new HashMap<>();

    /** The part of the last flushed partition, emptied for the next one (saves its allocation). */
    private Part<T> spare;
    /** Elements held in all parts, for stats (the map itself is not read outside the graph). */
    private int heldTotal;
    private final HeldSignals heldSignals = new HeldSignals();

    /** One key's partition in the making, with its timer; reused once flushed. */
    private static final class Part<T> {
        final HeldElements<T> held = new HeldElements<>();
        Disposable timer;
        /** Counts the partitions this part has held, so that a late timer finds its own gone. */
        long generation;
    }

    /**
     * @param timeout how long a partition may wait for its n-th element, or {@code null}
     * @param scheduler the timers' scheduler (used only with a timeout)
     * @param key the partition key function, or {@code null} for one partition
     */
    public PartitionNode(Stream<T> upstream, int n, Duration timeout, Scheduler scheduler, Function<? super T, ?> key) {
        super(upstream, "partition", timeout == null ? Schedulers.immediate() : scheduler);
        this.n = Checks.positive(n, "partition", "n");
        this.timeout = timeout == null ? null : Intervals.positive(timeout, "partition", "timeout");
        this.key = key;
    }

    @Override
    protected String describeParams() {
        return "n=" + n + (timeout != null ? ", timeout=" + Intervals.format(timeout) : "");
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        Object k = key == null ? null : Keys.of(key, x, this);
        Part<T> part = parts.get(k);
        if (part == null) {
            part = spare != null ? spare : new Part<>();
            spare = null;
            parts.put(k, part);
        }
        part.held.add(x, metadata);
        heldTotal++;
        if (part.held.size() == n) {
            if (part.timer != null) {
                part.timer.dispose();
            }
            return flush(k, part);
        }
        if (part.held.size() == 1 && timeout != null) {
            // as streamz: each key's timer starts with the first element of its partition
            Part<T> mine = part;
            long generation = part.generation;
            part.timer = later(timeout.toNanos(), () -> {
                if (parts.get(k) == mine && mine.generation == generation) {
                    parts.remove(k);
                    heldTotal -= mine.held.size();
                    // no emit waits for a timer: a failure downstream is reported, refs released
                    emitHeld(mine.held.values(), mine.held.metadata());
                    releaseSignalsIfEmpty();
                }
            });
        }
        return null;
    }

    private CompletableFuture<?> flush(Object k, Part<T> part) {
        parts.remove(k);
        heldTotal -= part.held.size();
        List<T> values = part.held.values();
        List<Map<String, Object>> md = part.held.metadata();
        part.held.forget();   // the refs travel with md, released below
        part.timer = null;
        part.generation++;
        spare = part;
        CompletableFuture<?> pending = null;
        try {
            pending = emitAndHold(values, md);
        } finally {
            // handed over: emitAndHold keeps the refs while downstream work is pending
            Refs.release(md);
        }
        return both(pending, releaseSignalsIfEmpty());
    }

    @Override
    protected long heldCount() {
        return heldTotal;
    }

    /**
     * A signal waits until the elements held before it were emitted. Without a timeout the end
     * goes on at once: as in streamz, a partial partition stays held.
     */
    @Override
    protected CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
        if (heldTotal == 0 || signal instanceof Signal.End && timeout == null) {
            return forwardSignal(signal, who);
        }
        return heldSignals.hold(signal, who);
    }

    private CompletableFuture<?> releaseSignalsIfEmpty() {
        return heldTotal == 0 && !heldSignals.isEmpty() ? heldSignals.release(this::forwardSignal) : null;
    }
}
