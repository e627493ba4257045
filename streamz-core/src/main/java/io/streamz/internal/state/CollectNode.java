package io.streamz.internal.state;

import io.streamz.CollectStream;
import io.streamz.Stream;
import io.streamz.internal.window.HeldElements;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Implements {@link Stream#collect()}. */
public final class CollectNode<T> extends CollectStream<T> {
    private final HeldElements<T> held = new HeldElements<>();

    public CollectNode(Stream<? extends T> upstream) {
        super(upstream);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
        held.add((T) x, metadata);
        return null;
    }

    @Override
    public void flush() {
        enterGraph(() -> {
            List<T> values = held.values();
            List<Map<String, Object>> md = held.metadata();
            try {
                return emitDownstream(values, md);
            } finally {
                // as streamz: emitted first, released and cleared after
                held.clear();
            }
        });
    }

    @Override
    protected long heldCount() {
        return held.size();
    }
}
