package io.streamz.dataframe.internal;

import io.streamz.Stream;
import io.streamz.internal.Node;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Implements {@code Batch.toStream()}: emits the elements of each list one by one, each with the list's metadata. */
public final class FlattenNode<T> extends Node<List<T>, T> {

    public FlattenNode(Stream<? extends List<T>> upstream) {
        super(upstream, "flatten");
    }

    @Override
    protected CompletableFuture<?> accept(List<T> xs, Stream<?> who, List<Map<String, Object>> metadata) {
        if (xs == null) {
            throw new IllegalArgumentException("flatten: expected a list, got null");
        }
        CompletableFuture<?> pending = null;
        for (T x : xs) {
            pending = both(pending, emitDownstream(x, metadata));
        }
        return pending;
    }
}
