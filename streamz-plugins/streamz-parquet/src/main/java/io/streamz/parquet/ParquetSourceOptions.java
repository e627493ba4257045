package io.streamz.parquet;

import java.time.Instant;
import java.util.List;
import reactor.util.annotation.Nullable;

/**
 * What {@link Parquet#parquetSource} reads and how it makes events (storey
 * {@code ParquetSource}'s parameters). Immutable.
 *
 * <pre>{@code
 * ParquetSourceOptions options = ParquetSourceOptions.defaults()
 *         .withKeyField("user")
 *         .withTimeField("seen")
 *         .withFilter("seen", Instant.parse("2024-05-01T00:00:00Z"), null);
 * options.keyFields();   // [user]
 * }</pre>
 */
public final class ParquetSourceOptions {
    private final List<String> columns;
    private final List<String> keyFields;
    @Nullable
    private final String timeField;
    @Nullable
    private final String idField;
    @Nullable
    private final String filterColumn;
    @Nullable
    private final Instant start;
    @Nullable
    private final Instant end;

    private ParquetSourceOptions(List<String> columns, List<String> keyFields, @Nullable String timeField,
            @Nullable String idField, @Nullable String filterColumn, @Nullable Instant start, @Nullable Instant end) {
        this.columns = columns;
        this.keyFields = keyFields;
        this.timeField = timeField;
        this.idField = idField;
        this.filterColumn = filterColumn;
        this.start = start;
        this.end = end;
    }

    /**
     * Every column, events without key, time or id, no filter.
     *
     * @return the options
     */
    public static ParquetSourceOptions defaults() {
        return new ParquetSourceOptions(List.of(), List.of(), null, null, null, null, null);
    }

    /**
     * Reads only these columns (storey's {@code columns}).
     *
     * @param columns the columns; empty for all
     * @return new options
     */
    public ParquetSourceOptions withColumns(List<String> columns) {
        return new ParquetSourceOptions(List.copyOf(columns), keyFields, timeField, idField, filterColumn, start, end);
    }

    /**
     * The column(s) of the events' key (storey's {@code key_field}); several make a {@code List} key.
     *
     * @param fields the key columns
     * @return new options
     */
    public ParquetSourceOptions withKeyField(String... fields) {
        return new ParquetSourceOptions(columns, List.of(fields), timeField, idField, filterColumn, start, end);
    }

    /**
     * The column of the events' time (a timestamp column, epoch milliseconds or ISO-8601 strings).
     *
     * @param field the column
     * @return new options
     */
    public ParquetSourceOptions withTimeField(String field) {
        return new ParquetSourceOptions(columns, keyFields, field, idField, filterColumn, start, end);
    }

    /**
     * The column of the events' id (storey's {@code id_field}).
     *
     * @param field the column
     * @return new options
     */
    public ParquetSourceOptions withIdField(String field) {
        return new ParquetSourceOptions(columns, keyFields, timeField, field, filterColumn, start, end);
    }

    /**
     * Keeps the rows whose {@code column} is after {@code start} and at or before {@code end}
     * (storey's {@code filter_column}, {@code start_filter}, {@code end_filter}); a row without a
     * value there is left out.
     *
     * @param column a timestamp column
     * @param start the exclusive lower bound, or {@code null} for none
     * @param end the inclusive upper bound, or {@code null} for none
     * @return new options
     * @throws IllegalArgumentException if both bounds are {@code null}
     */
    public ParquetSourceOptions withFilter(String column, @Nullable Instant start, @Nullable Instant end) {
        if (start == null && end == null) {
            throw new IllegalArgumentException("parquetSource: a filter on \"" + column + "\" needs a start or an end");
        }
        return new ParquetSourceOptions(columns, keyFields, timeField, idField,
                java.util.Objects.requireNonNull(column, "parquetSource: filter column is null"), start, end);
    }

    /**
     * The columns read.
     *
     * @return the columns; empty for all
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * The key columns.
     *
     * @return the columns; empty for no key
     */
    public List<String> keyFields() {
        return keyFields;
    }

    /**
     * The time column.
     *
     * @return the column, or {@code null}
     */
    @Nullable
    public String timeField() {
        return timeField;
    }

    /**
     * The id column.
     *
     * @return the column, or {@code null}
     */
    @Nullable
    public String idField() {
        return idField;
    }

    /**
     * The filter's column.
     *
     * @return the column, or {@code null} without a filter
     */
    @Nullable
    public String filterColumn() {
        return filterColumn;
    }

    /**
     * The filter's exclusive lower bound.
     *
     * @return the bound, or {@code null}
     */
    @Nullable
    public Instant filterStart() {
        return start;
    }

    /**
     * The filter's inclusive upper bound.
     *
     * @return the bound, or {@code null}
     */
    @Nullable
    public Instant filterEnd() {
        return end;
    }

    @Override
    public String toString() {
        return "ParquetSourceOptions(columns=" + columns + ", key=" + keyFields + ", time=" + timeField + ", id=" + idField
                + (filterColumn == null ? "" : ", " + start + " < " + filterColumn + " <= " + end) + ")";
    }
}
