package io.streamz.kafka;

import io.streamz.Stream;
import io.streamz.internal.util.Refs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A test node that keeps every element (retaining its refs, as a window would) until it is
 * released by arrival index, then passes it on and lets go.
 */
final class Hold<T> extends Stream<T> {
    private final List<T> held = new ArrayList<>();
    private final List<List<Map<String, Object>>> metadata = new ArrayList<>();
    private final List<Boolean> released = new ArrayList<>();

    Hold(Stream<T> upstream) {
        super(upstream);
    }

    @Override
    protected synchronized CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> md) {
        Refs.retain(md);
        held.add(cast(x));
        metadata.add(md);
        released.add(false);
        return null;
    }

    /** How many elements arrived so far. */
    synchronized int size() {
        return held.size();
    }

    /** The {@code i}-th element that arrived. */
    synchronized T get(int i) {
        return held.get(i);
    }

    /** Emits the {@code i}-th element downstream, then releases its refs. */
    void release(int i) {
        enterGraph(() -> {
            T x;
            List<Map<String, Object>> md;
            synchronized (this) {
                if (released.get(i)) {
                    return null;
                }
                released.set(i, true);
                x = held.get(i);
                md = metadata.get(i);
            }
            emitDownstream(x, md);
            Refs.release(md);
            return null;
        });
    }

    /** Releases every element not yet released, in arrival order. */
    void releaseAll() {
        for (int i = 0; i < size(); i++) {
            release(i);
        }
    }
}
