package io.streamz.net;

import io.streamz.Stream;
import io.streamz.spi.PluginArguments;
import io.streamz.spi.SourceProvider;

/**
 * The plugin {@code "from_tcp"}: {@code Stream.source("from_tcp", port[, delimiter[, options]])}
 * builds {@link Net#fromTcp(int, String, NetOptions)}; the delimiter defaults to {@code "\n"}.
 *
 * <pre>{@code
 * TcpSource in = (TcpSource) Stream.<String>source("from_tcp", 9000, "\n");
 * }</pre>
 */
public final class FromTcpProvider implements SourceProvider {
    @Override
    public String name() {
        return "from_tcp";
    }

    @Override
    public String description() {
        return "delimited text received by a TCP server: (port[, delimiter[, NetOptions]])";
    }

    @Override
    public Stream<?> create(Object... args) {
        PluginArguments a = PluginArguments.of("from_tcp", args, 1, 3);
        return Net.fromTcp(a.get(0, Integer.class), a.get(1, String.class, "\n"),
                a.get(2, NetOptions.class, NetOptions.defaults()));
    }
}
