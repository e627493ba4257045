package io.streamz.internal.window;

import io.streamz.Stream;
import io.streamz.internal.Node;
import io.streamz.internal.util.Checks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Implements {@link Stream#slidingWindow(int, boolean)}. */
public final class SlidingWindowNode<T> extends Node<T, List<T>> {
    private final int n;
    private final boolean returnPartial;
    private final HeldElements<T> window = new HeldElements<>();

    public SlidingWindowNode(Stream<T> upstream, int n, boolean returnPartial) {
        super(upstream, "slidingWindow");
        this.n = Checks.positive(n, "slidingWindow", "n");
        this.returnPartial = returnPartial;
    }

    @Override
    protected String describeParams() {
        return "n=" + n + (returnPartial ? "" : ", returnPartial=false");
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        window.add(x, metadata);
        if (!returnPartial && window.size() < n) {
            return null;
        }
        try {
            return emitDownstream(window.values(), window.metadata());
        } finally {
            if (window.size() == n) {
                window.removeOldest();   // it will never be emitted again: release its refs now
            }
        }
    }

    @Override
    protected long heldCount() {
        return window.size();
    }
}
