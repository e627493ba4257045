package io.streamz.internal.time;

import java.util.List;
import java.util.Map;

/**
 * An element a node holds, with its metadata (whose refs the node retained) and, for
 * {@code delay}, the scheduler time it is due.
 */
record Held<T>(T value, List<Map<String, Object>> metadata, long due) {
}
