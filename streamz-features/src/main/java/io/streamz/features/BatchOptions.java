package io.streamz.features;

import io.streamz.internal.util.Intervals;
import java.time.Duration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.annotation.Nullable;

/**
 * When a batching target writes what it holds (storey's {@code max_events} and
 * {@code flush_after_seconds}): after {@code maxEvents} events of a batch, {@code flushAfter} after
 * a batch's first event, and always at the end of the input. Immutable.
 *
 * <pre>{@code
 * BatchOptions every100 = BatchOptions.atEnd().withMaxEvents(100).withFlushAfter(Duration.ofSeconds(3));
 * every100.toString();   // BatchOptions(maxEvents=100, flushAfter=3s)
 * }</pre>
 */
public final class BatchOptions {
    private final int maxEvents;
    @Nullable
    private final Duration flushAfter;
    private final Scheduler scheduler;

    private BatchOptions(int maxEvents, @Nullable Duration flushAfter, Scheduler scheduler) {
        this.maxEvents = maxEvents;
        this.flushAfter = flushAfter;
        this.scheduler = scheduler;
    }

    /**
     * Everything is written at the end of the input (storey's Parquet target default).
     *
     * @return options without a count or time limit
     */
    public static BatchOptions atEnd() {
        return new BatchOptions(0, null, Schedulers.parallel());
    }

    /**
     * storey's CSV target defaults: 128 events, 3 seconds.
     *
     * @return the options
     */
    public static BatchOptions csvDefaults() {
        return new BatchOptions(128, Duration.ofSeconds(3), Schedulers.parallel());
    }

    /**
     * Writes a batch once it holds {@code n} events.
     *
     * @param n the most events a batch holds; 0 for no limit
     * @return new options
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public BatchOptions withMaxEvents(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("BatchOptions: maxEvents must be >= 0 (0: no limit), was " + n);
        }
        return new BatchOptions(n, flushAfter, scheduler);
    }

    /**
     * Writes a batch {@code after} its first event arrived.
     *
     * @param after how long a batch waits; {@code null} for no time limit
     * @return new options
     * @throws IllegalArgumentException if {@code after} is not positive
     */
    public BatchOptions withFlushAfter(@Nullable Duration after) {
        return new BatchOptions(maxEvents, after == null ? null : Intervals.positive(after, "BatchOptions", "flushAfter"),
                scheduler);
    }

    /**
     * The clock of {@code flushAfter} ({@code Schedulers.parallel()} unless given; a
     * {@code VirtualTimeScheduler} in tests).
     *
     * @param clock the scheduler
     * @return new options
     * @throws NullPointerException if {@code clock} is {@code null}
     */
    public BatchOptions withScheduler(Scheduler clock) {
        return new BatchOptions(maxEvents, flushAfter, Flows.notNull(clock, "BatchOptions", "scheduler"));
    }

    /**
     * The most events a batch holds.
     *
     * @return the limit, 0 for none
     */
    public int maxEvents() {
        return maxEvents;
    }

    /**
     * How long a batch waits after its first event.
     *
     * @return the wait, or {@code null} for no time limit
     */
    @Nullable
    public Duration flushAfter() {
        return flushAfter;
    }

    /**
     * The clock of {@code flushAfter}.
     *
     * @return the scheduler
     */
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public String toString() {
        return "BatchOptions(maxEvents=" + maxEvents + ", flushAfter="
                + (flushAfter == null ? "none" : Intervals.format(flushAfter)) + ")";
    }
}
