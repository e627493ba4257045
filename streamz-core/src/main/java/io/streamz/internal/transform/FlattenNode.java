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
        // Every item carries the element's metadata (streamz gives it to the last item only): a
        // holder of any item (a window, a sink waiting for an acknowledgement) then keeps the
        // element's refs, so a source never counts the element done while one of its items is not.
        while (items.hasNext()) {
            pending = both(pending, emitDownstream(items.next(), metadata));
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
