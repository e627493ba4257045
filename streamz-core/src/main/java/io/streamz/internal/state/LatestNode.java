package io.streamz.internal.state;

import io.streamz.Signal;
import io.streamz.Stream;
import io.streamz.internal.HeldSignals;
import io.streamz.internal.time.AsyncNode;
import io.streamz.internal.util.Refs;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Implements {@link Stream#latest()}. As in streamz, the node holds the most recent element (and
 * its refs) until a newer one replaces it, sent or not; it sends it as soon as its downstream is
 * free, as streamz's documentation says.
 */
public final class LatestNode<T> extends AsyncNode<T, T> {
    private boolean busy;
    private boolean unsent;
    private T latest;
    private List<Map<String, Object>> latestMetadata;
    private final HeldSignals heldSignals = new HeldSignals();
    /** Whether an element that came before the held signals is still unsent. */
    private boolean unsentBeforeSignals;

    public LatestNode(Stream<T> upstream) {
        super(upstream, "latest");
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        Refs.retain(metadata);
        if (latestMetadata != null) {
            Refs.release(latestMetadata);   // replaced by a newer element: dropped if never sent
        }
        latest = x;
        latestMetadata = metadata;
        if (busy) {
            unsent = true;
            return null;
        }
        return send();
    }

    /** Sends the latest element; returns its downstream work only when done (a failure reaches emit). */
    private CompletableFuture<?> send() {
        unsent = false;
        CompletableFuture<?> pending = emitAndHold(latest, latestMetadata);
        if (pending == null || pending.isDone()) {
            return pending;
        }
        busy = true;
        doneOrResume(pending, this::resume);
        return null;
    }

    private void resume() {
        busy = false;
        if (!heldSignals.isEmpty() && !unsentBeforeSignals) {
            heldSignals.release(this::forwardSignal);
        }
        if (unsent) {
            unsentBeforeSignals = false;
            doneOrResume(send(), () -> { });
        }
        if (!busy && !heldSignals.isEmpty()) {
            heldSignals.release(this::forwardSignal);
        }
    }

    /** A signal waits until the element that came before it was sent. */
    @Override
    protected CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
        if (!busy) {
            return forwardSignal(signal, who);
        }
        if (heldSignals.isEmpty()) {
            unsentBeforeSignals = unsent;
        }
        return heldSignals.hold(signal, who);
    }

    /** Releases the element it holds, if any. */
    @Override
    public void destroy() {
        super.destroy();
        enterGraph(() -> {
            if (latestMetadata != null) {
                Refs.release(latestMetadata);
                latestMetadata = null;
                latest = null;
                unsent = false;
            }
            return null;
        });
    }
}
