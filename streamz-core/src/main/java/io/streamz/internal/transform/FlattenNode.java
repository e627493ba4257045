package io.streamz.internal.transform;

import io.streamz.Stream;
import io.streamz.internal.Node;
import java.lang.reflect.Array;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Implements {@link Stream#flatten()}. */
public final class FlattenNode<T> extends Node<T, Object> {

    public FlattenNode(Stream<T> upstream) {
        super(upstream, "flatten");
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        Iterator<?> items = iterator(x);
        CompletableFuture<?> pending = null;
        // as streamz, only the last item carries the element's metadata
        while (items.hasNext()) {
            Object item = items.next();
            pending = both(pending, emitDownstream(item, items.hasNext() ? NO_METADATA : metadata));
        }
        return pending;
    }

    private Iterator<?> iterator(T x) {
        if (x instanceof Iterable) {
            return ((Iterable<?>) x).iterator();
        }
        if (x != null && x.getClass().isArray()) {
            return new Iterator<Object>() {
                private int i;

                @Override
                public boolean hasNext() {
                    return i < Array.getLength(x);
                }

                @Override
                public Object next() {
                    return Array.get(x, i++);
                }
            };
        }
        throw failure(new IllegalArgumentException("expected an Iterable or an array, got "
                + (x == null ? "null" : x.getClass().getName())), x);
    }
}
