package io.streamz.features;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Reading keys and event times from events, and adding features to them. */
final class Events {
    private Events() {
    }

    /** Reads map key {@code field} of a {@code Map} event. */
    static Function<Object, Object> field(String field, String node, String param) {
        if (field == null) {
            throw new NullPointerException(node + ": " + param + " is null");
        }
        return e -> {
            if (!(e instanceof Map)) {
                throw new IllegalArgumentException(param + " field \"" + field + "\" needs a Map event, was "
                        + (e == null ? "null" : e.getClass().getName()));
            }
            return ((Map<?, ?>) e).get(field);
        };
    }

    /**
     * Epoch milliseconds of an event time: an {@link Instant} (or other instant), {@link Date},
     * epoch-millisecond number, or a string: ISO-8601 without {@code format} (a time without an
     * offset is UTC), else parsed with {@code format} (storey {@code time_format}).
     */
    static long millis(Object time, DateTimeFormatter format) {
        if (time instanceof String) {
            return parse((String) time, format);
        }
        return millis(time);
    }

    private static long parse(String text, DateTimeFormatter format) {
        try {
            TemporalAccessor parsed = format != null ? format.parse(text)
                    : DateTimeFormatter.ISO_DATE_TIME.parse(text);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return OffsetDateTime.from(parsed).toInstant().toEpochMilli();
            }
            return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("event time \"" + text + "\" does not match "
                    + (format == null ? "ISO-8601" : "the time format " + format), e);
        }
    }

    /** Epoch milliseconds of an event time: an {@link Instant} (or other instant), {@link Date} or epoch-millisecond number. */
    static long millis(Object time) {
        if (time instanceof Instant) {
            return ((Instant) time).toEpochMilli();
        }
        if (time instanceof Number) {
            return ((Number) time).longValue();
        }
        if (time instanceof Date) {
            return ((Date) time).getTime();
        }
        if (time instanceof TemporalAccessor) {
            return Instant.from((TemporalAccessor) time).toEpochMilli();
        }
        throw new IllegalArgumentException("event time must be an Instant, a Date, epoch milliseconds or a string, was "
                + (time == null ? "null" : "\"" + time + "\" (" + time.getClass().getSimpleName() + ")"));
    }

    /** A copy of a {@code Map} event with the features added; any other event under {@code "event"}. */
    static Map<String, Object> enrich(Object event, Map<String, Object> features) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (event instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) event).entrySet()) {
                out.put(String.valueOf(e.getKey()), e.getValue());
            }
        } else {
            out.put("event", event);
        }
        out.putAll(features);
        return java.util.Collections.unmodifiableMap(out);
    }
}
