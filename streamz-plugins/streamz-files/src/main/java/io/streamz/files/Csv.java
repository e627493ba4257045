package io.streamz.files;

import io.streamz.Stream;
import io.streamz.internal.util.Checks;
import java.util.Map;
import java.util.function.Function;
import reactor.core.scheduler.Schedulers;

/**
 * CSV files as sources and sinks, on Jackson's CSV module. {@code API.md}'s
 * {@code Stream.fromCsv} lives here rather than on {@code Stream}, so that streamz-core does not
 * depend on Jackson: {@code Csv.fromCsv(...)} and {@code stream.as(Csv.sinkToCsv(...))}. The
 * plugins {@code "from_csv"} and {@code "sink_to_csv"} build the same nodes.
 *
 * <pre>{@code
 * FileSource<Map<String, Object>> rows = Csv.fromCsv("prices.csv",
 *         FileOptions.defaults().withColumnType("price", Double.class));
 * rows.filter(r -> (Double) r.get("price") > 10).as(Csv.sinkToCsv("expensive.csv"));
 * rows.start();
 * }</pre>
 */
public final class Csv {
    private Csv() {
    }

    /**
     * See {@link #fromCsv(String, Class, FileOptions)}; rows as maps, default options.
     *
     * @param path the file to read
     * @return the new source, not yet started
     */
    public static FileSource<Map<String, Object>> fromCsv(String path) {
        return fromCsv(path, FileOptions.defaults());
    }

    /**
     * A source emitting each row of a CSV file as an immutable {@code Map} from column name to
     * value, in column order; values are strings unless {@link FileOptions#withColumnType typed}.
     *
     * <pre>{@code
     * // prices.csv: symbol,price / ACME,12.5 / INIT,3
     * FileSource<Map<String, Object>> rows = Csv.fromCsv("prices.csv",
     *         FileOptions.defaults().withColumnType("price", Double.class));
     * List<Map<String, Object>> out = rows.sinkToList();
     * rows.start();
     * rows.finished().join();
     * // out: [{symbol=ACME, price=12.5}, {symbol=INIT, price=3.0}]
     * }</pre>
     *
     * <p>Reading, tailing and malformed rows are as in
     * {@link #fromCsv(String, Class, FileOptions)}.
     *
     * @param path the file to read; it must be readable when the source is started
     * @param options separator, header, columns, column types, tailing and scheduler
     * @return the new source, not yet started
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code options} has no header and no
     *     {@link FileOptions#withColumns columns}
     */
    public static FileSource<Map<String, Object>> fromCsv(String path, FileOptions options) {
        return build(path, null, options);
    }

    /**
     * See {@link #fromCsv(String, Class, FileOptions)}; default options.
     *
     * @param <R> the row type
     * @param path the file to read
     * @param rowType the class each row is converted to
     * @return the new source, not yet started
     */
    public static <R> FileSource<R> fromCsv(String path, Class<R> rowType) {
        return fromCsv(path, rowType, FileOptions.defaults());
    }

    /**
     * A source emitting each row of a CSV file as a {@code rowType}, a record or bean whose
     * properties are the columns (Jackson converts the text: {@code "12.5"} to a
     * {@code double} property).
     *
     * <pre>{@code
     * record Price(String symbol, double price) {}
     * FileSource<Price> prices = Csv.fromCsv("prices.csv", Price.class, FileOptions.defaults());
     * prices.map(Price::price).sink(System.out::println);
     * prices.start();   // prints 12.5, then 3.0
     * }</pre>
     *
     * <p><b>Time:</b> reads on the options' scheduler, by default the one
     * {@code Schedulers.parallel()} returns now: the whole file at {@code start()}, then, when
     * tailing, new rows every poll interval. <b>Blocks:</b> the next row waits until the graph
     * is done with the previous one. Malformed rows are skipped and counted
     * ({@link FileSource#malformedCount()}).
     *
     * @param <R> the row type
     * @param path the file to read; it must be readable when the source is started, else
     *     {@code start()} throws an {@link java.io.UncheckedIOException} and
     *     {@link FileSource#finished()} fails
     * @param rowType the class each row is converted to, a record or bean
     * @param options separator, header, columns, tailing and scheduler
     * @return the new source, not yet started
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code options} has no header and no
     *     {@link FileOptions#withColumns columns}
     */
    public static <R> FileSource<R> fromCsv(String path, Class<R> rowType, FileOptions options) {
        return build(path, Checks.notNull(rowType, "fromCsv", "rowType"), options);
    }

    private static <R> FileSource<R> build(String path, Class<R> rowType, FileOptions options) {
        Checks.notNull(path, "fromCsv", "path");
        Checks.notNull(options, "fromCsv", "options");
        return new FileSource<>("fromCsv", path, options, new CsvFormat<>(options, rowType),
                options.scheduler().orElseGet(Schedulers::parallel));
    }

    /**
     * See {@link #sinkToCsv(String, FileOptions)}; default options.
     *
     * @param <T> the element type
     * @param path the file to append to, created if missing
     * @return a function creating the sink downstream of the stream it is applied to
     */
    public static <T> Function<Stream<T>, CsvSink<T>> sinkToCsv(String path) {
        return sinkToCsv(path, FileOptions.defaults());
    }

    /**
     * A sink appending each element (a {@code Map}, a record or a bean) as a CSV row, for
     * {@code stream.as(...)}; the columns are {@link FileOptions#withColumns given} or those of
     * the first element, and a new or empty file gets a header line first.
     *
     * <pre>{@code
     * Stream<Map<String, Object>> rows = Stream.create();
     * CsvSink<Map<String, Object>> out = rows.as(Csv.sinkToCsv("out.csv", FileOptions.defaults()));
     * rows.emit(Map.of("symbol", "ACME"));
     * out.destroy();   // closes the file
     * // out.csv: symbol / ACME
     * }</pre>
     *
     * <p>Each row is flushed as it is written. An element that is not a row fails with a
     * {@link io.streamz.NodeException}; values beyond the columns are left out.
     *
     * @param <T> the element type: a {@code Map}, a record or a bean
     * @param path the file to append to, created if missing; it is opened when the function is
     *     applied, and failing to open it throws {@link java.io.UncheckedIOException} then
     * @param options separator, header and columns
     * @return a function creating the sink downstream of the stream it is applied to
     * @throws NullPointerException if {@code path} or {@code options} is null
     */
    public static <T> Function<Stream<T>, CsvSink<T>> sinkToCsv(String path, FileOptions options) {
        Checks.notNull(path, "sinkToCsv", "path");
        Checks.notNull(options, "sinkToCsv", "options");
        return upstream -> new CsvSink<>(upstream, path, options);
    }
}
