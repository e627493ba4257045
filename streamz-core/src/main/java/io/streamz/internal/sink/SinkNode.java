package io.streamz.internal.sink;

import io.streamz.Stream;
import io.streamz.internal.Node;
import io.streamz.internal.util.Checks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Implements {@link Stream#sink(Consumer)}. */
public final class SinkNode<T> extends Node<T, T> {
    private final Consumer<? super T> consumer;

    public SinkNode(Stream<T> upstream, Consumer<? super T> consumer) {
        super(upstream, "sink");
        this.consumer = Checks.notNull(consumer, "sink", "consumer");
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        try {
            consumer.accept(x);
        } catch (RuntimeException e) {
            return fail(e, x, metadata);
        }
        return null;
    }
}
