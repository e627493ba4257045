package io.streamz.internal.eventtime;

import io.streamz.EventTime;
import io.streamz.Signal;
import io.streamz.Stream;
import io.streamz.WatermarkGenerator;
import io.streamz.WatermarkStrategy;
import io.streamz.internal.time.TimerNode;
import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Intervals;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Implements {@link Stream#withTimestamps(Function, WatermarkStrategy)}: gives every element its
 * event time, shows it to the watermark generator, and sends the generator's watermark every
 * interval of the scheduler when it grew; {@link Signal#idle()} after the idleness without
 * elements. Watermarks and idleness from upstream are replaced by its own; the end goes on.
 */
public final class WithTimestampsNode<T> extends TimerNode<T, T> {
    private final Function<? super T, Instant> time;
    private final WatermarkGenerator<? super T> generator;
    private final WatermarkStrategy<? super T> strategy;
    private final long interval;
    private final long idleness;
    private Instant sent;
    private boolean idle;
    private boolean ended;
    private long lastElement;
    private Disposable timer;

    /**
     * @param time the element's event time, or {@code null} to take the time in its metadata
     */
    private WithTimestampsNode(Stream<T> upstream, Function<? super T, Instant> time,
                              WatermarkStrategy<? super T> strategy, Scheduler scheduler) {
        super(upstream, "withTimestamps", scheduler);
        this.time = time;
        this.strategy = Checks.notNull(strategy, "withTimestamps", "strategy");
        this.generator = strategy.newGenerator();
        this.interval = strategy.interval().toNanos();
        this.idleness = strategy.idleness() == null ? 0 : strategy.idleness().toNanos();
        this.lastElement = now();
        this.timer = later(interval, this::tick);
    }

    /** The node for {@code withTimestamps(time, maxOutOfOrderness, scheduler)}. */
    public static <T> WithTimestampsNode<T> bounded(Stream<T> upstream, Function<? super T, Instant> time,
                                                    Duration maxOutOfOrderness, Scheduler scheduler) {
        Checks.notNull(time, "withTimestamps", "time");
        Checks.notNull(maxOutOfOrderness, "withTimestamps", "maxOutOfOrderness");
        if (maxOutOfOrderness.isNegative()) {
            throw Checks.invalid("withTimestamps", "maxOutOfOrderness must be >= 0, was " + Intervals.format(maxOutOfOrderness));
        }
        Checks.notNull(scheduler, "withTimestamps", "scheduler");
        return new WithTimestampsNode<>(upstream, time, WatermarkStrategy.boundedOutOfOrderness(maxOutOfOrderness), scheduler);
    }

    /**
     * The node for {@code withTimestamps(time, strategy)}, on the strategy's scheduler or
     * {@code Schedulers.parallel()}.
     *
     * @param time the event time of an element, or {@code null} for the one in its metadata
     */
    public static <T> WithTimestampsNode<T> of(Stream<T> upstream, Function<? super T, Instant> time,
                                               WatermarkStrategy<? super T> strategy) {
        Checks.notNull(strategy, "withTimestamps", "strategy");
        return new WithTimestampsNode<>(upstream, time, strategy,
                strategy.scheduler() != null ? strategy.scheduler() : Schedulers.parallel());
    }

    @Override
    protected String describeParams() {
        return strategy.toString();
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        Instant t;
        try {
            t = time != null ? time.apply(x) : EventTime.of(metadata);
            if (t == null) {
                throw new IllegalArgumentException(time != null ? "the time function returned null"
                        : "the element has no event time in its metadata: give withTimestamps a time function");
            }
            generator.onEvent(x, t);
        } catch (RuntimeException e) {
            return fail(e, x, metadata);
        }
        if (ended) {   // a new run of the source
            ended = false;
            timer = later(interval, this::tick);
        }
        CompletableFuture<?> pending = null;
        if (idleness > 0) {
            lastElement = now();
            if (idle) {
                idle = false;
                pending = sendWatermark(true);
            }
        }
        return both(pending, emitDownstream(x, time != null ? EventTime.with(metadata, t) : metadata));
    }

    private void tick() {
        if (ended) {
            return;
        }
        CompletableFuture<?> pending = null;
        if (idleness > 0 && !idle && now() - lastElement >= idleness) {
            idle = true;
            pending = emitSignal(Signal.idle());
        } else if (!idle) {
            pending = sendWatermark(false);
        }
        doneOrResume(pending, () -> { });
        timer = later(interval, this::tick);
    }

    /**
     * Sends the generator's watermark if it grew; {@code again} sends the last one again when it
     * did not (an input active again after being idle).
     */
    private CompletableFuture<?> sendWatermark(boolean again) {
        Instant w;
        try {
            w = generator.currentWatermark();
        } catch (RuntimeException e) {
            report(e);
            return null;
        }
        if (w != null && (sent == null || w.isAfter(sent))) {
            sent = w;
        } else if (!again || sent == null) {
            return null;
        }
        return emitSignal(Signal.watermark(sent));
    }

    /** Watermarks and idleness from upstream are replaced by this node's own; the end goes on. */
    @Override
    protected CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
        if (!(signal instanceof Signal.End)) {
            return null;
        }
        ended = true;
        timer.dispose();
        return forwardSignal(signal, who);
    }

    /** Stops the timer. */
    @Override
    public void destroy() {
        super.destroy();
        enterGraph(() -> {
            ended = true;
            timer.dispose();
            return null;
        });
    }
}
