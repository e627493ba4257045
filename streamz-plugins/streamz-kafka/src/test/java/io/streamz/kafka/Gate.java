package io.streamz.kafka;

import io.streamz.Stream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test node whose update returns a pending future for each element (an asynchronous sink that
 * has not finished), completed by {@link #open()}; it counts what arrived.
 */
final class Gate<T> extends Stream<T> {
    final List<T> seen = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();
    private volatile boolean open;

    Gate(Stream<T> upstream) {
        super(upstream);
    }

    @Override
    protected CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> md) {
        seen.add(cast(x));
        if (open) {
            return null;
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        pending.add(f);
        return f;
    }

    /** Completes every pending element and lets later ones pass at once. */
    void open() {
        open = true;
        for (CompletableFuture<Void> f : pending) {
            f.complete(null);
        }
    }

    /** Fails every pending element with {@code e}. */
    void fail(RuntimeException e) {
        for (CompletableFuture<Void> f : pending) {
            f.completeExceptionally(e);
        }
    }
}
