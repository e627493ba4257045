package io.streamz.internal.window;

import io.streamz.Keep;
import io.streamz.internal.HeldSignals;
import io.streamz.Signal;
import io.streamz.Stream;
import io.streamz.internal.Node;
import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Keys;
import io.streamz.internal.util.Lists;
import io.streamz.internal.util.Refs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Implements {@link Stream#partitionUnique(int, Function, Keep)}. */
public final class PartitionUniqueNode<T> extends Node<T, List<T>> {
    private final int n;
    private final Function<? super T, ?> key;
    private final boolean keepLast;
    private final LinkedHashMap<Object, Held<T>> buffer = new LinkedHashMap<>();
    private final HeldSignals heldSignals = new HeldSignals();

    private static final class Held<T> {
        final T value;
        final List<Map<String, Object>> metadata;

        Held(T value, List<Map<String, Object>> metadata) {
            this.value = value;
            this.metadata = metadata;
        }
    }

    public PartitionUniqueNode(Stream<T> upstream, int n, Function<? super T, ?> key, Keep keep) {
        super(upstream, "partitionUnique");
        this.key = Checks.notNull(key, "partitionUnique", "key");
        this.keepLast = Checks.notNull(keep, "partitionUnique", "keep") == Keep.LAST;
        this.n = Checks.positive(n, "partitionUnique", "n");
    }

    @Override
    protected String describeParams() {
        return "n=" + n + ", keep=" + (keepLast ? "last" : "first");
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        Object k = Keys.of(key, x, this);
        // exactly as streamz 0.6.4: every element's refs are retained, but only those of the
        // elements emitted are released; a duplicate dropped or replaced keeps its refs
        Refs.retain(metadata);
        if (keepLast) {
            buffer.remove(k);
            buffer.put(k, new Held<>(x, metadata));
        } else {
            buffer.putIfAbsent(k, new Held<>(x, metadata));
        }
        if (buffer.size() < n) {
            return null;
        }
        List<T> values = new ArrayList<>(n);
        List<List<Map<String, Object>>> mds = new ArrayList<>(n);
        for (Held<T> h : buffer.values()) {
            values.add(h.value);
            mds.add(h.metadata);
        }
        buffer.clear();
        List<Map<String, Object>> md = Refs.concat(mds);
        try {
            return both(emitDownstream(Lists.copyOf(values), md), heldSignals.release(this::forwardSignal));
        } finally {
            Refs.release(md);
        }
    }

    @Override
    protected long heldCount() {
        return buffer.size();
    }

    /**
     * A watermark waits until the elements held before it were emitted; the end goes on at once
     * (as in streamz, a partial partition stays held).
     */
    @Override
    protected CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
        if (buffer.isEmpty() || signal instanceof Signal.End) {
            return forwardSignal(signal, who);
        }
        return heldSignals.hold(signal, who);
    }
}
