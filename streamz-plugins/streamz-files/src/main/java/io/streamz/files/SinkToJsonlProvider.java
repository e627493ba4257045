package io.streamz.files;

import io.streamz.Stream;
import io.streamz.spi.NodeProvider;
import io.streamz.spi.PluginArguments;

/**
 * The plugin {@code "sink_to_jsonl"}: {@code stream.plugin("sink_to_jsonl", path)} builds {@link
 * JsonLines#sinkToJsonl(String)}.
 *
 * <pre>{@code
 * events.plugin("sink_to_jsonl", "events.jsonl");
 * }</pre>
 */
public final class SinkToJsonlProvider implements NodeProvider {
    @Override
    public String name() {
        return "sink_to_jsonl";
    }

    @Override
    public String description() {
        return "appends every element as a line of JSON: (path)";
    }

    @Override
    public Stream<?> create(Stream<?> upstream, Object... args) {
        PluginArguments a = PluginArguments.of("sink_to_jsonl", args, 1, 1);
        return upstream.as(JsonLines.sinkToJsonl(a.get(0, String.class)));
    }
}
