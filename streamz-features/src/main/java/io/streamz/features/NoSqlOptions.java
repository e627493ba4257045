package io.streamz.features;

import io.streamz.internal.util.Intervals;
import java.time.Duration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.annotation.Nullable;

/**
 * When and how {@link Flows#noSqlTarget(io.streamz.Stream, Table, java.util.List, NoSqlOptions)}
 * writes (storey's {@code Table(flush_interval_secs=300, max_updates_in_flight=8)}). Immutable.
 *
 * <ul>
 * <li>{@code flushInterval}: the changes of each key are collected and written every interval
 * (events go on at once, their refs are held until their key's changes are written); {@code null}
 * (storey's {@code None}) writes each event, and the event goes on once its write is done.</li>
 * <li>{@code maxUpdatesInFlight}: the most writes running at a time, one key each; the changes of a
 * key that arrive while it is being written are merged and written together after it.</li>
 * <li>{@code scheduler}: the clock of the interval; {@code writer}: where the writes run
 * ({@code Schedulers.boundedElastic()} unless given: a storage may block, e.g. Redis).</li>
 * </ul>
 *
 * <pre>{@code
 * NoSqlOptions every10s = NoSqlOptions.defaults().withFlushInterval(Duration.ofSeconds(10)).withMaxUpdatesInFlight(4);
 * every10s.toString();                                       // NoSqlOptions(flushInterval=10s, maxUpdatesInFlight=4)
 * NoSqlOptions.everyEvent().toString();                      // NoSqlOptions(flushInterval=none, maxUpdatesInFlight=8)
 * }</pre>
 */
public final class NoSqlOptions {
    private static final Duration STOREY_FLUSH_INTERVAL = Duration.ofSeconds(300);
    private static final int STOREY_MAX_UPDATES_IN_FLIGHT = 8;

    @Nullable
    private final Duration flushInterval;
    private final int maxUpdatesInFlight;
    private final Scheduler scheduler;
    private final Scheduler writer;

    private NoSqlOptions(@Nullable Duration flushInterval, int maxUpdatesInFlight, Scheduler scheduler, Scheduler writer) {
        this.flushInterval = flushInterval;
        this.maxUpdatesInFlight = maxUpdatesInFlight;
        this.scheduler = scheduler;
        this.writer = writer;
    }

    /**
     * storey's defaults: changes written every 300 seconds, at most 8 writes in flight.
     *
     * @return the options
     */
    public static NoSqlOptions defaults() {
        return new NoSqlOptions(STOREY_FLUSH_INTERVAL, STOREY_MAX_UPDATES_IN_FLIGHT, Schedulers.parallel(),
                Schedulers.boundedElastic());
    }

    /**
     * Each event written before it goes on (storey's {@code flush_interval_secs=None}), at most 8
     * writes in flight.
     *
     * @return the options
     */
    public static NoSqlOptions everyEvent() {
        return defaults().withFlushInterval(null);
    }

    /**
     * Writes the changes every {@code interval}; {@code null} writes each event.
     *
     * @param interval how often to write, or {@code null}
     * @return new options
     * @throws IllegalArgumentException if {@code interval} is not positive
     */
    public NoSqlOptions withFlushInterval(@Nullable Duration interval) {
        return new NoSqlOptions(interval == null ? null : Intervals.positive(interval, "NoSqlOptions", "flushInterval"),
                maxUpdatesInFlight, scheduler, writer);
    }

    /**
     * At most {@code n} writes at a time.
     *
     * @param n the limit, at least 1
     * @return new options
     * @throws IllegalArgumentException if {@code n} is less than 1
     */
    public NoSqlOptions withMaxUpdatesInFlight(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("NoSqlOptions: maxUpdatesInFlight must be >= 1, was " + n);
        }
        return new NoSqlOptions(flushInterval, n, scheduler, writer);
    }

    /**
     * The clock of the flush interval ({@code Schedulers.parallel()} unless given; a
     * {@code VirtualTimeScheduler} in tests).
     *
     * @param clock the scheduler
     * @return new options
     * @throws NullPointerException if {@code clock} is {@code null}
     */
    public NoSqlOptions withScheduler(Scheduler clock) {
        return new NoSqlOptions(flushInterval, maxUpdatesInFlight, Flows.notNull(clock, "NoSqlOptions", "scheduler"),
                writer);
    }

    /**
     * Where the writes run ({@code Schedulers.boundedElastic()} unless given;
     * {@code Schedulers.immediate()} writes on the thread that flushes).
     *
     * @param writes the scheduler
     * @return new options
     * @throws NullPointerException if {@code writes} is {@code null}
     */
    public NoSqlOptions withWriter(Scheduler writes) {
        return new NoSqlOptions(flushInterval, maxUpdatesInFlight, scheduler,
                Flows.notNull(writes, "NoSqlOptions", "writer"));
    }

    /**
     * How often the changes are written.
     *
     * @return the interval, or {@code null} when each event is written
     */
    @Nullable
    public Duration flushInterval() {
        return flushInterval;
    }

    /**
     * The most writes at a time.
     *
     * @return the limit
     */
    public int maxUpdatesInFlight() {
        return maxUpdatesInFlight;
    }

    /**
     * The clock of the flush interval.
     *
     * @return the scheduler
     */
    public Scheduler scheduler() {
        return scheduler;
    }

    /**
     * Where the writes run.
     *
     * @return the scheduler
     */
    public Scheduler writer() {
        return writer;
    }

    @Override
    public String toString() {
        return "NoSqlOptions(flushInterval=" + (flushInterval == null ? "none" : Intervals.format(flushInterval))
                + ", maxUpdatesInFlight=" + maxUpdatesInFlight + ")";
    }
}
