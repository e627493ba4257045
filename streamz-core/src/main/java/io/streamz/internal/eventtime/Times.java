package io.streamz.internal.eventtime;

import io.streamz.EventTime;
import java.time.Instant;
import java.util.Map;

/**
 * Event times as nanoseconds since the epoch, as the window nodes keep them: a {@code long} covers
 * the years 1677 to 2262. Elements outside are refused; watermarks outside are clamped. Used inside
 * the graph by the event-time nodes of every module.
 */
public final class Times {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Times() {
    }

    /**
     * Nanoseconds since the epoch of an element's event time.
     *
     * @throws IllegalArgumentException if it has none, or it is out of range
     */
    public static long nanos(Instant t) {
        if (t == null) {
            throw new IllegalArgumentException("the element has no event time: give it one with withTimestamps upstream");
        }
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS_PER_SECOND), t.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("event time " + t + " is outside the years 1677 to 2262", e);
        }
    }

    /** Nanoseconds since the epoch of a watermark, clamped to the range of a {@code long}. */
    public static long clamped(Instant t) {
        if (t.getEpochSecond() >= Long.MAX_VALUE / NANOS_PER_SECOND) {
            return Long.MAX_VALUE;
        }
        if (t.getEpochSecond() <= Long.MIN_VALUE / NANOS_PER_SECOND) {
            return Long.MIN_VALUE;
        }
        return t.getEpochSecond() * NANOS_PER_SECOND + t.getNano();
    }

    /** The instant {@code nanos} after the epoch. */
    public static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    /** {@code a + b}, or the largest (smallest) {@code long} where it overflows. */
    public static long plus(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return r;
    }

    /**
     * Whether {@code entry} of an element's metadata is a bare event time, as
     * {@code EventTime.with} adds it: a window keeps its elements' other entries (their refs) and
     * gives its result a time of its own.
     */
    public static boolean isBareTime(Map<String, Object> entry) {
        return entry.size() == 1 && entry.containsKey(EventTime.KEY);
    }
}
