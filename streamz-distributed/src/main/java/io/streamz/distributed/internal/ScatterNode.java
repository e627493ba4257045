package io.streamz.distributed.internal;

import io.streamz.Stream;
import io.streamz.internal.Node;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Implements {@link io.streamz.distributed.Distributed#scatter}: each element becomes a completed
 * future; it travels to the engine with the first task that uses it.
 */
public final class ScatterNode<T> extends Node<T, CompletableFuture<T>> {
    public ScatterNode(Stream<T> upstream) {
        super(upstream, "scatter");
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        return emitDownstream(CompletableFuture.completedFuture(x), metadata);
    }
}
