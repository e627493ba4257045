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
    /** 1 MiB, the default limit of a line (of a CSV record, with its quoted line breaks). */
    public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 20;
    private static final FileOptions DEFAULTS = new FileOptions(',', true, List.of(), Map.of(), false,
            Duration.ofMillis(100), null, DEFAULT_MAX_LINE_LENGTH, false);

    private final char separator;
    private final boolean header;
    private final List<String> columns;
    private final Map<String, Class<?>> columnTypes;
    private final boolean tail;
    private final Duration pollInterval;
    private final Scheduler scheduler;
    private final int maxLineLength;
    private final boolean failOnMalformed;

    private FileOptions(char separator, boolean header, List<String> columns, Map<String, Class<?>> columnTypes,
            boolean tail, Duration pollInterval, Scheduler scheduler, int maxLineLength, boolean failOnMalformed) {
        this.separator = separator;
        this.header = header;
        this.columns = columns;
        this.columnTypes = columnTypes;
        this.tail = tail;
        this.pollInterval = pollInterval;
        this.scheduler = scheduler;
        this.maxLineLength = maxLineLength;
        this.failOnMalformed = failOnMalformed;
    }

    /**
     * Comma-separated with a header line, strings, read once, 100 ms polls when tailing.
     *
     * @return the default options (a shared immutable instance)
     */
    public static FileOptions defaults() {
        return DEFAULTS;
    }

    /**
     * CSV: the character between fields ({@code ';'}, {@code '\t'}, ...); default {@code ','}.
     *
     * @param separator the separator, not a double quote or line break
     * @return new options with this separator, the others unchanged
     * @throws IllegalArgumentException if {@code separator} is {@code '"'}, {@code '\n'} or
     *     {@code '\r'}
     */
    public FileOptions withSeparator(char separator) {
        if (separator == '"' || separator == '\n' || separator == '\r') {
            throw Checks.invalid("FileOptions", "separator must not be a quote or a line break, was '"
                    + separator + "'");
        }
        return new FileOptions(separator, header, columns, columnTypes, tail, pollInterval, scheduler,
                maxLineLength, failOnMalformed);
    }

    /**
     * CSV: whether the file's first line names the columns. A source without a header needs
     * {@link #withColumns columns}; a sink writes the header into a new or empty file.
     * Default {@code true}.
     *
     * @param header {@code true} if the first line is a header
     * @return new options with this setting, the others unchanged
     */
    public FileOptions withHeader(boolean header) {
        return new FileOptions(separator, header, columns, columnTypes, tail, pollInterval, scheduler,
                maxLineLength, failOnMalformed);
    }

    /**
     * CSV: the column names, in order. A source uses them instead of a header; a sink writes
     * these columns of each element, in this order (by default those of the first element).
     *
     * @param columns the column names, not empty; copied
     * @return new options with these columns, the others unchanged
     * @throws NullPointerException if {@code columns} or one of its names is null
     * @throws IllegalArgumentException if {@code columns} is empty
     */
    public FileOptions withColumns(List<String> columns) {
        Checks.notNull(columns, "FileOptions", "columns");
        if (columns.isEmpty()) {
            throw Checks.invalid("FileOptions", "columns must not be empty");
        }
        return new FileOptions(separator, header, List.copyOf(columns), columnTypes, tail, pollInterval, scheduler,
                maxLineLength, failOnMalformed);
    }

    /**
     * See {@link #withColumns(List)}.
     *
     * @param columns the column names, not empty
     * @return new options with these columns, the others unchanged
     * @throws NullPointerException if {@code columns} or one of its names is null
     * @throws IllegalArgumentException if {@code columns} is empty
     */
    public FileOptions withColumns(String... columns) {
        return withColumns(List.of(Checks.notNull(columns, "FileOptions", "columns")));
    }

    /**
     * CSV: the type of a column's values in the maps a source emits, for example
     * {@code Double.class}, {@code Long.class}, {@code Integer.class}, {@code Boolean.class},
     * {@code java.math.BigDecimal.class} or {@code java.time.Instant.class} (ISO-8601 with an
     * offset, {@code 2024-05-01T12:00:00Z}, or epoch milliseconds, {@code 1714564800000}); an
     * empty field is {@code null}. A value that does not convert, and a number beyond the range
     * of a {@code double} or {@code float} ({@code 1e400}), makes its row malformed. Other
     * columns are strings. Calling it again for the same column replaces that column's type.
     *
     * @param column the column name
     * @param type the class its values are converted to
     * @return new options with this column type added, the others unchanged
     * @throws NullPointerException if {@code column} or {@code type} is null
     */
    public FileOptions withColumnType(String column, Class<?> type) {
        Checks.notNull(column, "FileOptions", "column");
        Checks.notNull(type, "FileOptions", "type");
        Map<String, Class<?>> types = new LinkedHashMap<>(columnTypes);
        types.put(column, type);
        return new FileOptions(separator, header, columns, Collections.unmodifiableMap(types), tail, pollInterval,
                scheduler, maxLineLength, failOnMalformed);
    }

    /**
     * Whether a source keeps polling for records appended to the file, until stopped; default
     * {@code false}, reading the file once.
     *
     * @param tail {@code true} to follow the file as it grows
     * @return new options with this setting, the others unchanged
     */
    public FileOptions withTail(boolean tail) {
        return new FileOptions(separator, header, columns, columnTypes, tail, pollInterval, scheduler,
                maxLineLength, failOnMalformed);
    }

    /**
     * How often a tailing source looks for new records; default 100 ms.
     *
     * @param pollInterval the time between two polls, positive
     * @return new options with this poll interval, the others unchanged
     * @throws NullPointerException if {@code pollInterval} is null
     * @throws IllegalArgumentException if {@code pollInterval} is zero or negative
     */
    public FileOptions withPollInterval(Duration pollInterval) {
        return new FileOptions(separator, header, columns, columnTypes, tail,
                Intervals.positive(pollInterval, "FileOptions", "pollInterval"), scheduler, maxLineLength,
                failOnMalformed);
    }

    /**
     * See {@link #withPollInterval(Duration)}; e.g. {@code "100ms"}.
     *
     * @param pollInterval the time between two polls as text, such as {@code "100ms"}
     * @return new options with this poll interval, the others unchanged
     * @throws NullPointerException if {@code pollInterval} is null
     * @throws IllegalArgumentException if the text is not a positive interval
     */
    public FileOptions withPollInterval(String pollInterval) {
        return withPollInterval(Intervals.parse(Checks.notNull(pollInterval, "FileOptions", "pollInterval")));
    }

    /**
     * The scheduler a source reads on; by default the one {@code Schedulers.parallel()}
     * returns when the source is built (a virtual clock in tests).
     *
     * @param scheduler the scheduler to read on
     * @return new options with this scheduler, the others unchanged
     * @throws NullPointerException if {@code scheduler} is null
     */
    public FileOptions withScheduler(Scheduler scheduler) {
        return new FileOptions(separator, header, columns, columnTypes, tail, pollInterval,
                Checks.notNull(scheduler, "FileOptions", "scheduler"), maxLineLength, failOnMalformed);
    }

    /**
     * The longest line a source reads, in bytes (for CSV, the longest record, quoted line breaks
     * included); default {@link #DEFAULT_MAX_LINE_LENGTH}. A longer one is malformed: the source
     * skips to the next line break without holding more than this in memory.
     *
     * @param bytes the limit in bytes, at least 1
     * @return new options with this limit, the others unchanged
     * @throws IllegalArgumentException if {@code bytes} is less than 1
     */
    public FileOptions withMaxLineLength(int bytes) {
        return new FileOptions(separator, header, columns, columnTypes, tail, pollInterval, scheduler,
                Checks.positive(bytes, "FileOptions", "maxLineLength"), failOnMalformed);
    }

    /**
     * What a source does with a malformed record (a CSV row with a stray quote, the wrong number
     * of fields or a value of the wrong type; a line that is not one JSON value of the type; a
     * line that is not UTF-8 or is too long): by default ({@code false}) it skips it, logs it
     * with its line number and counts it ({@link FileSource#malformedCount()}); with
     * {@code true} it stops and {@link FileSource#finished()} fails with an
     * {@link IllegalArgumentException} naming the line.
     *
     * @param fail {@code true} to stop at the first malformed record
     * @return new options with this setting, the others unchanged
     */
    public FileOptions withFailOnMalformed(boolean fail) {
        return new FileOptions(separator, header, columns, columnTypes, tail, pollInterval, scheduler,
                maxLineLength, fail);
    }

    /**
     * The longest line a source reads.
     *
     * @return the limit in bytes
     */
    public int maxLineLength() {
        return maxLineLength;
    }

    /**
     * Whether a source stops at the first malformed record.
     *
     * @return {@code true} to fail, {@code false} to skip and count
     */
    public boolean failOnMalformed() {
        return failOnMalformed;
    }

    /**
     * The CSV field separator.
     *
     * @return the separator character
     */
    public char separator() {
        return separator;
    }

    /**
     * Whether CSV files have a header line.
     *
     * @return {@code true} if the first line names the columns
     */
    public boolean header() {
        return header;
    }

    /**
     * The CSV column names set with {@link #withColumns(List)}.
     *
     * @return an immutable list of the names, empty to take them from the header or first element
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * The CSV column types by column name.
     *
     * @return an unmodifiable map from column name to type, empty if none was set
     */
    public Map<String, Class<?>> columnTypes() {
        return columnTypes;
    }

    /**
     * Whether a source tails the file.
     *
     * @return {@code true} if a source keeps polling for appended records
     */
    public boolean tail() {
        return tail;
    }

    /**
     * The time between two polls of a tailing source.
     *
     * @return the poll interval
     */
    public Duration pollInterval() {
        return pollInterval;
    }

    /**
     * The scheduler set with {@link #withScheduler}, if any.
     *
     * @return the scheduler, or empty to use {@code Schedulers.parallel()}
     */
    public Optional<Scheduler> scheduler() {
        return Optional.ofNullable(scheduler);
    }

    @Override
    public String toString() {
        List<String> types = new ArrayList<>();
        columnTypes.forEach((c, t) -> types.add(c + "=" + t.getSimpleName()));
        return "FileOptions(separator='" + separator + "', header=" + header + ", columns=" + columns
                + ", columnTypes=" + types + ", tail=" + tail + ", pollInterval=" + Intervals.format(pollInterval)
                + ", maxLineLength=" + maxLineLength + ", failOnMalformed=" + failOnMalformed + ")";
    }
}
