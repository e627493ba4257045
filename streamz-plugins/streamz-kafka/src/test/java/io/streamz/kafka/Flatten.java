package io.streamz.kafka;

import io.streamz.Stream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A test node that emits the elements of each list it receives, each with the list's metadata. */
final class Flatten<T> extends Stream<T> {
    Flatten(Stream<? extends List<? extends T>> upstream) {
        super(upstream);
    }

    @Override
    protected CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
        CompletableFuture<?> pending = null;
        for (Object e : (List<?>) x) {
            pending = both(pending, emitDownstream(cast(e), metadata));
        }
        return pending;
    }
}
