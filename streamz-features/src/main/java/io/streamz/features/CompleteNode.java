package io.streamz.features;

import io.streamz.Stream;
import io.streamz.internal.Node;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Implements {@link Flows#complete}: completes each event's pending result with its body. */
final class CompleteNode<T> extends Node<Event<T>, Event<T>> {
    CompleteNode(Stream<Event<T>> upstream) {
        super(upstream, "complete");
    }

    @Override
    protected CompletableFuture<?> accept(Event<T> x, Stream<?> who, List<Map<String, Object>> metadata) {
        if (x.awaitable() != null) {
            x.awaitable().arrive(x.body());
        }
        return emitDownstream(x, metadata);
    }
}
