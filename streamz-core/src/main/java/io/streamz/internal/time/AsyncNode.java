package io.streamz.internal.time;

import io.streamz.Stream;
import io.streamz.internal.HeldSignals;
import io.streamz.internal.Node;
import io.streamz.internal.util.Refs;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Base of the nodes that hold elements and pass them on later, after downstream work finished or
 * a timer fired: the later work re-enters the graph through {@code enterGraph}, so one graph stays
 * single-threaded whatever thread completes the work.
 *
 * <p>A failure downstream of such a node has no {@code emit} left to reach (the element's emit
 * returned when the node took it); it goes to the current thread's uncaught-exception handler, and
 * the node goes on with the next element.
 *
 * @param <T> the element type received from upstream
 * @param <R> the element type emitted downstream
 */
public abstract class AsyncNode<T, R> extends Node<T, R> {

    protected AsyncNode(Stream<? extends T> upstream, String kind) {
        super(upstream, kind);
    }

    /** Runs {@code body} inside the graph now, reporting its failure instead of throwing it. */
    protected final void inGraph(Runnable body) {
        enterGraph(() -> {
            try {
                body.run();
            } catch (RuntimeException | Error e) {
                report(e);
            }
            return null;
        });
    }

    /**
     * Whether {@code pending} is done; if it is not, arranges for {@code resume} to run inside the
     * graph, on the thread that completes it, once it is. A failure of {@code pending} is reported.
     */
    protected final boolean doneOrResume(CompletableFuture<?> pending, Runnable resume) {
        if (pending == null || pending.isDone()) {
            reportFailure(pending);
            return true;
        }
        pending.whenComplete((r, e) -> {
            reportFailure(pending);
            inGraph(resume);
        });
        return false;
    }

    /**
     * Emits {@code x} downstream from a timer or completion, where no caller waits: a synchronous
     * failure is reported, and the node's own hold of {@code x}'s refs is handed over: the refs
     * stay retained while downstream work on {@code x} is pending, then are released.
     *
     * @return the pending downstream work, or {@code null}
     */
    protected final CompletableFuture<?> emitHeld(R x, List<Map<String, Object>> metadata) {
        try {
            return emitAndHold(x, metadata);
        } catch (RuntimeException | Error e) {
            report(e);
            return null;
        } finally {
            // the node hands its hold over: emitAndHold keeps the refs while work is pending
            Refs.release(metadata);
        }
    }

    /**
     * Passes on a signal that waited in line ({@link Held#signal}), completing its future once
     * it went on and the work downstream is done; a failure is reported.
     */
    final void passHeldSignal(Held<?> h) {
        CompletableFuture<?> after;
        try {
            after = forwardSignal(h.signal(), h.from());
        } catch (RuntimeException | Error e) {
            if (h.signalDone() != null) {
                h.signalDone().completeExceptionally(e);
            }
            report(e);
            return;
        }
        if (h.signalDone() != null) {
            HeldSignals.completeWhenDone(h.signalDone(), after);
        }
    }

    /** Reports a failure nobody waits for (see {@link Stream#unhandled}): logged, never thrown. */
    protected final void report(Throwable e) {
        unhandled(e);
    }

    private void reportFailure(CompletableFuture<?> done) {
        if (done != null && done.isCompletedExceptionally()) {
            try {
                done.join();
            } catch (CompletionException | CancellationException e) {
                report(e.getCause() != null ? e.getCause() : e);
            }
        }
    }
}
