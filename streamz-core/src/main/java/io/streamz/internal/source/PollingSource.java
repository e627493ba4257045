package io.streamz.internal.source;

import io.streamz.Source;
import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Intervals;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * Base of the sources that poll on a {@link Scheduler} ({@code fromTextfile}, {@code filenames}):
 * a poll at {@code start()} and then every interval until {@code stop()}.
 *
 * <p>Polls never overlap, even across a quick stop and restart. A poll that fails (an IO error,
 * or a downstream function's {@code NodeException}) stops the source and goes to the
 * uncaught-exception handler of the thread that ran the poll (a scheduler's worker, or the
 * thread driving a virtual clock).
 *
 * @param <T> the element type
 */
public abstract class PollingSource<T> extends Source<T> {
    private final Duration interval;
    private final Scheduler scheduler;
    private final Object pollLock = new Object();
    private volatile long run;
    private volatile Disposable task;

    protected PollingSource(String kind, Duration interval, Scheduler scheduler) {
        super(kind, null);
        this.interval = Intervals.timer(interval, kind, "pollInterval");
        this.scheduler = Checks.notNull(scheduler, kind, "scheduler");
    }

    /** The time between two polls. */
    protected final Duration interval() {
        return interval;
    }

    @Override
    protected final void onStart() {
        prepare();
        long id = ++run;
        task = scheduler.schedulePeriodically(() -> tick(id), 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    protected final void onStop() {
        run++;
        Disposable t = task;
        if (t != null) {
            t.dispose();
        }
    }

    private void tick(long id) {
        synchronized (pollLock) {
            BooleanSupplier running = () -> id == run && isStarted();
            if (!running.getAsBoolean()) {
                return;
            }
            try {
                poll(running);
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    if (id == run) {
                        stop();
                    }
                }
                // not rethrown: that would end a virtual clock's drain loop for good
                unhandled(e);
            }
        }
    }

    /** Called by {@code start()} before the first poll of this run; the default does nothing. */
    protected void prepare() {
    }

    /**
     * Looks for new data and emits it, checking {@code running} before each element: once it
     * says {@code false} the source was stopped, and what was not emitted must be kept for the
     * next start.
     */
    protected abstract void poll(BooleanSupplier running);
}
