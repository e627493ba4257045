package io.streamz.internal.join;

import io.streamz.Stream;
import io.streamz.internal.util.Lists;
import io.streamz.internal.util.Refs;
import io.streamz.internal.window.HeldElements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Implements {@link Stream#zip(Stream...)}. An upstream that runs more than {@link #MAX_SIZE}
 * elements ahead gets back-pressure as in streamz: the element is kept, and the emit that brought
 * it waits (outside the graph's guard) until the zip emits its next tuple.
 */
public final class ZipNode extends JoinNode<HeldElements<Object>, List<Object>> {
    /** streamz's default {@code maxsize}: elements one upstream may be ahead before it waits. */
    public static final int MAX_SIZE = 10;

    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();

    public ZipNode(List<? extends Stream<?>> upstreams) {
        super(upstreams, "zip", HeldElements::new);
    }

    @Override
    protected CompletableFuture<?> accept(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
        List<HeldElements<Object>> mine = slotsOf(who);
        for (HeldElements<Object> buffer : mine) {
            buffer.add(x, metadata);
        }
        if (mine.isEmpty()) {
            return null;
        }
        if (slots().stream().noneMatch(HeldElements::isEmpty)) {
            return emitOldest();
        }
        if (mine.get(0).size() > MAX_SIZE) {
            CompletableFuture<Void> wait = new CompletableFuture<>();
            waiting.add(wait);
            return wait;
        }
        return null;
    }

    private CompletableFuture<?> emitOldest() {
        List<HeldElements<Object>> slots = slots();
        Object[] values = new Object[slots.size()];
        List<List<Map<String, Object>>> mds = new ArrayList<>(slots.size());
        for (int i = 0; i < values.length; i++) {
            values[i] = slots.get(i).oldest();
            mds.add(slots.get(i).detachOldest());
        }
        wakeWaiting();
        List<Map<String, Object>> md = Refs.concat(mds);
        try {
            return emitDownstream(Lists.of(values), md);
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
}
