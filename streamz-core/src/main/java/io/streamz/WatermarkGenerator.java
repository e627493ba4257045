package io.streamz;

import io.streamz.internal.eventtime.BoundedOutOfOrderness;
import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Intervals;
import java.time.Duration;
import java.time.Instant;

/**
 * Computes a stream's watermark from the event times of its elements (Flink's
 * {@code WatermarkGenerator}): {@link Stream#withTimestamps} shows it every element, and asks it
 * for its watermark every emission interval of its {@link WatermarkStrategy}; the watermark goes
 * downstream when it has grown. Write one for sources whose lateness you know better than a fixed
 * bound, and give it to {@link WatermarkStrategy#of}.
 *
 * <pre>{@code
 * // the watermark trails the newest event time by 10 s, but never by more than 3 elements' worth
 * class Trailing implements WatermarkGenerator<Click> {
 *     private final ArrayDeque<Instant> last = new ArrayDeque<>();
 *     private Instant max;
 *
 *     public void onEvent(Click c, Instant time) {
 *         max = max == null || time.isAfter(max) ? time : max;
 *         last.add(time);
 *         if (last.size() > 3) last.poll();
 *     }
 *
 *     public Instant currentWatermark() {
 *         if (max == null) return null;
 *         Instant byBound = max.minusSeconds(10);
 *         Instant oldest = last.peek().minusNanos(1);
 *         return byBound.isAfter(oldest) ? byBound : oldest;
 *     }
 * }
 * clicks.withTimestamps(Click::time, WatermarkStrategy.of(Trailing::new));
 * }</pre>
 *
 * <p>A generator is called inside the graph, by one thread at a time, and needs no locking.
 *
 * @param <T> the element type
 */
public interface WatermarkGenerator<T> {
    /**
     * Sees one element and its event time.
     *
     * @param element the element
     * @param time its event time
     */
    void onEvent(T element, Instant time);

    /**
     * The watermark now: no element at or before it is expected any more. Asked every emission
     * interval; a value not after the last one sent is not sent again.
     *
     * @return the watermark, or {@code null} while there is none (no element seen yet)
     */
    Instant currentWatermark();

    /**
     * The usual generator: the watermark trails the newest event time seen by {@code bound}, so an
     * element at most {@code bound} older than the newest one seen before it is on time (Flink's
     * {@code forBoundedOutOfOrderness}: the watermark is that newest time minus the bound, minus
     * one nanosecond).
     *
     * <pre>{@code
     * WatermarkGenerator<Object> g = WatermarkGenerator.boundedOutOfOrderness(Duration.ofSeconds(5));
     * g.onEvent("a", Instant.parse("2026-01-01T00:00:10Z"));
     * g.currentWatermark();   // 2026-01-01T00:00:04.999999999Z
     * }</pre>
     *
     * @param <T> the element type
     * @param bound how much older than the newest one an element may be, zero or more
     * @return a new generator
     */
    static <T> WatermarkGenerator<T> boundedOutOfOrderness(Duration bound) {
        Checks.notNull(bound, "boundedOutOfOrderness", "bound");
        if (bound.isNegative()) {
            throw Checks.invalid("boundedOutOfOrderness", "bound must be >= 0, was " + Intervals.format(bound));
        }
        return new BoundedOutOfOrderness<>(bound);
    }
}
