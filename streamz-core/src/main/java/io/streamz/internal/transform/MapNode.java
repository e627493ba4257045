package io.streamz.internal.transform;

import io.streamz.Stream;
import io.streamz.internal.Node;
import io.streamz.internal.util.Checks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Implements {@link Stream#map(Function)}. */
public final class MapNode<T, R> extends Node<T, R> {
    private final Function<? super T, ? extends R> func;

    public MapNode(Stream<T> upstream, Function<? super T, ? extends R> func) {
        super(upstream, "map");
        this.func = Checks.notNull(func, "map", "func");
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        R y;
        try {
            y = func.apply(x);
        } catch (RuntimeException e) {
            return fail(e, x, metadata);
        }
        return emitDownstream(y, metadata);
    }
}
