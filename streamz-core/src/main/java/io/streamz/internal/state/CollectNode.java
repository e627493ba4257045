package io.streamz.internal.state;

import io.streamz.internal.HeldSignals;
import io.streamz.Signal;
import io.streamz.CollectStream;
import io.streamz.Stream;
import io.streamz.internal.window.HeldElements;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Implements {@link Stream#collect()}. */
public final class CollectNode<T> extends CollectStream<T> {
    private final HeldElements<T> held = new HeldElements<>();
    private final HeldSignals heldSignals = new HeldSignals();

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
                heldSignals.release(this::forwardSignal);
            }
        });
    }

    @Override
    protected long heldCount() {
        return held.size();
    }

    /**
     * A watermark waits for the flush of the elements held before it; the end goes on at once
     * (the elements stay held until {@code flush()}).
     */
    @Override
    protected CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
        if (held.isEmpty() || signal instanceof Signal.End) {
            return forwardSignal(signal, who);
        }
        return heldSignals.hold(signal, who);
    }
}
