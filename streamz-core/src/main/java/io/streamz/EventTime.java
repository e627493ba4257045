package io.streamz;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The event time of an element, carried in its metadata as Flink's records carry their
 * timestamps: a map {@code {"eventTime": Instant}} in the element's metadata list. Nodes pass
 * metadata on unchanged, so a {@code map}, {@code filter} or {@code flatten} keeps the time;
 * {@link Stream#withTimestamps} adds it, and so may a source that knows it (Kafka record
 * timestamps). When several entries carry a time (a window's result carries its elements'
 * metadata and then its own time), the last one counts.
 *
 * <pre>{@code
 * List<Map<String, Object>> md = EventTime.with(List.of(), Instant.parse("2026-01-01T00:00:05Z"));
 * // md: [{eventTime=2026-01-01T00:00:05Z}]
 * EventTime.of(md);   // 2026-01-01T00:00:05Z
 * }</pre>
 */
public final class EventTime {
    /** The metadata key of an element's event time: {@value}. */
    public static final String KEY = "eventTime";

    private EventTime() {
    }

    /**
     * The event time in {@code metadata}: the value under {@link #KEY} of the last map that has
     * one.
     *
     * <pre>{@code
     * EventTime.of(List.of(Map.of("ref", ref), Map.of("eventTime", Instant.EPOCH)));   // 1970-01-01T00:00:00Z
     * EventTime.of(List.of());                                                          // null
     * }</pre>
     *
     * @param metadata an element's metadata
     * @return the element's event time, or {@code null} when it has none
     * @throws IllegalArgumentException if the last entry under {@link #KEY} is not an {@link Instant}
     */
    public static Instant of(List<Map<String, Object>> metadata) {
        Objects.requireNonNull(metadata, "EventTime.of: metadata is null");
        for (int i = metadata.size() - 1; i >= 0; i--) {
            Object t = metadata.get(i).get(KEY);
            if (t != null) {
                if (t instanceof Instant) {
                    return (Instant) t;
                }
                throw new IllegalArgumentException("EventTime.of: \"" + KEY + "\" must be an Instant, was "
                        + t.getClass().getName() + " " + NodeException.describe(t));
            }
        }
        return null;
    }

    /**
     * {@code metadata} with the event time {@code time} added after its entries, as a new
     * immutable list; {@code metadata} itself is not changed.
     *
     * <pre>{@code
     * EventTime.with(List.of(Map.of("ref", ref)), Instant.EPOCH);
     * // [{ref=...}, {eventTime=1970-01-01T00:00:00Z}]
     * }</pre>
     *
     * @param metadata an element's metadata
     * @param time its event time
     * @return the metadata to emit the element with
     */
    public static List<Map<String, Object>> with(List<Map<String, Object>> metadata, Instant time) {
        Objects.requireNonNull(metadata, "EventTime.with: metadata is null");
        Map<String, Object> entry = Map.of(KEY, Objects.requireNonNull(time, "EventTime.with: time is null"));
        switch (metadata.size()) {
            case 0:
                return List.of(entry);
            case 1:
                return List.of(metadata.get(0), entry);
            default:
                List<Map<String, Object>> out = new ArrayList<>(metadata.size() + 1);
                out.addAll(metadata);
                out.add(entry);
                return List.copyOf(out);
        }
    }
}
