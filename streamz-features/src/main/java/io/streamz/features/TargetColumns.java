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
    private final boolean infer;

    private TargetColumns(List<String> names, List<String> sources, boolean infer) {
        this.names = names;
        this.sources = sources;
        this.infer = infer;
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
        return new TargetColumns(Collections.unmodifiableList(names), Collections.unmodifiableList(sources),
                names.isEmpty());
    }

    /**
     * These columns and the first event's fields (storey's {@code infer_columns_from_data=True}
     * with columns): {@link #inferFrom} adds the body's fields that no column is named after, and
     * sorts all the columns by name, as storey does.
     *
     * <pre>{@code
     * TargetColumns.of(List.of("event_key=$key")).withColumnsInferredFromData()
     *         .inferFrom(Event.of(Map.of("n", 1, "n*10", 10), "key1", null));   // [event_key=$key, n, n*10]
     * }</pre>
     *
     * @return columns that are completed from the first event
     */
    public TargetColumns withColumnsInferredFromData() {
        return new TargetColumns(names, sources, true);
    }

    /**
     * Whether the columns are still to be inferred from the first event: no column was given, or
     * {@link #withColumnsInferredFromData()}.
     *
     * @return {@code true} until {@link #inferFrom} ran
     */
    public boolean inferred() {
        return infer;
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
     * The columns these become once the first event is seen: the given ones unless
     * {@link #inferred()}; else the given ones and the body's fields not named by one, all sorted
     * by name (storey sorts them all).
     *
     * @param first the first event
     * @return the columns to write from now on
     * @throws IllegalArgumentException if the columns are to be inferred and the body is not a
     *         {@code Map}
     */
    public TargetColumns inferFrom(Event<?> first) {
        if (!infer) {
            return this;
        }
        if (first.body() instanceof List) {
            throw new IllegalArgumentException("cannot infer the columns from a List body, only from a Map: give the columns");
        }
        List<String[]> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            columns.add(new String[] {names.get(i), sources.get(i)});
        }
        for (Object k : body(first).keySet()) {
            String field = String.valueOf(k);
            if (!names.contains(field)) {
                columns.add(new String[] {field, field});
            }
        }
        columns.sort(java.util.Comparator.comparing((String[] c) -> c[0]));
        List<String> n = new ArrayList<>();
        List<String> src = new ArrayList<>();
        columns.forEach(c -> {
            n.add(c[0]);
            src.add(c[1]);
        });
        return new TargetColumns(Collections.unmodifiableList(n), Collections.unmodifiableList(src), false);
    }

    /**
     * The values of an event's row, for targets that write rows of values (CSV): from a
     * {@code Map} body as {@link #row(Event, boolean)} with missing fields as {@code null}; a
     * {@code List} body (storey writes lists too) is the row as it is, or, when some columns are
     * metadata ({@code $key}, ...), gives the other columns their values in order.
     *
     * <pre>{@code
     * TargetColumns.of(List.of("event_key=$key", "n", "n*10")).values(Event.of(List.of(1, 10), "key1", null));
     * // [key1, 1, 10]
     * }</pre>
     *
     * @param event an event with a {@code Map} or {@code List} body, after {@link #inferFrom}
     * @return the values, in the columns' order
     * @throws IllegalArgumentException if the body is neither, if the columns are still to be
     *         inferred from a {@code List}, or if a {@code List} is shorter than its columns
     */
    public List<Object> values(Event<?> event) {
        Object body = event.body();
        if (body != null && !(body instanceof Map) && !(body instanceof List) && !names.isEmpty()) {
            throw new IllegalArgumentException("the event's body must be a Map or a List, was \"" + body + "\" ("
                    + body.getClass().getSimpleName() + ")");
        }
        if (!(body instanceof List<?> list)) {
            return new ArrayList<>(row(event, true).values());
        }
        if (infer) {
            throw new IllegalArgumentException("cannot infer the columns from a List body, only from a Map: give the columns");
        }
        if (sources.stream().noneMatch(c -> c.startsWith("$"))) {
            return new ArrayList<>(list);
        }
        List<Object> out = new ArrayList<>();
        int next = 0;
        for (String source : sources) {
            if (source.startsWith("$")) {
                out.add(metadata(event, source));
            } else if (next < list.size()) {
                out.add(list.get(next++));
            } else {
                throw new IllegalArgumentException("the List body " + list + " has fewer values than the columns "
                        + this + " other than metadata");
            }
        }
        return out;
    }

    /**
     * The row of an event with a {@code List} body, for targets that write named columns
     * (Parquet): each column's name with its value from {@link #values}, which must have one value
     * per column that is not metadata, no more.
     *
     * <pre>{@code
     * TargetColumns.of(List.of("user=$key", "clicks", "page")).listRow(Event.of(List.of(3, "/"), "ann", null));
     * // {user=ann, clicks=3, page=/}
     * }</pre>
     *
     * @param event an event with a {@code List} body
     * @return the row, in the columns' order (a name given twice keeps its first value)
     * @throws IllegalArgumentException if the columns are to be inferred, or the list has not
     *         one value per column that is not metadata
     */
    public Map<String, Object> listRow(Event<?> event) {
        List<Object> values = values(event);
        long fromList = sources.stream().filter(c -> !c.startsWith("$")).count();
        if (((List<?>) event.body()).size() != fromList) {
            throw new IllegalArgumentException("the List body " + event.body() + " must have " + fromList
                    + " values, one per column of " + this + " other than metadata");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            row.putIfAbsent(names.get(i), values.get(i));
        }
        return row;
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
    public Map<String, Object> row(Event<?> event, boolean missingAsNull) {
        Map<String, ?> body = body(event);
        Map<String, Object> row = new LinkedHashMap<>();
        if (names.isEmpty()) {
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
