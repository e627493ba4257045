package io.streamz.distributed.internal;

import io.streamz.Signal;
import io.streamz.Stream;
import io.streamz.internal.Node;
import io.streamz.internal.SignalsAfterWork;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Implements {@link io.streamz.distributed.DistributedStream#gather()}: waits for each future and
 * emits its value (nothing for an element a filter dropped); the element's emit waits for it, so
 * a {@code buffer} upstream passes the next one only then and the order is kept. A task's failure
 * goes to the error policy of the node that sent the task, here, in order, with the element's
 * metadata; the end of the input goes on once every element before it was gathered. Holds (in
 * {@link #stats()}) the futures it waits for.
 */
public final class GatherNode<T> extends Node<CompletableFuture<T>, T> {
    private final SignalsAfterWork signals = new SignalsAfterWork();
    private long waiting;

    public GatherNode(Stream<CompletableFuture<T>> upstream) {
        super(upstream, "gather");
    }

    @Override
    protected CompletableFuture<?> accept(CompletableFuture<T> x, Stream<?> who, List<Map<String, Object>> metadata) {
        if (x.isDone()) {
            CompletableFuture<?> pending = resolve(x, metadata);   // a failure reaches emit directly
            signals.accepted(pending);
            return pending;
        }
        waiting++;
        CompletableFuture<Object> done = new CompletableFuture<>();
        x.whenComplete((v, e) -> enterGraph(() -> {
            waiting--;
            CompletableFuture<?> pending;
            try {
                pending = resolve(x, metadata);
            } catch (RuntimeException | Error e2) {
                done.completeExceptionally(e2);
                return null;
            }
            if (pending == null) {
                done.complete(null);
            } else {
                pending.whenComplete((r, e3) -> {
                    if (e3 != null) {
                        done.completeExceptionally(Futures.cause(e3));
                    } else {
                        done.complete(null);
                    }
                });
            }
            return null;
        }));
        signals.accepted(done);
        return done;
    }

    private CompletableFuture<?> resolve(CompletableFuture<T> x, List<Map<String, Object>> metadata) {
        T value;
        try {
            value = x.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = Futures.cause(e);
            if (cause instanceof TaskFailure) {
                return ((TaskFailure) cause).handle(metadata);
            }
            return fail(cause, x, metadata);
        }
        return Empty.is(value) ? null : emitDownstream(value, metadata);
    }

    /** The end goes on once every element that arrived before it was gathered. */
    @Override
    protected CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
        return signals.signal(signal, who, this::forwardSignal,
                () -> enterGraph(() -> signals.workDone(this::forwardSignal)));
    }

    @Override
    protected long heldCount() {
        return waiting;
    }
}
