package io.streamz;

import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Intervals;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import reactor.core.scheduler.Scheduler;
import reactor.util.annotation.Nullable;

/**
 * How {@link Stream#withTimestamps} makes watermarks: the {@link WatermarkGenerator}, how often
 * it sends them (every 200 ms by default, as Flink), after how long without elements the stream
 * counts as idle, and the scheduler whose clock measures both. Immutable; each {@code with...}
 * returns a new strategy, and each node built from it gets a generator of its own.
 *
 * <pre>{@code
 * WatermarkStrategy<Object> s = WatermarkStrategy.boundedOutOfOrderness("5s")
 *         .withInterval("1s")     // send the watermark every second
 *         .withIdleness("1m");    // idle after a minute without elements
 * clicks.withTimestamps(Click::time, s);
 * s.toString();   // boundedOutOfOrderness(5s), interval=1s, idleness=1m
 * }</pre>
 *
 * @param <T> the element type the generator takes ({@code Object} for the built-in ones, which
 *     fit every stream)
 */
public final class WatermarkStrategy<T> {
    private static final Duration DEFAULT_INTERVAL = Duration.ofMillis(200);

    private final Supplier<? extends WatermarkGenerator<? super T>> generator;
    private final String description;
    private final Duration interval;
    private final Duration idleness;
    private final Scheduler scheduler;

    private WatermarkStrategy(Supplier<? extends WatermarkGenerator<? super T>> generator, String description,
                              Duration interval, Duration idleness, Scheduler scheduler) {
        this.generator = generator;
        this.description = description;
        this.interval = interval;
        this.idleness = idleness;
        this.scheduler = scheduler;
    }

    /**
     * Watermarks that trail the newest event time seen by {@code bound} (see
     * {@link WatermarkGenerator#boundedOutOfOrderness}).
     *
     * <pre>{@code
     * clicks.withTimestamps(Click::time, WatermarkStrategy.boundedOutOfOrderness(Duration.ofSeconds(5)));
     * }</pre>
     *
     * @param bound how much older than the newest one an element may be and still be on time
     * @return a new strategy, sending every 200 ms, never idle
     */
    public static WatermarkStrategy<Object> boundedOutOfOrderness(Duration bound) {
        WatermarkGenerator.boundedOutOfOrderness(bound);   // checks it
        return new WatermarkStrategy<>(() -> WatermarkGenerator.boundedOutOfOrderness(bound),
                "boundedOutOfOrderness(" + Intervals.format(bound) + ")", DEFAULT_INTERVAL, null, null);
    }

    /**
     * See {@link #boundedOutOfOrderness(Duration)}.
     *
     * <pre>{@code
     * clicks.withTimestamps(Click::time, WatermarkStrategy.boundedOutOfOrderness("5s"));
     * }</pre>
     *
     * @param bound the bound as a number and a unit, such as {@code "5s"}
     * @return a new strategy, sending every 200 ms, never idle
     */
    public static WatermarkStrategy<Object> boundedOutOfOrderness(String bound) {
        return boundedOutOfOrderness(Intervals.parse(bound, "boundedOutOfOrderness", "bound"));
    }

    /**
     * Watermarks for event times that never go backwards: the newest seen, minus a nanosecond
     * (a bound of zero; Flink's {@code forMonotonousTimestamps}).
     *
     * <pre>{@code
     * readings.withTimestamps(Reading::time, WatermarkStrategy.monotonousTimestamps());
     * }</pre>
     *
     * @return a new strategy, sending every 200 ms, never idle
     */
    public static WatermarkStrategy<Object> monotonousTimestamps() {
        return boundedOutOfOrderness(Duration.ZERO);
    }

    /**
     * Watermarks from a generator of your own; every node built from the strategy calls
     * {@code generator} once for its own.
     *
     * <pre>{@code
     * clicks.withTimestamps(Click::time, WatermarkStrategy.of(Trailing::new));
     * }</pre>
     *
     * @param <T> the element type
     * @param generator makes a new generator
     * @return a new strategy, sending every 200 ms, never idle
     */
    public static <T> WatermarkStrategy<T> of(Supplier<? extends WatermarkGenerator<? super T>> generator) {
        Checks.notNull(generator, "WatermarkStrategy.of", "generator");
        return new WatermarkStrategy<>(generator, "generator", DEFAULT_INTERVAL, null, null);
    }

    /**
     * This strategy, sending the watermark every {@code interval} (when it grew) instead of every
     * 200 ms.
     *
     * <pre>{@code
     * WatermarkStrategy.boundedOutOfOrderness("5s").withInterval(Duration.ofSeconds(1));
     * }</pre>
     *
     * @param interval the time between two emissions, at least 1 ms
     * @return a new strategy
     */
    public WatermarkStrategy<T> withInterval(Duration interval) {
        return new WatermarkStrategy<>(generator, description, Intervals.timer(interval, "withInterval", "interval"),
                idleness, scheduler);
    }

    /**
     * See {@link #withInterval(Duration)}.
     *
     * <pre>{@code
     * WatermarkStrategy.boundedOutOfOrderness("5s").withInterval("1s");
     * }</pre>
     *
     * @param interval the time between two emissions as a number and a unit, such as {@code "1s"}
     * @return a new strategy
     */
    public WatermarkStrategy<T> withInterval(String interval) {
        return withInterval(Intervals.parse(interval, "withInterval", "interval"));
    }

    /**
     * This strategy, sending {@link Signal#idle()} after {@code idleness} without elements: a join
     * then stops holding its watermark back for this input until it sends elements again (Flink's
     * {@code withIdleness}). Idleness is checked at each emission interval.
     *
     * <pre>{@code
     * WatermarkStrategy.boundedOutOfOrderness("5s").withIdleness(Duration.ofMinutes(1));
     * }</pre>
     *
     * @param idleness how long without elements makes the stream idle, greater than zero
     * @return a new strategy
     */
    public WatermarkStrategy<T> withIdleness(Duration idleness) {
        return new WatermarkStrategy<>(generator, description, interval,
                Intervals.positive(idleness, "withIdleness", "idleness"), scheduler);
    }

    /**
     * See {@link #withIdleness(Duration)}.
     *
     * <pre>{@code
     * WatermarkStrategy.boundedOutOfOrderness("5s").withIdleness("1m");
     * }</pre>
     *
     * @param idleness how long without elements makes the stream idle, such as {@code "1m"}
     * @return a new strategy
     */
    public WatermarkStrategy<T> withIdleness(String idleness) {
        return withIdleness(Intervals.parse(idleness, "withIdleness", "idleness"));
    }

    /**
     * This strategy, with the scheduler whose clock and timers send the watermarks and measure
     * idleness (a {@code VirtualTimeScheduler} in tests); without one, the node takes
     * {@code Schedulers.parallel()} as it is when the node is built.
     *
     * <pre>{@code
     * WatermarkStrategy.boundedOutOfOrderness("5s").withScheduler(clock);
     * }</pre>
     *
     * @param scheduler the scheduler
     * @return a new strategy
     */
    public WatermarkStrategy<T> withScheduler(Scheduler scheduler) {
        return new WatermarkStrategy<>(generator, description, interval, idleness,
                Checks.notNull(scheduler, "withScheduler", "scheduler"));
    }

    /**
     * A new generator, for one node.
     *
     * <pre>{@code
     * WatermarkStrategy.monotonousTimestamps().newGenerator().currentWatermark();   // null
     * }</pre>
     *
     * @return what the strategy's generator supplier made
     * @throws NullPointerException if the supplier returned {@code null}
     */
    public WatermarkGenerator<? super T> newGenerator() {
        return Objects.requireNonNull(generator.get(), "WatermarkStrategy: the generator supplier returned null");
    }

    /**
     * The time between two emissions of the watermark.
     *
     * <pre>{@code
     * WatermarkStrategy.monotonousTimestamps().interval();   // PT0.2S
     * }</pre>
     *
     * @return the interval, 200 ms unless set
     */
    public Duration interval() {
        return interval;
    }

    /**
     * How long without elements makes the stream idle.
     *
     * <pre>{@code
     * WatermarkStrategy.monotonousTimestamps().idleness();   // null: never idle
     * }</pre>
     *
     * @return the idleness, or {@code null} when the stream never counts as idle
     */
    @Nullable
    public Duration idleness() {
        return idleness;
    }

    /**
     * The scheduler set with {@link #withScheduler}.
     *
     * <pre>{@code
     * WatermarkStrategy.monotonousTimestamps().scheduler();   // null: Schedulers.parallel() at build time
     * }</pre>
     *
     * @return the scheduler, or {@code null} when none was set
     */
    @Nullable
    public Scheduler scheduler() {
        return scheduler;
    }

    /** {@code boundedOutOfOrderness(5s), interval=200ms}, with the idleness when set. */
    @Override
    public String toString() {
        return description + ", interval=" + Intervals.format(interval)
                + (idleness != null ? ", idleness=" + Intervals.format(idleness) : "");
    }
}
