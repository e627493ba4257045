package io.streamz.dataframe.internal;

import io.streamz.Source;
import io.streamz.dataframe.Frame;
import io.streamz.internal.util.Intervals;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * Implements {@code PeriodicDataFrame}'s source: every interval on its scheduler, calls the data
 * function with the time of the previous call and now, and emits the frame it returns.
 */
public final class PeriodicSource extends Source<Frame> {
    private final BiFunction<Instant, Instant, Frame> datafn;
    private final Duration interval;
    private final Scheduler scheduler;
    private Disposable task;
    private Instant last;

    public PeriodicSource(BiFunction<Instant, Instant, Frame> datafn, Duration interval, Scheduler scheduler) {
        super("periodicDataFrame", null);
        this.datafn = datafn;
        this.interval = interval;
        this.scheduler = scheduler;
    }

    /** The scheduler's current time. */
    public Instant now() {
        long nanos = scheduler.now(TimeUnit.NANOSECONDS);
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    @Override
    protected String describeParams() {
        return "interval=" + Intervals.format(interval);
    }

    @Override
    protected void onStart() {
        last = now();
        long n = interval.toNanos();
        task = scheduler.schedulePeriodically(this::tick, n, n, TimeUnit.NANOSECONDS);
    }

    private void tick() {
        Instant now = now();
        Frame f;
        try {
            f = datafn.apply(last, now);
        } catch (RuntimeException e) {
            throw failure(e, last + ".." + now);
        }
        last = now;
        emit(f);
    }

    @Override
    protected void onStop() {
        if (task != null) {
            task.dispose();
            task = null;
        }
    }
}
