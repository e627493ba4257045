package io.streamz.distributed.internal;

import io.streamz.ErrorPolicy;
import io.streamz.NodeException;
import io.streamz.Stream;
import io.streamz.distributed.Engine;
import io.streamz.distributed.Task;
import io.streamz.internal.Node;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import reactor.core.scheduler.Schedulers;

/**
 * Implements the distributed {@code map}, {@code starmap} and {@code filter}: once an element's
 * future is done, its task goes to the engine; the task's future goes downstream at once, so the
 * element's {@code emit} does not wait for the task. A failed task is sent again under
 * {@link ErrorPolicy#retry}; its last failure reaches {@code gather}, which applies this node's
 * policy. {@link #stats()} counts the tasks in flight on the engine as held.
 */
public final class TaskNode<T, R> extends Node<CompletableFuture<T>, CompletableFuture<R>> implements TaskFailure.Origin {
    private final Engine engine;
    private final Function<T, Task<?>> task;
    private final AtomicLong inFlight = new AtomicLong();

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
        Task<?> t;
        try {
            t = task.apply(x);
        } catch (RuntimeException e) {
            out.completeExceptionally(new TaskFailure(this, (NodeException) failure(e, x), 1));
            return out;
        }
        submit(t, x, 1, out);
        return out;
    }

    private void submit(Task<?> t, T x, int attempt, CompletableFuture<R> out) {
        inFlight.incrementAndGet();
        Futures.submit(engine, t).whenComplete((r, e) -> {
            inFlight.decrementAndGet();
            if (e == null) {
                out.complete(cast(r));
            } else {
                failed(Futures.cause(e), t, x, attempt, out);
            }
        });
    }

    private void failed(Throwable e, Task<?> t, T x, int attempt, CompletableFuture<R> out) {
        if (errorPolicy().kind() == ErrorPolicy.Kind.RETRY) {
            // the retry count is the node's: counted inside the graph
            enterGraph(() -> {
                if (!retryLater(attempt, Schedulers.parallel(), () -> submit(t, x, attempt + 1, out))) {
                    out.completeExceptionally(new TaskFailure(this, (NodeException) failure(e, x), attempt));
                }
                return null;
            });
        } else {
            out.completeExceptionally(new TaskFailure(this, (NodeException) failure(e, x), attempt));
        }
    }

    @Override
    public CompletableFuture<?> failed(NodeException failure, int attempts, List<Map<String, Object>> metadata) {
        return fail(failure, failure.element(), metadata, attempts);
    }

    @Override
    protected boolean retries() {
        return true;
    }

    @Override
    protected long heldCount() {
        return inFlight.get();
    }
}
