package io.streamz.files;

import io.streamz.Stream;
import io.streamz.internal.util.Checks;
import java.util.Map;
import java.util.function.Function;
import reactor.core.scheduler.Schedulers;

/**
 * JSON-lines files (one JSON value per line) as sources and sinks, on Jackson. Like
 * {@link Csv}, these live outside {@code Stream} so that streamz-core does not depend on
 * Jackson; the plugins {@code "from_jsonl"} and {@code "sink_to_jsonl"} build the same nodes.
 *
 * <pre>{@code
 * FileSource<Map<String, Object>> events = JsonLines.fromJsonl("events.jsonl");
 * events.filter(e -> "error".equals(e.get("level"))).as(JsonLines.sinkToJsonl("errors.jsonl"));
 * events.start();
 * }</pre>
 */
public final class JsonLines {
    private JsonLines() {
    }

    /**
     * See {@link #fromJsonl(String, Class, FileOptions)}; objects as maps, default options.
     *
     * @param path the file to read
     * @return the new source, not yet started
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static FileSource<Map<String, Object>> fromJsonl(String path) {
        return (FileSource) fromJsonl(path, Map.class, FileOptions.defaults());
    }

    /**
     * See {@link #fromJsonl(String, Class, FileOptions)}; objects as maps.
     *
     * @param path the file to read
     * @param options tailing, poll interval and scheduler
     * @return the new source, not yet started
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static FileSource<Map<String, Object>> fromJsonl(String path, FileOptions options) {
        return (FileSource) fromJsonl(path, Map.class, options);
    }

    /**
     * See {@link #fromJsonl(String, Class, FileOptions)}; default options.
     *
     * @param <R> the element type
     * @param path the file to read
     * @param type the class each line is read as
     * @return the new source, not yet started
     */
    public static <R> FileSource<R> fromJsonl(String path, Class<R> type) {
        return fromJsonl(path, type, FileOptions.defaults());
    }

    /**
     * A source emitting each line of a JSON-lines file read as a {@code type} (a record, a
     * bean, {@code Map}, {@code List}, {@code String}...); blank lines are skipped.
     *
     * <pre>{@code
     * // events.jsonl: {"id":1,"level":"info"} / {"id":2,"level":"error"}
     * record Event(int id, String level) {}
     * FileSource<Event> events = JsonLines.fromJsonl("events.jsonl", Event.class, FileOptions.defaults());
     * List<Event> out = events.sinkToList();
     * events.start();
     * events.finished().join();
     * // out: [Event[id=1, level=info], Event[id=2, level=error]]
     * }</pre>
     *
     * <p><b>Time:</b> reads on the options' scheduler, by default the one
     * {@code Schedulers.parallel()} returns now; with {@link FileOptions#withTail tail}, polls
     * for new lines every interval. <b>Blocks:</b> the next line waits for the graph. A line
     * that is not exactly one JSON value of that type (two values, trailing text, {@code null},
     * a number beyond a {@code double} such as {@code 1e400}) is malformed: skipped and counted
     * ({@link FileSource#malformedCount()}) unless {@link FileOptions#withFailOnMalformed}.
     *
     * @param <R> the element type
     * @param path the file to read; it must be readable when the source is started, else
     *     {@code start()} throws an {@link java.io.UncheckedIOException} and
     *     {@link FileSource#finished()} fails
     * @param type the class each line is read as
     * @param options tailing, poll interval and scheduler; the CSV settings are ignored
     * @return the new source, not yet started
     * @throws NullPointerException if an argument is null
     */
    public static <R> FileSource<R> fromJsonl(String path, Class<R> type, FileOptions options) {
        Checks.notNull(path, "fromJsonl", "path");
        Checks.notNull(type, "fromJsonl", "type");
        Checks.notNull(options, "fromJsonl", "options");
        return new FileSource<>("fromJsonl", path, options, new JsonLinesFormat<>(type),
                options.scheduler().orElseGet(Schedulers::parallel));
    }

    /**
     * A sink appending each element as one line of JSON, for {@code stream.as(...)}.
     *
     * <pre>{@code
     * Stream<Object> events = Stream.create();
     * JsonLinesSink<Object> out = events.as(JsonLines.sinkToJsonl("events.jsonl"));
     * events.emit(Map.of("id", 1));
     * events.emit(List.of(1, 2));
     * out.destroy();   // closes the file
     * // events.jsonl: {"id":1} / [1,2]
     * }</pre>
     *
     * <p>Each line is flushed as it is written; an element Jackson cannot write fails with a
     * {@link io.streamz.NodeException}.
     *
     * @param <T> the element type
     * @param path the file to append to, created if missing; it is opened when the function is
     *     applied, and failing to open it throws {@link java.io.UncheckedIOException} then
     * @return a function creating the sink downstream of the stream it is applied to
     * @throws NullPointerException if {@code path} is null
     */
    public static <T> Function<Stream<T>, JsonLinesSink<T>> sinkToJsonl(String path) {
        Checks.notNull(path, "sinkToJsonl", "path");
        return upstream -> new JsonLinesSink<>(upstream, path);
    }
}
