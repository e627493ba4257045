package io.streamz.net;

import io.streamz.Stream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A test node that holds every element's completion until the test opens it: an async sink. */
final class Gate<T> extends Stream<T> {
    final List<Object> arrived = Collections.synchronizedList(new ArrayList<>());   // many thousands in some tests
    final CompletableFuture<Void> open = new CompletableFuture<>();

    Gate(Stream<T> upstream) {
        super(upstream);
    }

    @Override
    protected CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
        arrived.add(x);
        return both(emitDownstream(cast(x), metadata), open);
    }
}
