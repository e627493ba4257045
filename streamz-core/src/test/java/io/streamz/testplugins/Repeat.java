package io.streamz.testplugins;

import io.streamz.Stream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The streamz RepeatNode example: emits every element {@code n} times. */
public final class Repeat<T> extends Stream<T> {
    private final int n;

    public Repeat(Stream<T> upstream, int n) {
        super(upstream);
        this.n = n;
    }

    @Override
    protected CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
        CompletableFuture<?> pending = null;
        for (int i = 0; i < n; i++) {
            pending = both(pending, emitDownstream(cast(x), metadata));
        }
        return pending;
    }

    @Override
    protected String describeParams() {
        return "n=" + n;
    }
}
