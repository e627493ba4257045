package io.streamz.internal.join;

import io.streamz.Stream;
import io.streamz.internal.Node;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Implements {@link Stream#union(Stream...)}: every element of every upstream passes at once. */
public final class UnionNode<T> extends Node<T, T> {

    public UnionNode(List<? extends Stream<? extends T>> upstreams) {
        super(upstreams, "union");
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        return emitDownstream(x, metadata);
    }
}
