package io.streamz.testplugins;

import io.streamz.Stream;
import io.streamz.spi.NodeProvider;

/** Reaches {@link Repeat} as {@code stream.plugin("repeat", n)}. */
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
        if (args.length != 1 || !(args[0] instanceof Integer)) {
            throw new IllegalArgumentException("expected one int n");
        }
        return new Repeat<>(upstream, (Integer) args[0]);
    }
}
