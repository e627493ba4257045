package io.streamz.files;

import io.streamz.Stream;
import io.streamz.spi.PluginArguments;
import io.streamz.spi.SourceProvider;

/**
 * The plugin {@code "from_jsonl"}: {@code Stream.source("from_jsonl", path[, options])} builds
 * {@link JsonLines#fromJsonl(String, FileOptions)}.
 *
 * <pre>{@code
 * Source<Map<String, Object>> events = Stream.source("from_jsonl", "events.jsonl");
 * }</pre>
 */
public final class FromJsonlProvider implements SourceProvider {
    @Override
    public String name() {
        return "from_jsonl";
    }

    @Override
    public String description() {
        return "lines of a JSON-lines file as maps: (path[, FileOptions])";
    }

    @Override
    public Stream<?> create(Object... args) {
        PluginArguments a = PluginArguments.of("from_jsonl", args, 1, 2);
        return JsonLines.fromJsonl(a.get(0, String.class), a.get(1, FileOptions.class, FileOptions.defaults()));
    }
}
