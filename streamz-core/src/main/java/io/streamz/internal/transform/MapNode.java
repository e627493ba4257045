package io.streamz.internal.transform;

import io.streamz.Stream;
import io.streamz.internal.Node;
import io.streamz.internal.util.Checks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Implements {@link Stream#map(Function)}. A chain of maps, each the only downstream of the one
 * before, with no metadata and no metrics, runs in one loop here instead of one nested call per
 * node: the same functions in the same order, the same error policies, fewer calls.
 */
public final class MapNode<T, R> extends Node<T, R> {
    private final Function<? super T, ? extends R> func;

    public MapNode(Stream<T> upstream, Function<? super T, ? extends R> func) {
        super(upstream, "map");
        this.func = Checks.notNull(func, "map", "func");
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        MapNode<Object, Object> node = raw(this);
        Object in = x;
        for (;;) {
            Object y;
            try {
                y = node.func.apply(in);
            } catch (RuntimeException e) {
                return node.fail(e, in, metadata);
            }
            if (!(node.plainSoleDownstream(metadata) instanceof MapNode<?, ?> next)) {
                return node.emitDownstream(y, metadata);
            }
            node = raw(next);
            in = y;
        }
    }

    @SuppressWarnings("unchecked")
    private static MapNode<Object, Object> raw(MapNode<?, ?> node) {
        return (MapNode<Object, Object>) node;
    }
}
