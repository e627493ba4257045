package io.streamz.net;

import io.streamz.Stream;
import io.streamz.spi.NodeProvider;
import io.streamz.spi.PluginArguments;

/**
 * The plugin {@code "to_websocket"}: {@code stream.plugin("to_websocket", uri[, options])} builds
 * {@link Net#toWebsocket(String, NetOptions)}.
 *
 * <pre>{@code
 * events.plugin("to_websocket", "ws://127.0.0.1:8080/");
 * }</pre>
 */
public final class ToWebsocketProvider implements NodeProvider {
    @Override
    public String name() {
        return "to_websocket";
    }

    @Override
    public String description() {
        return "sends every element as a WebSocket message: (uri[, NetOptions])";
    }

    @Override
    public Stream<?> create(Stream<?> upstream, Object... args) {
        PluginArguments a = PluginArguments.of("to_websocket", args, 1, 2);
        return upstream.as(Net.toWebsocket(a.get(0, String.class), a.get(1, NetOptions.class, NetOptions.defaults())));
    }
}
