package io.streamz.internal.join;

import io.streamz.Stream;
import io.streamz.internal.util.Refs;
import io.streamz.internal.window.HeldElements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Implements {@link Stream#zip(Stream...)} and the typed {@link Stream#zipWith(Stream)} forms. An
 * upstream that runs more than {@link #MAX_SIZE} elements ahead gets back-pressure as in streamz:
 * the element is kept, and the emit that brought it waits (outside the graph's guard) until the
 * zip emits its next tuple.
 *
 * @param <R> what the zip emits for the values of one tuple
 */
public final class ZipNode<R> extends JoinNode<HeldElements<Object>, R> {
    /** streamz's default {@code maxsize}: elements one upstream may be ahead before it waits. */
    public static final int MAX_SIZE = 10;

    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();

    public ZipNode(List<? extends Stream<?>> upstreams, Combine<R> combine) {
        super(upstreams, combine, HeldElements::new);
    }

    @Override
    protected CompletableFuture<?> accept(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
        // no allocation on this path but for the emitted tuple: it runs once per element per upstream
        HeldElements<Object> first = null;
        boolean full = true;
        for (int i = 0, n = slotCount(); i < n; i++) {
            HeldElements<Object> slot = slot(i);
            if (slotUpstream(i) == who) {
                slot.add(x, metadata);
                if (first == null) {
                    first = slot;
                }
            }
            full &= !slot.isEmpty();
        }
        if (first == null) {
            return null;
        }
        if (full) {
            return emitOldest();
        }
        if (first.size() > MAX_SIZE) {
            CompletableFuture<Void> wait = new CompletableFuture<>();
            waiting.add(wait);
            return wait;
        }
        return null;
    }

    private CompletableFuture<?> emitOldest() {
        int n = slotCount();
        Object[] values = new Object[n];
        List<Map<String, Object>> md = List.of();
        List<List<Map<String, Object>>> mds = null;
        for (int i = 0; i < n; i++) {
            HeldElements<Object> slot = slot(i);
            values[i] = slot.oldest();
            List<Map<String, Object>> one = slot.detachOldest();
            if (!one.isEmpty()) {
                if (mds == null) {
                    mds = new ArrayList<>(n);
                }
                mds.add(one);
            }
        }
        if (mds != null) {
            md = Refs.concat(mds);
        }
        wakeWaiting();
        try {
            return emitDownstream(combine(values), md);
        } finally {
            Refs.release(md);
        }
    }

    private void wakeWaiting() {
        if (!waiting.isEmpty()) {
            List<CompletableFuture<Void>> wake = new ArrayList<>(waiting);
            waiting.clear();
            wake.forEach(w -> w.complete(null));
        }
    }

    @Override
    protected void slotRemoved(HeldElements<Object> slot) {
        slot.clear();
    }

    @Override
    protected void slotsChanged() {
        wakeWaiting();
    }

    @Override
    protected long heldCount() {
        long n = 0;
        for (HeldElements<Object> slot : slots()) {
            n += slot.size();
        }
        return n;
    }
}
