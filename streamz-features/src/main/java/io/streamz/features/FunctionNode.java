package io.streamz.features;

import io.streamz.Stream;
import io.streamz.internal.Node;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A step that runs a user function on each element and emits its result, or nothing for
 * {@code null}: the shared body of {@link Flows#extend}, {@link Flows#forEach},
 * {@link Flows#reifyMetadata}, {@link Flows#mapWithState}, {@link Flows#mapClass} and the others
 * that differ only in their function.
 */
final class FunctionNode<T, R> extends Node<T, R> {
    private final Function<? super T, ? extends R> func;
    private final String params;

    FunctionNode(Stream<? extends T> upstream, String kind, String params, Function<? super T, ? extends R> func) {
        super(upstream, kind);
        this.func = func;
        this.params = params;
    }

    @Override
    protected String describeParams() {
        return params;
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        R y;
        try {
            y = func.apply(x);
        } catch (RuntimeException e) {
            return fail(e, x, metadata);
        }
        return y == null ? null : emitDownstream(y, metadata);
    }
}
