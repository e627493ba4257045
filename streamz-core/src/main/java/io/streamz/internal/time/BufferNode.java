package io.streamz.internal.time;

import io.streamz.Stream;
import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Refs;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Implements {@link Stream#buffer(int)}. */
public final class BufferNode<T> extends AsyncNode<T, T> {
    private final int n;
    private final ArrayDeque<Held<T>> queue = new ArrayDeque<>();
    private final ArrayDeque<Waiting<T>> waiting = new ArrayDeque<>();
    private boolean busy;

    public BufferNode(Stream<T> upstream, int n) {
        super(upstream, "buffer");
        this.n = Checks.positive(n, "buffer", "n");
    }

    @Override
    protected String describeParams() {
        return "n=" + n;
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        Held<T> h = new Held<>(x, metadata, 0);
        if (queue.size() < n) {
            Refs.retain(metadata);   // held while queued (the emit that brought it returns now)
            queue.add(h);
            if (!busy) {
                drain();
            }
            return null;
        }
        Waiting<T> w = new Waiting<>(h, new CompletableFuture<>());
        waiting.add(w);
        return w.admitted();
    }

    private void drain() {
        while (!queue.isEmpty()) {
            Held<T> h = queue.poll();
            admit();   // as streamz's Queue(maxsize=n): taking one out frees a slot at once
            busy = true;
            if (!doneOrResume(emitHeld(h.value(), h.metadata()), this::resume)) {
                return;
            }
            busy = false;
        }
    }

    private void resume() {
        busy = false;
        drain();
    }

    private void admit() {
        while (queue.size() < n && !waiting.isEmpty()) {
            Waiting<T> w = waiting.poll();
            Refs.retain(w.held().metadata());   // before its emit's hold goes with admitted()
            queue.add(w.held());
            w.admitted().complete(null);
        }
    }

    /** Releases the elements still waiting; their blocked {@code emit} calls return. */
    @Override
    public void destroy() {
        super.destroy();
        enterGraph(() -> {
            queue.forEach(h -> Refs.release(h.metadata()));
            queue.clear();
            for (Waiting<T> w : waiting) {
                w.admitted().complete(null);   // its emit lets go of the refs
            }
            waiting.clear();
            return null;
        });
    }

    private record Waiting<T>(Held<T> held, CompletableFuture<Void> admitted) {
    }

    @Override
    protected long heldCount() {
        return (long) queue.size() + waiting.size();
    }
}
