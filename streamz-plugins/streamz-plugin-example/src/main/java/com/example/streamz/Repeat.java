package com.example.streamz;

import io.streamz.Stream;
import io.streamz.spi.Arguments;
import io.streamz.spi.Operator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Emits every element {@code n} times (streamz's plugin example). */
public final class Repeat<T> extends Operator<T, T> {
    private final int n;

    public Repeat(Stream<T> upstream, int n) {
        super(upstream, "repeat");
        this.n = Arguments.positive(n, "repeat", "n");
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        CompletableFuture<?> pending = null;
        for (int i = 0; i < n; i++) {
            pending = both(pending, emitDownstream(x, metadata));
        }
        return pending;
    }

    @Override
    protected String describeParams() {
        return "n=" + n;
    }
}
