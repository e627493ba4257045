package io.streamz.features;

/**
 * Which fixed window a query reads (storey {@code FixedWindowType}): the one open at the query's
 * time, or the last one that closed before it.
 *
 * <pre>{@code
 * // fixed 1h windows, queried at 10:20
 * table.query(key, at, List.of("clicks_count_1h"), FixedWindowType.CURRENT_OPEN_WINDOW);   // 10:00-10:20
 * table.query(key, at, List.of("clicks_count_1h"), FixedWindowType.LAST_CLOSED_WINDOW);    // 09:00-10:00
 * }</pre>
 *
 * <p>Sliding windows always end at the query's time; this choice does not change them.
 */
public enum FixedWindowType {
    /** The window open at the query's time, from its start to that time (the default). */
    CURRENT_OPEN_WINDOW,
    /** The last window that closed before the query's time, whole. */
    LAST_CLOSED_WINDOW
}
