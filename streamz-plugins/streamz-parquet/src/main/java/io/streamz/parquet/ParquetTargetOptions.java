package io.streamz.parquet;

import io.streamz.features.BatchOptions;
import io.streamz.features.TargetColumns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.util.annotation.Nullable;

/**
 * How {@link Parquet#parquetTarget} writes (storey {@code ParquetTarget}'s parameters). Immutable.
 *
 * <pre>{@code
 * ParquetTargetOptions options = ParquetTargetOptions.defaults()
 *         .withColumns(List.of("user=$key", "clicks", "seen=$time"))
 *         .withColumnType("clicks", "int")
 *         .withPartitionColumns(List.of("$key:4", "$date"))
 *         .withBatching(BatchOptions.atEnd().withMaxEvents(10_000));
 * options.partitionColumns();   // [$key:4, $date]
 * }</pre>
 */
public final class ParquetTargetOptions {
    private final List<String> columns;
    private final Map<String, String> columnTypes;
    @Nullable
    private final List<String> partitionColumns;
    @Nullable
    private final String timeField;
    @Nullable
    private final String timeFormat;
    private final BatchOptions batching;
    private final String compression;
    private final List<String> indexColumns;
    private final boolean inferColumns;

    private ParquetTargetOptions(List<String> columns, Map<String, String> columnTypes,
            @Nullable List<String> partitionColumns, @Nullable String timeField, @Nullable String timeFormat,
            BatchOptions batching, String compression, List<String> indexColumns, boolean inferColumns) {
        this.indexColumns = indexColumns;
        this.inferColumns = inferColumns;
        this.columns = columns;
        this.columnTypes = columnTypes;
        this.partitionColumns = partitionColumns;
        this.timeField = timeField;
        this.timeFormat = timeFormat;
        this.batching = batching;
        this.compression = compression;
    }

    /**
     * storey's defaults: each batch's fields as columns, storey's partitioning for a directory
     * (by key hashed into 256 buckets, year, month, day, hour), everything written at the end of
     * the input, Snappy compression.
     *
     * @return the options
     */
    public static ParquetTargetOptions defaults() {
        return new ParquetTargetOptions(List.of(), Map.of(), null, null, null, BatchOptions.atEnd(), "snappy", List.of(),
                false);
    }

    /**
     * The columns, in storey's notation ({@link TargetColumns}: {@code "field"},
     * {@code "name=field"}, {@code "$key"}, {@code "name=$time"}).
     *
     * @param columns the columns; empty: each batch's fields (see {@link #withInferColumnsFromData})
     * @return new options
     * @throws IllegalArgumentException if a column is malformed
     */
    public ParquetTargetOptions withColumns(List<String> columns) {
        TargetColumns.of(columns);
        return new ParquetTargetOptions(List.copyOf(columns), columnTypes, partitionColumns, timeField, timeFormat,
                batching, compression, indexColumns, inferColumns);
    }

    /**
     * storey's {@code index_cols}: columns in the same notation ({@code "$key"},
     * {@code "event_time=$time"}, {@code "name=field"}) written first in each row, before the
     * other columns, which then leave them out (also when inferred). storey hands them to pandas
     * as the frame's index, which pyarrow stores as ordinary columns; Java has no frame index, so
     * they are ordinary columns here: a reader that wants the index sets it
     * ({@code pd.read_parquet(path).set_index(["key"])}).
     *
     * <pre>{@code
     * ParquetTargetOptions.defaults().withIndexColumns(List.of("$key", "event_time=$time")).indexColumns();
     * // [$key, event_time=$time]
     * }</pre>
     *
     * @param columns the index columns; empty for none
     * @return new options
     * @throws IllegalArgumentException if a column is malformed
     */
    public ParquetTargetOptions withIndexColumns(List<String> columns) {
        TargetColumns.of(columns);
        return new ParquetTargetOptions(this.columns, columnTypes, partitionColumns, timeField, timeFormat, batching,
                compression, List.copyOf(columns), inferColumns);
    }

    /**
     * storey's {@code infer_columns_from_data=True}: the first event's fields that no column is
     * named after join the columns (given or none), all sorted by name, and every file of the
     * target has those columns. Without it and without columns, each batch's file has the fields
     * of its events, in the order they first appear (as pandas builds storey's frames), a field
     * an event lacks being null.
     *
     * <pre>{@code
     * ParquetTargetOptions.defaults().withInferColumnsFromData(true).inferColumnsFromData();   // true
     * }</pre>
     *
     * @param infer whether to infer the columns from the first event
     * @return new options
     */
    public ParquetTargetOptions withInferColumnsFromData(boolean infer) {
        return new ParquetTargetOptions(columns, columnTypes, partitionColumns, timeField, timeFormat, batching,
                compression, indexColumns, infer);
    }

    /**
     * Whether the columns are inferred from the first event.
     *
     * @return {@code true} if {@link #withInferColumnsFromData} said so
     */
    public boolean inferColumnsFromData() {
        return inferColumns;
    }

    /**
     * The index columns (storey's {@code index_cols}).
     *
     * @return the columns, empty for none
     */
    public List<String> indexColumns() {
        return indexColumns;
    }

    /**
     * A column's Parquet type, by storey's names: {@code str}, {@code int} (64 bits),
     * {@code int32}, {@code int64}, {@code float} (64 bits), {@code float32}, {@code float64},
     * {@code bool}, {@code datetime} (microseconds, UTC). Columns without one take the type of
     * their first value in a batch.
     *
     * @param column the column's name (after any rename)
     * @param type the type
     * @return new options
     * @throws IllegalArgumentException if the type is not one of those
     */
    public ParquetTargetOptions withColumnType(String column, String type) {
        if (!Rows.TYPES.contains(type)) {
            throw new IllegalArgumentException("parquetTarget: the type of column \"" + column + "\" must be one of "
                    + Rows.TYPES + ", was \"" + type + "\"");
        }
        Map<String, String> types = new LinkedHashMap<>(columnTypes);
        types.put(column, type);
        return new ParquetTargetOptions(columns, Map.copyOf(types), partitionColumns, timeField, timeFormat, batching,
                compression, indexColumns, inferColumns);
    }

    /**
     * The directories the events are written into (storey's {@code partition_cols}): a body
     * field (not written as a column then), {@code $key}, {@code $date} ({@code 2020-02-09}),
     * {@code $year}, {@code $month}, {@code $day}, {@code $hour}, {@code $minute}, {@code $second};
     * {@code "col:N"} hashes the value into {@code N} buckets (storey's {@code ("$key", N)}).
     *
     * @param columns the partition columns, outermost first; empty for none
     * @return new options
     * @throws IllegalArgumentException if a hash bucket count is not a positive number
     */
    public ParquetTargetOptions withPartitionColumns(List<String> columns) {
        for (String c : columns) {
            ParquetTarget.partition(c);
        }
        return new ParquetTargetOptions(this.columns, columnTypes, List.copyOf(columns), timeField, timeFormat, batching,
                compression, indexColumns, inferColumns);
    }

    /**
     * The field of the time used by {@code $date} and the like, instead of the event's time.
     *
     * @param field the field (an {@code Instant}, epoch milliseconds or an ISO-8601 string)
     * @return new options
     */
    public ParquetTargetOptions withTimeField(String field) {
        return new ParquetTargetOptions(columns, columnTypes, partitionColumns, field, timeFormat, batching, compression,
                indexColumns, inferColumns);
    }

    /**
     * The pattern of the time field's strings ({@code DateTimeFormatter}), instead of ISO-8601
     * (storey's {@code time_format}).
     *
     * @param pattern the pattern
     * @return new options
     */
    public ParquetTargetOptions withTimeFormat(String pattern) {
        java.time.format.DateTimeFormatter.ofPattern(pattern);
        return new ParquetTargetOptions(columns, columnTypes, partitionColumns, timeField, pattern, batching,
                compression, indexColumns, inferColumns);
    }

    /**
     * When a batch is written, each batch into a new file of its partition (storey's
     * {@code max_events} and {@code flush_after_seconds}); a single file is always written at
     * the end.
     *
     * @param batching the batching
     * @return new options
     */
    public ParquetTargetOptions withBatching(BatchOptions batching) {
        return new ParquetTargetOptions(columns, columnTypes, partitionColumns, timeField, timeFormat,
                java.util.Objects.requireNonNull(batching, "parquetTarget: batching is null"), compression, indexColumns,
                inferColumns);
    }

    /**
     * The page compression: {@code snappy} (the default, as pandas), {@code zstd}, {@code gzip}
     * or {@code uncompressed}.
     *
     * @param codec the codec's name
     * @return new options
     * @throws IllegalArgumentException for another codec
     */
    public ParquetTargetOptions withCompression(String codec) {
        LocalCodecs.supported(codec);
        return new ParquetTargetOptions(columns, columnTypes, partitionColumns, timeField, timeFormat, batching, codec,
                indexColumns, inferColumns);
    }

    /**
     * The columns.
     *
     * @return the columns in storey's notation; empty when inferred
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * The declared column types.
     *
     * @return column name to type
     */
    public Map<String, String> columnTypes() {
        return columnTypes;
    }

    /**
     * The partition columns.
     *
     * @return the columns, or {@code null} for storey's default (none for a single file)
     */
    @Nullable
    public List<String> partitionColumns() {
        return partitionColumns;
    }

    /**
     * The time field.
     *
     * @return the field, or {@code null} for the event's time
     */
    @Nullable
    public String timeField() {
        return timeField;
    }

    /**
     * The time field's pattern.
     *
     * @return the pattern, or {@code null} for ISO-8601
     */
    @Nullable
    public String timeFormat() {
        return timeFormat;
    }

    /**
     * The batching.
     *
     * @return the batching
     */
    public BatchOptions batching() {
        return batching;
    }

    /**
     * The compression.
     *
     * @return the codec's name
     */
    public String compression() {
        return compression;
    }

    @Override
    public String toString() {
        return "ParquetTargetOptions(columns=" + columns + ", types=" + columnTypes + ", partitions=" + partitionColumns
                + (indexColumns.isEmpty() ? "" : ", index=" + indexColumns) + (inferColumns ? ", inferColumnsFromData" : "")
                + ", " + batching + ", " + compression + ")";
    }
}
