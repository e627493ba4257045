package io.streamz.internal.time;

import io.streamz.Stream;
import io.streamz.internal.util.Checks;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * Base of the nodes that take their clock and timers from a Reactor {@link Scheduler}; a timer
 * callback enters the graph like an {@code emit}.
 *
 * @param <T> the element type received from upstream
 * @param <R> the element type emitted downstream
 */
public abstract class TimerNode<T, R> extends AsyncNode<T, R> {
    private final Scheduler scheduler;

    protected TimerNode(Stream<? extends T> upstream, String kind, Scheduler scheduler) {
        super(upstream, kind);
        this.scheduler = Checks.notNull(scheduler, kind, "scheduler");
    }

    /** The scheduler's clock, in nanoseconds. */
    protected final long now() {
        return scheduler.now(TimeUnit.NANOSECONDS);
    }

    /** Runs {@code body} inside the graph after {@code delayNanos} (at once if not positive). */
    protected final Disposable later(long delayNanos, Runnable body) {
        return scheduler.schedule(() -> inGraph(body), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }
}
