package com.example.streamz;

import io.streamz.Stream;
import io.streamz.spi.NodeProvider;
import io.streamz.spi.PluginArguments;

/** {@code stream.plugin("repeat", n)}. */
public final class RepeatProvider implements NodeProvider {
    @Override
    public String name() {
        return "repeat";
    }

    @Override
    public String description() {
        return "emits every element n times";
    }

    @Override
    public Stream<?> create(Stream<?> upstream, Object... args) {
        PluginArguments a = PluginArguments.of("repeat", args, 1, 1);
        return new Repeat<>(upstream, a.get(0, Integer.class));
    }
}
