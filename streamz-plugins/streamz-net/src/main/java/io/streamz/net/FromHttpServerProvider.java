package io.streamz.net;

import io.streamz.Stream;
import io.streamz.spi.PluginArguments;
import io.streamz.spi.SourceProvider;

/**
 * The plugin {@code "from_http_server"}: {@code Stream.source("from_http_server", port[, path[,
 * options]])} builds {@link Net#fromHttpServer(int, String, NetOptions)}; the path defaults to
 * {@code "/"}.
 *
 * <pre>{@code
 * HttpServerSource in = (HttpServerSource) Stream.<String>source("from_http_server", 8080, "/ingest");
 * }</pre>
 */
public final class FromHttpServerProvider implements SourceProvider {
    @Override
    public String name() {
        return "from_http_server";
    }

    @Override
    public String description() {
        return "POST bodies sent to an HTTP server: (port[, path[, NetOptions]])";
    }

    @Override
    public Stream<?> create(Object... args) {
        PluginArguments a = PluginArguments.of("from_http_server", args, 1, 3);
        return Net.fromHttpServer(a.get(0, Integer.class), a.get(1, String.class, "/"),
                a.get(2, NetOptions.class, NetOptions.defaults()));
    }
}
