package io.streamz.internal;

import io.streamz.Signal;
import io.streamz.Stream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;

/**
 * Signals a node keeps back until the elements that arrived before them have gone on, so that a
 * watermark or the end never overtakes an element. Watermarks only grow, so the latest one held
 * stands for all; an idle input stays idle until its next watermark; the end comes last. Used
 * inside the graph only.
 */
public final class HeldSignals {
    private Signal.Watermark watermark;
    private Stream<?> watermarkFrom;
    private Stream<?> idleFrom;
    private boolean end;
    private Stream<?> endFrom;
    private CompletableFuture<Object> endDone;

    /**
     * Keeps {@code signal} back.
     *
     * @param signal the signal
     * @param who the upstream it came from
     * @return what the node returns for it: for the end, a future completed once it has gone on
     *     and the work downstream is done; {@code null} for a watermark
     */
    public CompletableFuture<?> hold(Signal signal, Stream<?> who) {
        if (signal instanceof Signal.End) {
            end = true;
            endFrom = who;
            if (endDone == null) {
                endDone = new CompletableFuture<>();
            }
            return endDone;
        }
        if (signal instanceof Signal.Watermark) {
            Signal.Watermark w = (Signal.Watermark) signal;
            if (watermark == null || w.compareTo(watermark) > 0) {
                watermark = w;
                watermarkFrom = who;
            }
            idleFrom = null;   // active again
        } else if (signal instanceof Signal.Idle) {
            idleFrom = who;
        }
        return null;
    }

    /**
     * Whether nothing is held.
     *
     * @return {@code true} when no signal waits
     */
    public boolean isEmpty() {
        return watermark == null && idleFrom == null && !end;
    }

    /**
     * Passes on what is held, the watermark first and the end last, through {@code forward} (the node's
     * {@code forwardSignal}).
     *
     * @param forward passes one signal on and returns its pending downstream work
     * @return the pending downstream work, or {@code null}
     */
    public CompletableFuture<?> release(BiFunction<Signal, Stream<?>, CompletableFuture<?>> forward) {
        CompletableFuture<?> pending = null;
        if (watermark != null) {
            Signal.Watermark w = watermark;
            watermark = null;
            pending = forward.apply(w, watermarkFrom);
        }
        if (idleFrom != null) {
            Stream<?> from = idleFrom;
            idleFrom = null;
            CompletableFuture<?> after = forward.apply(Signal.idle(), from);
            if (after != null) {
                pending = pending == null ? after : CompletableFuture.allOf(pending, after);
            }
        }
        if (end) {
            end = false;
            CompletableFuture<Object> done = endDone;
            endDone = null;
            CompletableFuture<?> after;
            try {
                after = forward.apply(Signal.end(), endFrom);
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
                return pending;
            }
            completeWhenDone(done, after);
        }
        return pending;
    }

    /**
     * Completes {@code done} when {@code work} is (at once when it is {@code null}), with its
     * failure if it failed.
     *
     * @param done the future to complete
     * @param work the work, or {@code null}
     */
    public static void completeWhenDone(CompletableFuture<Object> done, CompletableFuture<?> work) {
        if (work == null) {
            done.complete(null);
        } else {
            work.whenComplete((r, e) -> {
                if (e != null) {
                    done.completeExceptionally(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
                } else {
                    done.complete(null);
                }
            });
        }
    }
}
