package io.streamz.internal;

import io.streamz.Signal;
import io.streamz.Stream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * For nodes whose elements go on later, each when its own work completes (asynchronous calls, a
 * rate limit): a signal goes on once every element that arrived before it has, in arrival order,
 * even when their work completes out of order. Used inside the graph only.
 */
public final class SignalsAfterWork {
    private final ArrayDeque<CompletableFuture<?>> inFlight = new ArrayDeque<>();
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private long accepted;
    private long donePrefix;

    private record Waiting(long after, Signal signal, Stream<?> from, CompletableFuture<Object> done) {
    }

    /**
     * Records an element's work, in arrival order.
     *
     * @param work completes when the element has gone on; {@code null} if it has already
     */
    public void accepted(CompletableFuture<?> work) {
        accepted++;
        if ((work == null || work.isDone()) && inFlight.isEmpty()) {
            donePrefix++;
        } else {
            inFlight.add(work != null ? work : CompletableFuture.completedFuture(null));
        }
    }

    /**
     * Passes {@code signal} on now if every element before it has gone on, or keeps it until then.
     *
     * @param signal the signal
     * @param who where it came from
     * @param forward the node's {@code forwardSignal}
     * @param onWorkDone enters the graph and calls {@link #workDone}; run as each element before
     *     the kept signal completes
     * @return pending downstream work: for a kept end, a future completed once it went on and the
     *     work downstream is done
     */
    public CompletableFuture<?> signal(Signal signal, Stream<?> who,
                                       BiFunction<Signal, Stream<?>, CompletableFuture<?>> forward,
                                       Runnable onWorkDone) {
        if (donePrefix == accepted) {
            return forward.apply(signal, who);
        }
        CompletableFuture<Object> done = signal instanceof Signal.End ? new CompletableFuture<>() : null;
        waiting.add(new Waiting(accepted, signal, who, done));
        for (CompletableFuture<?> work : new ArrayList<>(inFlight)) {
            work.whenComplete((r, e) -> onWorkDone.run());   // may run at once, and pass it on
        }
        return done;
    }

    /**
     * Call when some element's work completed, inside the graph: passes on the signals whose
     * elements have all gone on.
     *
     * @param forward the node's {@code forwardSignal}
     * @return pending downstream work of the signals passed on, or {@code null}
     */
    public CompletableFuture<?> workDone(BiFunction<Signal, Stream<?>, CompletableFuture<?>> forward) {
        while (!inFlight.isEmpty() && inFlight.peek().isDone()) {
            inFlight.poll();
            donePrefix++;
        }
        CompletableFuture<?> pending = null;
        while (!waiting.isEmpty() && waiting.peek().after() <= donePrefix) {
            Waiting w = waiting.poll();
            CompletableFuture<?> after;
            try {
                after = forward.apply(w.signal(), w.from());
            } catch (RuntimeException | Error e) {
                if (w.done() != null) {
                    w.done().completeExceptionally(e);
                }
                continue;
            }
            if (w.done() != null) {
                HeldSignals.completeWhenDone(w.done(), after);
            } else if (after != null) {
                pending = after;
            }
        }
        return pending;
    }

    /**
     * Whether a signal waits.
     *
     * @return {@code true} when some signal is kept back
     */
    public boolean hasWaiting() {
        return !waiting.isEmpty();
    }
}
