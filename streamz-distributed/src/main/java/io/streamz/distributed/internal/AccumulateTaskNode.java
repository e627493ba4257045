package io.streamz.distributed.internal;

import io.streamz.NodeException;
import io.streamz.Stream;
import io.streamz.distributed.Engine;
import io.streamz.distributed.SerializableBiFunction;
import io.streamz.distributed.Task;
import io.streamz.internal.Node;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Implements the distributed {@code accumulate}: the state is a future; each element's task
 * starts once both the state before it and the element are done, and its result is the next
 * state, emitted as a future at once. A failed task emits its failure and leaves the state as it
 * was (as the local {@code accumulate}); without a start, the first element is the state. The
 * failure reaches {@code gather}, which applies this node's error policy; {@link #stats()} counts
 * the task in flight as held.
 */
public final class AccumulateTaskNode<S, T> extends Node<CompletableFuture<T>, CompletableFuture<S>>
        implements TaskFailure.Origin {
    private final Engine engine;
    private final SerializableBiFunction<? super S, ? super T, ? extends S> func;
    /** Completes with the state, or with {@link Empty#ELEMENT} while there is none; never fails. */
    private CompletableFuture<Object> state;
    private final AtomicLong inFlight = new AtomicLong();

    public AccumulateTaskNode(Stream<CompletableFuture<T>> upstream, Engine engine,
            SerializableBiFunction<? super S, ? super T, ? extends S> func, boolean hasStart, S start) {
        super(upstream, "accumulate");
        this.engine = engine;
        this.func = func;
        this.state = CompletableFuture.completedFuture(hasStart ? start : Empty.ELEMENT);
    }

    @Override
    protected CompletableFuture<?> accept(CompletableFuture<T> x, Stream<?> who, List<Map<String, Object>> metadata) {
        CompletableFuture<Object> out = new CompletableFuture<>();
        CompletableFuture<Object> next = new CompletableFuture<>();
        state.thenAccept(s -> x.whenComplete((v, e) -> step(s, v, e, out, next)));
        state = next;
        return emitDownstream(cast(out), metadata);
    }

    private void step(Object s, T x, Throwable upstreamFailure, CompletableFuture<Object> out, CompletableFuture<Object> next) {
        if (upstreamFailure != null || Empty.is(x) || Empty.is(s)) {
            next.complete(upstreamFailure != null || Empty.is(x) ? s : x);
            if (upstreamFailure != null) {
                out.completeExceptionally(Futures.cause(upstreamFailure));
            } else {
                out.complete(x);
            }
            return;
        }
        try {
            Task<S> task = new Tasks.Apply2<>(func, cast(s), x);
            inFlight.incrementAndGet();
            Futures.submit(engine, task).whenComplete((r, e) -> {
                inFlight.decrementAndGet();
                next.complete(e == null ? r : s);
                if (e == null) {
                    out.complete(r);
                } else {
                    out.completeExceptionally(new TaskFailure(this, (NodeException) failure(Futures.cause(e), x), 1));
                }
            });
        } catch (RuntimeException e) {
            next.complete(s);
            out.completeExceptionally(new TaskFailure(this, (NodeException) failure(e, x), 1));
        }
    }

    @Override
    public CompletableFuture<?> failed(NodeException failure, int attempts, List<Map<String, Object>> metadata) {
        return fail(failure, failure.element(), metadata, attempts);
    }

    @Override
    protected long heldCount() {
        return inFlight.get();
    }
}
