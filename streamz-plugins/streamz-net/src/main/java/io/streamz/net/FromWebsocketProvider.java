package io.streamz.net;

import io.streamz.Stream;
import io.streamz.spi.PluginArguments;
import io.streamz.spi.SourceProvider;

/**
 * The plugin {@code "from_websocket"}: {@code Stream.source("from_websocket", port[, options])}
 * builds {@link Net#fromWebsocket(int, NetOptions)}.
 *
 * <pre>{@code
 * WebsocketSource in = (WebsocketSource) Stream.<String>source("from_websocket", 8080);
 * }</pre>
 */
public final class FromWebsocketProvider implements SourceProvider {
    @Override
    public String name() {
        return "from_websocket";
    }

    @Override
    public String description() {
        return "messages received by a WebSocket server: (port[, NetOptions])";
    }

    @Override
    public Stream<?> create(Object... args) {
        PluginArguments a = PluginArguments.of("from_websocket", args, 1, 2);
        return Net.fromWebsocket(a.get(0, Integer.class), a.get(1, NetOptions.class, NetOptions.defaults()));
    }
}
