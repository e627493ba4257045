package io.streamz.internal.time;

import io.streamz.Stream;
import io.streamz.Signal;
import io.streamz.internal.Node;
import io.streamz.internal.SignalsAfterWork;
import io.streamz.internal.util.Checks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import reactor.core.scheduler.Scheduler;

/**
 * Base of the nodes that call an asynchronous user function per element ({@code sinkAsync},
 * {@code mapAsync} and their {@code Publisher} twins): the element's emit waits for the returned
 * stage (back-pressure), its refs are held (by that emit) until the call and what follows it are
 * done, and a failure goes through the node's error policy, retries included.
 *
 * @param <T> the element type received
 * @param <R> the element type emitted
 */
public abstract class AsyncCallNode<T, R> extends Node<T, R> {
    private final Function<? super T, ? extends CompletionStage<?>> func;
    private final Scheduler scheduler;
    private final SignalsAfterWork signals = new SignalsAfterWork();

    protected AsyncCallNode(Stream<T> upstream, String kind, Function<? super T, ? extends CompletionStage<?>> func,
                            Scheduler scheduler) {
        super(upstream, kind);
        this.func = Checks.notNull(func, kind, "func");
        this.scheduler = Checks.notNull(scheduler, kind, "scheduler");
    }

    /**
     * What to do with a call's result, inside the graph.
     *
     * @return downstream work still pending, or {@code null}
     */
    protected abstract CompletableFuture<?> onResult(T x, Object result, List<Map<String, Object>> metadata);

    @Override
    protected final boolean retries() {
        return true;
    }

    @Override
    protected final CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        // no hold of its own: the upstream's emit keeps the refs while the call is pending
        CompletableFuture<Object> done = new CompletableFuture<>();
        call(x, metadata, 1, done);
        signals.accepted(done);
        if (done.isDone()) {
            if (done.isCompletedExceptionally()) {
                throw unwrapped(done);   // a synchronous failure reaches emit directly
            }
            return null;
        }
        return done;
    }

    /** A signal goes on once every element that arrived before it went on. */
    @Override
    protected final CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
        return signals.signal(signal, who, this::forwardSignal,
                () -> enterGraph(() -> signals.workDone(this::forwardSignal)));
    }

    private void call(T x, List<Map<String, Object>> metadata, int attempt, CompletableFuture<Object> done) {
        CompletionStage<?> stage;
        try {
            stage = Checks.notNull(func.apply(x), kind(), "returned stage");
        } catch (RuntimeException e) {
            failed(e, x, metadata, attempt, done);
            return;
        }
        stage.whenComplete((r, e) -> {
            if (e != null) {
                enterGraph(() -> {
                    failed(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e,
                            x, metadata, attempt, done);
                    return null;
                });
            } else {
                enterGraph(() -> {
                    complete(done, () -> onResult(x, r, metadata));
                    return null;
                });
            }
        });
    }

    private void failed(Throwable e, T x, List<Map<String, Object>> metadata, int attempt, CompletableFuture<Object> done) {
        if (retryLater(attempt, scheduler, () -> enterGraph(() -> {
            call(x, metadata, attempt + 1, done);
            return null;
        }))) {
            return;
        }
        complete(done, () -> fail(e, x, metadata, attempt));
    }

    /** Completes {@code done} when the work {@code body} starts is done, or with its failure. */
    private static void complete(CompletableFuture<Object> done, java.util.function.Supplier<CompletableFuture<?>> body) {
        CompletableFuture<?> pending;
        try {
            pending = body.get();
        } catch (RuntimeException | Error e) {
            done.completeExceptionally(e);
            return;
        }
        if (pending == null) {
            done.complete(null);
        } else {
            pending.whenComplete((r, e) -> {
                if (e != null) {
                    done.completeExceptionally(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
                } else {
                    done.complete(null);
                }
            });
        }
    }

    private static RuntimeException unwrapped(CompletableFuture<?> failed) {
        try {
            failed.join();
            throw new IllegalStateException("not failed");
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) {
                return (RuntimeException) c;
            }
            if (c instanceof Error) {
                throw (Error) c;
            }
            return e;
        }
    }
}
