package io.streamz;

import java.time.Instant;
import java.util.Objects;

/**
 * One firing of an event-time window ({@link Stream#eventWindow}): the key (or {@code null} when
 * the windows are not keyed), the window {@code [start, end)} of event time, the value (the list of
 * elements, or the collector's result) and whether the firing came early, on time or late.
 *
 * <pre>{@code
 * Windowed<String, Long> w = new Windowed<>("u1", Instant.parse("2026-01-01T00:00:00Z"),
 *         Instant.parse("2026-01-01T00:01:00Z"), 3L, Windowed.Timing.ON_TIME);
 * w.toString();   // u1 [2026-01-01T00:00:00Z, 2026-01-01T00:01:00Z) on time: 3
 * }</pre>
 *
 * <p>It is emitted with its elements' metadata (their refs) and an event time of its own, the last
 * instant of the window ({@code end} minus a nanosecond), so windows of windows line up.
 *
 * @param <K> the key type ({@link Void} when not keyed)
 * @param <V> the value type
 * @param key the key, {@code null} when the windows are not keyed
 * @param start the first instant of the window
 * @param end the instant after the window's last
 * @param value the elements (in event-time order) or the aggregate
 * @param timing whether the firing came before, when, or after the watermark passed the window
 */
public record Windowed<K, V>(K key, Instant start, Instant end, V value, Timing timing) {

    /**
     * When a window fired, with respect to the watermark (Beam's {@code PaneInfo.Timing}).
     *
     * <pre>{@code
     * Windowed.Timing.ON_TIME.toString();   // on time
     * }</pre>
     */
    public enum Timing {
        /** Before the watermark passed the window's end: a partial result (an early trigger). */
        EARLY("early"),
        /** When the watermark passed the window's end (or at the end of the input). */
        ON_TIME("on time"),
        /** After that, on an element that came within the allowed lateness: an updated result. */
        LATE("late");

        private final String text;

        Timing(String text) {
            this.text = text;
        }

        /** {@code early}, {@code on time} or {@code late}. */
        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * Checks the parts.
     *
     * @param key the key, possibly {@code null}
     * @param start the window's start
     * @param end the window's end, after its start
     * @param value the value, possibly {@code null}
     * @param timing the firing's timing
     */
    public Windowed {
        Objects.requireNonNull(start, "Windowed: start is null");
        Objects.requireNonNull(end, "Windowed: end is null");
        Objects.requireNonNull(timing, "Windowed: timing is null");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("Windowed: end must be after start, was [" + start + ", " + end + ")");
        }
    }

    /** {@code u1 [2026-01-01T00:00:00Z, 2026-01-01T00:01:00Z) on time: 3}; without a key when it is {@code null}. */
    @Override
    public String toString() {
        return (key != null ? key + " " : "") + "[" + start + ", " + end + ") " + timing + ": " + value;
    }
}
