package io.streamz.features;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import reactor.util.annotation.Nullable;

/**
 * An element with its metadata beside the body, as storey's {@code Event}: the body (the payload),
 * a key (one value, or a {@code List} for several), an event time and an id. Immutable: the
 * {@code with...} methods return a copy, so branches never see each other's changes.
 *
 * <pre>{@code
 * Event<Map<String, Object>> e = Event.of(Map.of("click", 1), "ann", Instant.parse("2024-05-01T10:00:00Z"));
 * e.key();                               // "ann"
 * e.withBody(Map.of("click", 2)).body();   // {click=2}
 * }</pre>
 *
 * @param <T> the body type
 */
public final class Event<T> {
    private final T body;
    private final Object key;
    private final Instant time;
    private final String id;
    private final AwaitableResult<Object> awaitable;

    private Event(T body, Object key, Instant time, String id, AwaitableResult<Object> awaitable) {
        this.body = body;
        this.key = key instanceof List ? List.copyOf((List<?>) key) : key;
        this.time = time;
        this.id = id;
        this.awaitable = awaitable;
    }

    /**
     * An event time read from a field: an {@link Instant} (or other instant), a {@code Date},
     * epoch milliseconds, or a string in ISO-8601 (UTC without an offset) or in {@code format}
     * (storey's {@code time_format}).
     *
     * <pre>{@code
     * Event.timeOf("2024-05-01 10:00", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));   // 2024-05-01T10:00:00Z
     * }</pre>
     *
     * @param time the field's value
     * @param format the strings' format, or {@code null} for ISO-8601
     * @return the instant (to the millisecond unless it was an {@code Instant})
     * @throws IllegalArgumentException if {@code time} is {@code null}, of another type, or a
     *         string that does not match
     */
    public static Instant timeOf(@Nullable Object time, @Nullable java.time.format.DateTimeFormatter format) {
        return time instanceof Instant ? (Instant) time : Instant.ofEpochMilli(Events.millis(time, format));
    }

    /**
     * An event without key, time or id.
     *
     * @param <T> the body type
     * @param body the payload; {@code null} is allowed
     * @return the event
     */
    public static <T> Event<T> of(@Nullable T body) {
        return new Event<>(body, null, null, null, null);
    }

    /**
     * An event with a key and a time.
     *
     * @param <T> the body type
     * @param body the payload; {@code null} is allowed
     * @param key the key, or a {@code List} of several; {@code null} for none
     * @param time the event time; {@code null} for none
     * @return the event
     */
    public static <T> Event<T> of(@Nullable T body, @Nullable Object key, @Nullable Instant time) {
        return new Event<>(body, key, time, null, null);
    }

    /**
     * The payload.
     *
     * @return the body, possibly {@code null}
     */
    @Nullable
    public T body() {
        return body;
    }

    /**
     * The key: one value, or an unmodifiable {@code List} for several keys.
     *
     * @return the key, or {@code null}
     */
    @Nullable
    public Object key() {
        return key;
    }

    /**
     * The event time.
     *
     * @return the time, or {@code null}
     */
    @Nullable
    public Instant time() {
        return time;
    }

    /**
     * The id.
     *
     * @return the id, or {@code null}
     */
    @Nullable
    public String id() {
        return id;
    }

    /**
     * This event with another body, the same key, time, id and pending result.
     *
     * @param <R> the new body type
     * @param newBody the new payload
     * @return a copy
     */
    public <R> Event<R> withBody(@Nullable R newBody) {
        return new Event<>(newBody, key, time, id, awaitable);
    }

    /**
     * This event with another key.
     *
     * @param newKey the key, or a {@code List} of several
     * @return a copy
     */
    public Event<T> withKey(@Nullable Object newKey) {
        return new Event<>(body, newKey, time, id, awaitable);
    }

    /**
     * This event with another time.
     *
     * @param newTime the time
     * @return a copy
     */
    public Event<T> withTime(@Nullable Instant newTime) {
        return new Event<>(body, key, newTime, id, awaitable);
    }

    /**
     * This event with another id.
     *
     * @param newId the id
     * @return a copy
     */
    public Event<T> withId(@Nullable String newId) {
        return new Event<>(body, key, time, newId, awaitable);
    }

    /** The result a {@link Flows#complete} step completes, or {@code null}. */
    AwaitableResult<Object> awaitable() {
        return awaitable;
    }

    Event<T> withAwaitable(AwaitableResult<Object> result) {
        return new Event<>(body, key, time, id, result);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Event<?> e && Objects.equals(body, e.body) && Objects.equals(key, e.key)
                && Objects.equals(time, e.time) && Objects.equals(id, e.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(body, key, time, id);
    }

    @Override
    public String toString() {
        return "Event(" + body + (key == null ? "" : ", key=" + key) + (time == null ? "" : ", time=" + time)
                + (id == null ? "" : ", id=" + id) + ")";
    }
}
