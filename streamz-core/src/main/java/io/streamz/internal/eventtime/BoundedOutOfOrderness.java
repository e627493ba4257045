package io.streamz.internal.eventtime;

import io.streamz.WatermarkGenerator;
import java.time.Duration;
import java.time.Instant;

/**
 * Implements {@link WatermarkGenerator#boundedOutOfOrderness}: the newest event time seen, minus
 * the bound, minus one nanosecond (so an element exactly {@code bound} behind the newest is on
 * time, as in Flink).
 *
 * @param <T> the element type
 */
public final class BoundedOutOfOrderness<T> implements WatermarkGenerator<T> {
    private final Duration bound;
    private Instant max;

    public BoundedOutOfOrderness(Duration bound) {
        this.bound = bound;
    }

    @Override
    public void onEvent(T element, Instant time) {
        if (max == null || time.isAfter(max)) {
            max = time;
        }
    }

    @Override
    public Instant currentWatermark() {
        return max == null ? null : max.minus(bound).minusNanos(1);
    }

    @Override
    public String toString() {
        return "boundedOutOfOrderness(" + bound + ")";
    }
}
