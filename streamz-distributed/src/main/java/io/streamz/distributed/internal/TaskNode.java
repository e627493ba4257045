package io.streamz.distributed.internal;

import io.streamz.Stream;
import io.streamz.distributed.Engine;
import io.streamz.distributed.Task;
import io.streamz.internal.Node;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Implements the distributed {@code map}, {@code starmap} and {@code filter}: once an element's
 * future is done, its task goes to the engine; the task's future goes downstream at once, so the
 * element's {@code emit} does not wait for the task.
 */
public final class TaskNode<T, R> extends Node<CompletableFuture<T>, CompletableFuture<R>> {
    private final Engine engine;
    private final Function<T, Task<?>> task;

    /**
     * @param task builds the task for a value; may throw (starmap given no pair), which fails
     *     that element
     */
    public TaskNode(Stream<CompletableFuture<T>> upstream, String kind, Engine engine, Function<T, Task<?>> task) {
        super(upstream, kind);
        this.engine = engine;
        this.task = task;
    }

    @Override
    protected CompletableFuture<?> accept(CompletableFuture<T> x, Stream<?> who, List<Map<String, Object>> metadata) {
        return emitDownstream(x.thenCompose(this::run), metadata);
    }

    private CompletableFuture<R> run(T x) {
        if (Empty.is(x)) {
            return cast(CompletableFuture.completedFuture(x));
        }
        CompletableFuture<R> out = new CompletableFuture<>();
        try {
            engine.submit(task.apply(x)).whenComplete((r, e) -> {
                if (e == null) {
                    out.complete(cast(r));
                } else {
                    out.completeExceptionally(failure(Futures.cause(e), x));
                }
            });
        } catch (RuntimeException e) {
            out.completeExceptionally(failure(e, x));
        }
        return out;
    }
}
