package io.streamz.internal.time;

import io.streamz.Signal;
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
    /** Elements admitted (at most n) and signals kept in line behind them. */
    private final ArrayDeque<Held<T>> queue = new ArrayDeque<>();
    private final ArrayDeque<Waiting<T>> waiting = new ArrayDeque<>();
    private int queued;
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
        if (queued < n && waiting.isEmpty()) {
            Refs.retain(metadata);   // held while queued (the emit that brought it returns now)
            queue.add(h);
            queued++;
            if (!busy) {
                drain();
            }
            return null;
        }
        Waiting<T> w = new Waiting<>(h, new CompletableFuture<>());
        waiting.add(w);
        return w.admitted();
    }

    /** A signal waits in line behind the elements that came before it. */
    @Override
    protected CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
        if (queue.isEmpty() && waiting.isEmpty() && !busy) {
            return forwardSignal(signal, who);
        }
        Held<T> h = Held.signal(signal, who, 0);
        if (waiting.isEmpty()) {
            queue.add(h);
        } else {
            waiting.add(new Waiting<>(h, CompletableFuture.completedFuture(null)));
        }
        return h.signalDone();
    }

    private void drain() {
        while (!queue.isEmpty()) {
            Held<T> h = queue.poll();
            if (h.isSignal()) {
                passHeldSignal(h);
                continue;
            }
            queued--;
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
        while (!waiting.isEmpty() && (queued < n || waiting.peek().held().isSignal())) {
            Waiting<T> w = waiting.poll();
            if (!w.held().isSignal()) {
                Refs.retain(w.held().metadata());   // before its emit's hold goes with admitted()
                queued++;
            }
            queue.add(w.held());
            w.admitted().complete(null);
        }
    }

    @Override
    public void destroy() {
        super.destroy();
        enterGraph(() -> {
            queue.forEach(h -> Refs.release(h.metadata()));
            queue.clear();
            queued = 0;
            for (Waiting<T> w : waiting) {
                w.admitted().complete(null);   // its emit lets go of the refs
            }
            waiting.clear();
            return null;
        });
    }

    @Override
    protected long heldCount() {
        return (long) queued + waiting.size();
    }

    private record Waiting<T>(Held<T> held, CompletableFuture<Void> admitted) {
    }
}
