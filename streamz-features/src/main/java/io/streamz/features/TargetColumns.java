package io.streamz.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.util.annotation.Nullable;

/**
 * The columns a target writes, in storey's notation: {@code "field"}, {@code "name=field"} to
 * rename, {@code "$key"}, {@code "$time"} and {@code "$id"} (or {@code "name=$time"}) for the
 * event's metadata. Used by {@link Flows#noSqlTarget}, {@link Flows#csvTarget} and the Parquet
 * target; an empty list means "every field of the body" (the columns are then inferred from the
 * first event, sorted by name, as storey's {@code infer_columns_from_data}).
 *
 * <pre>{@code
 * TargetColumns columns = TargetColumns.of(List.of("user=$key", "clicks", "total=amount"));
 * columns.row(Event.of(Map.of("clicks", 3, "amount", 9.5), "ann", null), true);
 * // {user=ann, clicks=3, total=9.5}
 * }</pre>
 */
public final class TargetColumns {
    private final List<String> names;
    private final List<String> sources;

    private TargetColumns(List<String> names, List<String> sources) {
        this.names = names;
        this.sources = sources;
    }

    /**
     * Parses storey's column notation.
     *
     * @param columns the columns; empty to infer them from the first event
     * @return the columns
     * @throws NullPointerException if {@code columns} or one of them is {@code null}
     * @throws IllegalArgumentException if a column is empty, or names metadata other than
     *         {@code $key}, {@code $time} and {@code $id}
     */
    public static TargetColumns of(List<String> columns) {
        List<String> names = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (String c : Flows.notNull(columns, "TargetColumns", "columns")) {
            Flows.notNull(c, "TargetColumns", "a column");
            int eq = c.indexOf('=');
            String name = eq < 0 ? (c.startsWith("$") ? c.substring(1) : c) : c.substring(0, eq);
            String source = eq < 0 ? c : c.substring(eq + 1);
            if (name.isEmpty() || source.isEmpty()) {
                throw new IllegalArgumentException("TargetColumns: a column must be \"field\", \"name=field\" or \"$key\", was \""
                        + c + "\"");
            }
            if (source.startsWith("$") && !List.of("$key", "$time", "$id").contains(source)) {
                throw new IllegalArgumentException("TargetColumns: metadata must be $key, $time or $id, was \"" + c + "\"");
            }
            names.add(name);
            sources.add(source);
        }
        return new TargetColumns(Collections.unmodifiableList(names), Collections.unmodifiableList(sources));
    }

    /**
     * Whether the columns are inferred from the first event (no column was given).
     *
     * @return {@code true} for an empty list of columns
     */
    public boolean inferred() {
        return names.isEmpty();
    }

    /**
     * The columns' names, in order; empty when inferred.
     *
     * @return the names
     */
    public List<String> names() {
        return names;
    }

    /**
     * The columns these become once the first event is seen: the given ones, or the body's fields
     * sorted by name when none was given.
     *
     * @param first the first event
     * @return the columns to write from now on
     */
    public TargetColumns inferFrom(Event<? extends Map<String, ?>> first) {
        if (!inferred()) {
            return this;
        }
        List<String> fields = new ArrayList<>();
        for (Object k : body(first).keySet()) {
            fields.add(String.valueOf(k));
        }
        Collections.sort(fields);
        return of(fields);
    }

    /**
     * The row of an event: each column's value, from the body or the event's metadata.
     *
     * @param event an event with a {@code Map} body
     * @param missingAsNull whether a column the body lacks is in the row as {@code null}
     *        (storey's CSV and Parquet targets), or left out (its NoSQL target)
     * @return the row, in the columns' order; the whole body when the columns are inferred
     * @throws IllegalArgumentException if the body is not a {@code Map}
     */
    public Map<String, Object> row(Event<? extends Map<String, ?>> event, boolean missingAsNull) {
        Map<String, ?> body = body(event);
        Map<String, Object> row = new LinkedHashMap<>();
        if (inferred()) {
            body.forEach((k, v) -> row.put(String.valueOf(k), v));
            return row;
        }
        for (int i = 0; i < names.size(); i++) {
            String source = sources.get(i);
            Object v = metadata(event, source);
            if (v == null && !source.startsWith("$")) {
                if (!body.containsKey(source) && !missingAsNull) {
                    continue;
                }
                v = body.get(source);
            }
            row.put(names.get(i), v);
        }
        return row;
    }

    @Nullable
    private static Object metadata(Event<?> event, String source) {
        switch (source) {
            case "$key":
                return event.key();
            case "$time":
                return event.time();
            case "$id":
                return event.id();
            default:
                return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> body(Event<?> event) {
        Object body = event.body();
        if (!(body instanceof Map)) {
            throw new IllegalArgumentException("the event's body must be a Map, was "
                    + (body == null ? "null" : "\"" + body + "\" (" + body.getClass().getSimpleName() + ")"));
        }
        return (Map<String, ?>) body;
    }

    @Override
    public String toString() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            String s = sources.get(i);
            out.add(s.equals(n) || s.equals("$" + n) ? s : n + "=" + s);
        }
        return out.toString();
    }
}
