package io.streamz.feeds;

import io.streamz.Signal;
import io.streamz.Stream;
import io.streamz.internal.util.Keys;
import io.streamz.spi.Operator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Implements {@link Pipes#count()} and {@link Pipes#countBy}: counts per key, emitted at the end. */
final class CountNode<T, K> extends Operator<T, Map<K, Long>> {
    private final Function<? super T, ? extends K> key;
    private final Map<K, Long> counts = new LinkedHashMap<>();

    CountNode(Stream<T> upstream, Function<? super T, ? extends K> key, String kind) {
        super(upstream, kind);
        this.key = key;
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        @SuppressWarnings("unchecked")
        K k = (K) Keys.of(key, x, this);             // a failure fails the element, through the node's policy
        counts.merge(k, 1L, Long::sum);
        return null;
    }

    @Override
    protected CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
        if (!(signal instanceof Signal.End)) {
            return forwardSignal(signal, who);
        }
        Map<K, Long> out = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        counts.clear();
        return both(emitAndHold(out, List.of()), forwardSignal(signal, who));
    }
}
