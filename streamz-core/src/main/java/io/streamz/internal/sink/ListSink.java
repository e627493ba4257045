package io.streamz.internal.sink;

import io.streamz.Stream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import io.streamz.internal.Node;

/** Implements {@link Stream#sinkToList()}. */
public final class ListSink<T> extends Node<T, T> {
    private final List<T> list = Collections.synchronizedList(new ArrayList<>());

    public ListSink(Stream<T> upstream) {
        super(upstream, "sinkToList");
    }

    /** The live, thread-safe list this sink appends to. */
    public List<T> list() {
        return list;
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        list.add(x);
        return null;
    }
}
