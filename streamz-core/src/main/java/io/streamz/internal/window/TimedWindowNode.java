package io.streamz.internal.window;

import io.streamz.Stream;
import io.streamz.internal.time.TimerNode;
import io.streamz.internal.util.Intervals;
import io.streamz.internal.util.Refs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/** Implements {@link Stream#timedWindow(Duration, Scheduler)}. */
public final class TimedWindowNode<T> extends TimerNode<T, List<T>> {
    private final long interval;
    private ArrayList<T> values = new ArrayList<>();
    private ArrayList<Map<String, Object>> metadata = new ArrayList<>();
    private Disposable timer;
    private boolean destroyed;
    private boolean ticked;

    public TimedWindowNode(Stream<T> upstream, Duration interval, Scheduler scheduler) {
        super(upstream, "timedWindow", scheduler);
        this.interval = Intervals.positive(interval, "timedWindow", "interval").toNanos();
        timer = later(this.interval, this::tick);
    }

    @Override
    protected String describeParams() {
        return "interval=" + Duration.ofNanos(interval);
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> md) {
        if (!ticked && !doneOrResume(firstTick(), this::scheduleTick)) {
            timer.dispose();   // as streamz: the next tick comes one interval after this window is done
        }
        values.add(x);
        if (!md.isEmpty()) {
            Refs.retain(md);
            metadata.addAll(md);
        }
        return null;
    }

    /**
     * streamz ticks once as soon as the node is built, emitting an empty window, and then every
     * interval. That first tick is emitted here, once the graph is wired: before the first
     * element or at the first timer, whichever comes first.
     */
    private CompletableFuture<?> firstTick() {
        ticked = true;
        return emitDownstream(List.of(), NO_METADATA);
    }

    // As streamz: the next tick is one interval after the last window's downstream work is done.
    private void tick() {
        if (destroyed) {
            return;
        }
        if (!ticked) {
            doneOrResume(firstTick(), () -> { });
        }
        List<T> window = Collections.unmodifiableList(values);
        List<Map<String, Object>> md = List.copyOf(metadata);
        values = new ArrayList<>();
        metadata = new ArrayList<>();
        // emitHeld releases the refs retained in accept once the window's downstream work is done
        if (doneOrResume(emitHeld(window, md), this::scheduleTick)) {
            scheduleTick();
        }
    }

    private void scheduleTick() {
        if (!destroyed) {
            timer = later(interval, this::tick);
        }
    }

    /** Stops the timer and releases the elements of the unfinished window. */
    @Override
    public void destroy() {
        super.destroy();
        enterGraph(() -> {
            destroyed = true;
            timer.dispose();
            Refs.release(metadata);
            values.clear();
            metadata.clear();
            return null;
        });
    }
}
