package com.example.streamz;

import io.streamz.Stream;
import io.streamz.spi.Arguments;
import io.streamz.spi.PluginArguments;
import io.streamz.spi.SourceProvider;
import reactor.core.scheduler.Schedulers;

/** {@code Stream.source("counter", "100ms")}. */
public final class CounterProvider implements SourceProvider {
    @Override
    public String name() {
        return "counter";
    }

    @Override
    public String description() {
        return "emits 0, 1, 2, ... every interval";
    }

    @Override
    public Stream<?> create(Object... args) {
        PluginArguments a = PluginArguments.of("counter", args, 1, 1);
        return new Counter(Arguments.interval(a.get(0, String.class), "counter", "interval"), Schedulers.parallel());
    }
}
