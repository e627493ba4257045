package io.streamz.features;

import io.streamz.Stream;
import io.streamz.internal.Node;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Implements {@link Features#queryByKey}: enriches each event with its key's features at its
 * time, read from a {@link FeatureTable} without aggregating the event (storey {@code QueryByKey}).
 *
 * <pre>{@code
 * Features.queryByKey(requests, "user", "time", table).sink(System.out::println);
 * requests.emit(Map.of("user", "u1", "time", Instant.now()));   // {user=u1, time=..., clicks_count_1h=3}
 * }</pre>
 *
 * @param <T> the event type
 */
public final class QueryByKey<T> extends Node<T, Map<String, Object>> {
    private final Function<? super T, ?> key;
    private final Function<? super T, ?> time;
    private final FeatureTable table;
    private final List<FeatureTable.Selected> features;
    private final FixedWindowType fixedWindowType;

    QueryByKey(Stream<? extends T> upstream, Function<? super T, ?> key, Function<? super T, ?> time,
            FeatureTable table, List<FeatureTable.Selected> features, FixedWindowType fixedWindowType) {
        super(upstream, "queryByKey");
        this.key = notNull(key, "key");
        this.time = notNull(time, "time");
        this.table = notNull(table, "table");
        this.features = features;
        this.fixedWindowType = notNull(fixedWindowType, "fixedWindowType");
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        Map<String, Object> out;
        try {
            Object k = key.apply(x);
            if (k == null) {
                throw new NullPointerException("the key of the event is null");
            }
            long t = Events.millis(time.apply(x), null);
            out = features == null ? table.enrich(x, k, t) : Events.enrich(x,
                    table.querySelected(k, java.time.Instant.ofEpochMilli(t), features, fixedWindowType));
        } catch (RuntimeException e) {
            return fail(e, x, metadata);
        }
        return emitDownstream(out, metadata);
    }

    private static <V> V notNull(V value, String param) {
        if (value == null) {
            throw new NullPointerException("queryByKey: " + param + " is null");
        }
        return value;
    }
}
