package io.streamz.files;

import io.streamz.Stream;
import io.streamz.spi.NodeProvider;
import io.streamz.spi.PluginArguments;

/**
 * The plugin {@code "sink_to_csv"}: {@code stream.plugin("sink_to_csv", path[, options])} builds
 * {@link Csv#sinkToCsv(String, FileOptions)}.
 *
 * <pre>{@code
 * rows.plugin("sink_to_csv", "out.csv");
 * }</pre>
 */
public final class SinkToCsvProvider implements NodeProvider {
    @Override
    public String name() {
        return "sink_to_csv";
    }

    @Override
    public String description() {
        return "appends every element as a CSV row: (path[, FileOptions])";
    }

    @Override
    public Stream<?> create(Stream<?> upstream, Object... args) {
        PluginArguments a = PluginArguments.of("sink_to_csv", args, 1, 2);
        return upstream.as(Csv.sinkToCsv(a.get(0, String.class), a.get(1, FileOptions.class, FileOptions.defaults())));
    }
}
