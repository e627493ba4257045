package io.streamz.files;

import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Intervals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.scheduler.Scheduler;

/**
 * Settings of the CSV and JSON-lines sources and sinks; immutable, with withers. By default a
 * source reads the file once and stops; {@link #withTail(boolean) tail} keeps polling for new
 * records as {@code Stream.fromTextfile} does.
 *
 * <pre>{@code
 * FileOptions options = FileOptions.defaults()
 *         .withColumnType("price", Double.class)      // CSV: typed columns
 *         .withTail(true).withPollInterval("50ms");   // follow the file as it grows
 * FileSource<Map<String, Object>> trades = Csv.fromCsv("trades.csv", options);
 * }</pre>
 *
 * <p>CSV only: {@link #withSeparator separator}, {@link #withHeader header},
 * {@link #withColumns columns}, {@link #withColumnType column types}.
 */
public final class FileOptions {
    private static final FileOptions DEFAULTS = new FileOptions(',', true, List.of(), Map.of(), false,
            Duration.ofMillis(100), null);

    private final char separator;
    private final boolean header;
    private final List<String> columns;
    private final Map<String, Class<?>> columnTypes;
    private final boolean tail;
    private final Duration pollInterval;
    private final Scheduler scheduler;

    private FileOptions(char separator, boolean header, List<String> columns, Map<String, Class<?>> columnTypes,
            boolean tail, Duration pollInterval, Scheduler scheduler) {
        this.separator = separator;
        this.header = header;
        this.columns = columns;
        this.columnTypes = columnTypes;
        this.tail = tail;
        this.pollInterval = pollInterval;
        this.scheduler = scheduler;
    }

    /** Comma-separated with a header line, strings, read once, 100 ms polls when tailing. */
    public static FileOptions defaults() {
        return DEFAULTS;
    }

    /** CSV: the character between fields ({@code ';'}, {@code '\t'}, ...). */
    public FileOptions withSeparator(char separator) {
        if (separator == '"' || separator == '\n' || separator == '\r') {
            throw Checks.invalid("FileOptions", "separator must not be a quote or a line break, was '"
                    + separator + "'");
        }
        return new FileOptions(separator, header, columns, columnTypes, tail, pollInterval, scheduler);
    }

    /**
     * CSV: whether the file's first line names the columns. A source without a header needs
     * {@link #withColumns columns}; a sink writes the header into a new or empty file.
     */
    public FileOptions withHeader(boolean header) {
        return new FileOptions(separator, header, columns, columnTypes, tail, pollInterval, scheduler);
    }

    /**
     * CSV: the column names, in order. A source uses them instead of a header; a sink writes
     * these columns of each element, in this order (by default those of the first element).
     */
    public FileOptions withColumns(List<String> columns) {
        Checks.notNull(columns, "FileOptions", "columns");
        if (columns.isEmpty()) {
            throw Checks.invalid("FileOptions", "columns must not be empty");
        }
        return new FileOptions(separator, header, List.copyOf(columns), columnTypes, tail, pollInterval, scheduler);
    }

    /** See {@link #withColumns(List)}. */
    public FileOptions withColumns(String... columns) {
        return withColumns(List.of(Checks.notNull(columns, "FileOptions", "columns")));
    }

    /**
     * CSV: the type of a column's values in the maps a source emits, for example
     * {@code Double.class}, {@code Long.class}, {@code Integer.class}, {@code Boolean.class}
     * or {@code java.math.BigDecimal.class}; an empty field is {@code null}. Other columns are
     * strings.
     */
    public FileOptions withColumnType(String column, Class<?> type) {
        Checks.notNull(column, "FileOptions", "column");
        Checks.notNull(type, "FileOptions", "type");
        Map<String, Class<?>> types = new LinkedHashMap<>(columnTypes);
        types.put(column, type);
        return new FileOptions(separator, header, columns, Collections.unmodifiableMap(types), tail, pollInterval,
                scheduler);
    }

    /** Whether a source keeps polling for records appended to the file, until stopped. */
    public FileOptions withTail(boolean tail) {
        return new FileOptions(separator, header, columns, columnTypes, tail, pollInterval, scheduler);
    }

    /** How often a tailing source looks for new records. */
    public FileOptions withPollInterval(Duration pollInterval) {
        return new FileOptions(separator, header, columns, columnTypes, tail,
                Intervals.positive(pollInterval, "FileOptions", "pollInterval"), scheduler);
    }

    /** See {@link #withPollInterval(Duration)}; e.g. {@code "100ms"}. */
    public FileOptions withPollInterval(String pollInterval) {
        return withPollInterval(Intervals.parse(Checks.notNull(pollInterval, "FileOptions", "pollInterval")));
    }

    /**
     * The scheduler a source reads on; by default the one {@code Schedulers.parallel()}
     * returns when the source is built (a virtual clock in tests).
     */
    public FileOptions withScheduler(Scheduler scheduler) {
        return new FileOptions(separator, header, columns, columnTypes, tail, pollInterval,
                Checks.notNull(scheduler, "FileOptions", "scheduler"));
    }

    /** The CSV field separator. */
    public char separator() {
        return separator;
    }

    /** Whether CSV files have a header line. */
    public boolean header() {
        return header;
    }

    /** The CSV column names, or an empty list to take them from the header or first element. */
    public List<String> columns() {
        return columns;
    }

    /** The CSV column types by column name. */
    public Map<String, Class<?>> columnTypes() {
        return columnTypes;
    }

    /** Whether a source tails the file. */
    public boolean tail() {
        return tail;
    }

    /** The time between two polls of a tailing source. */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** The scheduler set with {@link #withScheduler}, if any. */
    public Optional<Scheduler> scheduler() {
        return Optional.ofNullable(scheduler);
    }

    @Override
    public String toString() {
        List<String> types = new ArrayList<>();
        columnTypes.forEach((c, t) -> types.add(c + "=" + t.getSimpleName()));
        return "FileOptions(separator='" + separator + "', header=" + header + ", columns=" + columns
                + ", columnTypes=" + types + ", tail=" + tail + ", pollInterval=" + pollInterval + ")";
    }
}
