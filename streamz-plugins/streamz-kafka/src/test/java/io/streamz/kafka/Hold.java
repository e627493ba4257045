package io.streamz.kafka;

import io.streamz.Stream;
import io.streamz.internal.util.Refs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A test node that keeps every element (retaining its refs, as a window would) until
 * {@link #releaseAll()} passes them on and lets go.
 */
final class Hold<T> extends Stream<T> {
    private final List<T> held = new ArrayList<>();
    private final List<List<Map<String, Object>>> metadata = new ArrayList<>();

    Hold(Stream<T> upstream) {
        super(upstream);
    }

    @Override
    protected CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> md) {
        Refs.retain(md);
        synchronized (held) {
            held.add(cast(x));
            metadata.add(md);
        }
        return null;
    }

    int size() {
        synchronized (held) {
            return held.size();
        }
    }

    /** Emits the held elements downstream, then releases their refs. */
    void releaseAll() {
        List<T> xs;
        List<List<Map<String, Object>>> mds;
        synchronized (held) {
            xs = new ArrayList<>(held);
            mds = new ArrayList<>(metadata);
            held.clear();
            metadata.clear();
        }
        enterGraph(() -> {
            for (int i = 0; i < xs.size(); i++) {
                emitDownstream(xs.get(i), mds.get(i));
                Refs.release(mds.get(i));
            }
            return null;
        });
    }
}
