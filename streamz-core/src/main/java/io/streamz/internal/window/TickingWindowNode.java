package io.streamz.internal.window;

import io.streamz.internal.HeldSignals;
import io.streamz.Signal;
import io.streamz.Stream;
import io.streamz.internal.time.TimerNode;
import io.streamz.internal.util.Intervals;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * Base of the windows a clock closes ({@code timedWindow}, {@code timedWindowUnique}): holds
 * elements until the next tick, then emits them as one list. As in streamz, the node ticks once
 * as soon as it is built (an empty window, emitted once the graph is wired: at the first
 * element, or a nanosecond after it was built, whichever comes first) and then every interval,
 * the next tick one interval after the last window's downstream work is done. A failure
 * downstream of a tick goes to the failing node's error policy; the clock goes on.
 *
 * @param <T> the element type
 */
abstract class TickingWindowNode<T> extends TimerNode<T, List<T>> {
    private final long interval;
    private Disposable timer;
    private boolean destroyed;
    private boolean ticked;
    private final HeldSignals heldSignals = new HeldSignals();

    TickingWindowNode(Stream<T> upstream, String kind, Duration interval, Scheduler scheduler) {
        super(upstream, kind, scheduler);
        this.interval = Intervals.timer(interval, kind, "interval").toNanos();
    }

    /**
     * Starts the clock: the last statement of a subclass's constructor, once its arguments are
     * checked and its fields set (a tick may come at once on another thread).
     */
    final void startClock() {
        timer = later(interval, this::tick);
        // streamz's loop runs the first tick right after the code that built the graph: here
        // as soon as time moves at all, or before the first element, whichever comes first
        later(1, () -> {
            if (!ticked && !destroyed && !doneOrResume(firstTick(), this::scheduleTick)) {
                timer.dispose();
            }
        });
    }

    /** Keeps {@code x} for the window, retaining the refs of {@code md} it keeps. */
    abstract void hold(T x, List<Map<String, Object>> md);

    /** The window's elements and their metadata, which the node lets go of; the refs stay retained. */
    abstract Window<T> take();

    /** Releases and forgets what the unfinished window holds. */
    abstract void releaseAll();

    @Override
    protected String describeParams() {
        return "interval=" + Intervals.format(Duration.ofNanos(interval));
    }

    @Override
    protected final CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> md) {
        if (!ticked && !doneOrResume(firstTick(), this::scheduleTick)) {
            timer.dispose();   // as streamz: the next tick comes one interval after this window is done
        }
        hold(x, md);
        return null;
    }

    /**
     * streamz's first tick, emitted here once the graph is wired: before the first element or at
     * the first timer, whichever comes first.
     */
    private CompletableFuture<?> firstTick() {
        ticked = true;
        return emitHeld(List.of(), NO_METADATA);
    }

    private void tick() {
        if (destroyed) {
            return;
        }
        if (!ticked) {
            doneOrResume(firstTick(), () -> { });
        }
        Window<T> window = take();
        // emitHeld releases the refs retained in hold once the window's downstream work is done
        CompletableFuture<?> pending = emitHeld(window.values(), window.metadata());
        if (!heldSignals.isEmpty()) {
            heldSignals.release(this::forwardSignal);   // what came before them has gone on
        }
        if (doneOrResume(pending, this::scheduleTick)) {
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
            releaseAll();
            return null;
        });
    }

    /** A finished window: its elements and their metadata. */
    record Window<T>(List<T> values, List<Map<String, Object>> metadata) {
    }

    /** A signal waits for the tick that emits the elements held before it. */
    @Override
    protected final CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
        if (heldCount() == 0) {
            return forwardSignal(signal, who);
        }
        return heldSignals.hold(signal, who);
    }
}
