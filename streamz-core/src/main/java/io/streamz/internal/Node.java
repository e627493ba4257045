package io.streamz.internal;

import io.streamz.Stream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Typed base of the built-in operators: receives {@code T}, emits {@code R}.
 *
 * @param <T> the element type received from upstream
 * @param <R> the element type emitted downstream
 */
public abstract class Node<T, R> extends Stream<R> {

    /** A node of the given kind fed by one upstream. */
    protected Node(Stream<? extends T> upstream, String kind) {
        super(kind, null, List.of(upstream));
    }

    /** A node of the given kind fed by several upstreams (which may repeat one stream). */
    protected Node(List<? extends Stream<?>> upstreams, String kind) {
        super(kind, null, upstreams);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected final CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
        try {
            return accept((T) x, who, metadata);
        } catch (UserFunctionException e) {
            return fail(e.getCause(), x, metadata);   // a key function of this node failed
        }
    }

    /**
     * Reacts to one element, inside the graph.
     *
     * @param x the element
     * @param who the upstream it came from ({@code null} when emitted at this node)
     * @param metadata its metadata, never {@code null}, never mutated
     * @return downstream work still pending, or {@code null}
     */
    protected abstract CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata);
}
