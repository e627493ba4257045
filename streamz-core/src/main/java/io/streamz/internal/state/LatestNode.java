package io.streamz.internal.state;

import io.streamz.Stream;
import io.streamz.internal.time.AsyncNode;
import io.streamz.internal.util.Refs;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Implements {@link Stream#latest()}. */
public final class LatestNode<T> extends AsyncNode<T, T> {
    private boolean busy;
    private boolean holding;
    private T next;
    private List<Map<String, Object>> nextMetadata;

    public LatestNode(Stream<T> upstream) {
        super(upstream, "latest");
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        Refs.retain(metadata);
        if (busy) {
            if (holding) {
                Refs.release(nextMetadata);   // dropped for a newer element
            }
            holding = true;
            next = x;
            nextMetadata = metadata;
            return null;
        }
        CompletableFuture<?> pending;
        try {
            pending = emitDownstream(x, metadata);
        } finally {
            Refs.release(metadata);
        }
        if (pending == null || pending.isDone()) {
            return pending;   // a failure still reaches this emit
        }
        busy = true;
        doneOrResume(pending, this::sendHeld);
        return null;
    }

    private void sendHeld() {
        busy = false;
        while (holding) {
            T x = next;
            List<Map<String, Object>> md = nextMetadata;
            holding = false;
            next = null;
            nextMetadata = null;
            busy = true;
            if (!doneOrResume(emitHeld(x, md), this::sendHeld)) {
                return;
            }
            busy = false;
        }
    }

    /** Releases the element it holds, if any. */
    @Override
    public void destroy() {
        super.destroy();
        enterGraph(() -> {
            if (holding) {
                Refs.release(nextMetadata);
                holding = false;
                next = null;
                nextMetadata = null;
            }
            return null;
        });
    }
}
