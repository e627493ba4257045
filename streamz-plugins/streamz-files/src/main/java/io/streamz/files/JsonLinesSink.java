package io.streamz.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamz.Stream;

/**
 * Implements {@link JsonLines#sinkToJsonl(String)}: appends every element as one line of JSON
 * (maps, lists, strings, numbers, records and other objects with properties).
 *
 * <pre>{@code
 * Stream<Map<String, Object>> events = Stream.create();
 * events.as(JsonLines.sinkToJsonl("events.jsonl"));
 * events.emit(Map.of("id", 1));
 * // events.jsonl: {"id":1}
 * }</pre>
 *
 * @param <T> the element type
 */
public final class JsonLinesSink<T> extends FileSink<T> {
    private final ObjectMapper mapper = new ObjectMapper();

    JsonLinesSink(Stream<T> upstream, String path) {
        super(upstream, "sinkToJsonl", path);
    }

    @Override
    String format(T x) throws Exception {
        return mapper.writeValueAsString(x) + "\n";
    }
}
