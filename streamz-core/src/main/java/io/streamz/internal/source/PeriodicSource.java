package io.streamz.internal.source;

import io.streamz.Source;
import io.streamz.Stream;
import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Intervals;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/** Implements {@link Stream#fromPeriodic(Supplier, Duration, Scheduler)}. */
public final class PeriodicSource<T> extends Source<T> {
    private final Supplier<? extends T> supplier;
    private final long interval;
    private final Scheduler scheduler;
    private long run;            // which start() the scheduled calls belong to; guarded by the graph
    private Disposable timer;

    public PeriodicSource(Supplier<? extends T> supplier, Duration interval, Scheduler scheduler) {
        super("fromPeriodic", null);
        this.supplier = Checks.notNull(supplier, "fromPeriodic", "supplier");
        this.interval = Intervals.timer(interval, "fromPeriodic", "interval").toNanos();
        this.scheduler = Checks.notNull(scheduler, "fromPeriodic", "scheduler");
    }

    @Override
    protected String describeParams() {
        return "interval=" + Intervals.format(Duration.ofNanos(interval));
    }

    @Override
    protected void onStart() {
        enterGraph(() -> {
            long thisRun = ++run;
            timer = scheduler.schedule(() -> call(thisRun));
            return null;
        });
    }

    @Override
    protected void onStop() {
        enterGraph(() -> {
            run++;
            timer.dispose();
            return null;
        });
    }

    // As streamz: the next call is one interval after this call's downstream work is done.
    // A failure has no emit to reach: it goes to the node's error policy, then the log.
    private void call(long thisRun) {
        CompletableFuture<?> pending;
        try {
            pending = enterGraph(() -> {
                if (thisRun != run) {
                    return null;
                }
                T x;
                try {
                    x = supplier.get();
                } catch (RuntimeException e) {
                    return fail(e, null, NO_METADATA);
                }
                return emitDownstream(x, NO_METADATA);
            });
        } catch (RuntimeException | Error e) {
            unhandled(e);
            pending = CompletableFuture.completedFuture(null);
        }
        pending.whenComplete((r, e) -> {
            if (e != null) {
                unhandled(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            }
            enterGraph(() -> {
                if (thisRun == run) {
                    timer = scheduler.schedule(() -> call(thisRun), interval, TimeUnit.NANOSECONDS);
                }
                return null;
            });
        });
    }
}
