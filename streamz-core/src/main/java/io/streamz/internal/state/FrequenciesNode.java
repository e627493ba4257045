package io.streamz.internal.state;

import io.streamz.Stream;
import io.streamz.internal.Node;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Implements {@link Stream#frequencies()}: streamz's
 * {@code accumulate(lambda acc, x: toolz.assoc(acc, x, acc.get(x, 0) + 1), start={})}.
 */
public final class FrequenciesNode<T> extends Node<T, Map<T, Long>> {
    private final Map<T, Long> counts = new LinkedHashMap<>();

    public FrequenciesNode(Stream<T> upstream) {
        super(upstream, "frequencies");
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        counts.merge(x, 1L, Long::sum);
        return emitDownstream(Collections.unmodifiableMap(new LinkedHashMap<>(counts)), metadata);
    }
}
