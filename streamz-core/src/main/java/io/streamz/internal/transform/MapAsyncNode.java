package io.streamz.internal.transform;

import io.streamz.Stream;
import io.streamz.internal.Node;
import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Refs;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Implements {@link Stream#mapAsync(Function)} and {@link Stream#mapPublisher(Function)}: when the
 * returned stage completes, its result is emitted downstream from the completing thread (inside the
 * graph); the element's emit waits for that downstream work too.
 */
public final class MapAsyncNode<T, R> extends Node<T, R> {
    /** The result of a publisher that completed without a value: nothing is emitted. */
    private static final Object NOTHING = new Object();

    private final Function<? super T, ? extends CompletionStage<?>> func;

    public MapAsyncNode(Stream<T> upstream, String kind, Function<? super T, ? extends CompletionStage<?>> func) {
        super(upstream, kind);
        this.func = Checks.notNull(func, kind, "func");
    }

    /** {@code func} as a stage-returning function: the publisher's first value, if any. */
    public static <T> Function<T, CompletionStage<?>> firstOf(Function<? super T, ? extends Publisher<?>> func) {
        Checks.notNull(func, "mapPublisher", "func");
        return x -> Mono.from(Checks.notNull(func.apply(x), "mapPublisher", "returned publisher"))
                .map(v -> (Object) v)
                .defaultIfEmpty(NOTHING)
                .toFuture();
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        CompletionStage<?> stage;
        try {
            stage = Checks.notNull(func.apply(x), kind(), "returned stage");
        } catch (RuntimeException e) {
            throw failure(e, x);
        }
        Refs.retain(metadata);
        CompletableFuture<Object> done = new CompletableFuture<>();
        stage.whenComplete((r, e) -> {
            if (e != null) {
                Refs.release(metadata);
                done.completeExceptionally(failure(e instanceof CompletionException && e.getCause() != null
                        ? e.getCause() : e, x));
            } else if (r == NOTHING) {
                Refs.release(metadata);
                done.complete(null);
            } else {
                enterGraph(() -> emitResult(cast(r), metadata, done));
            }
        });
        return done;
    }

    private CompletableFuture<?> emitResult(R y, List<Map<String, Object>> metadata, CompletableFuture<Object> done) {
        CompletableFuture<?> pending;
        try {
            pending = emitDownstream(y, metadata);
        } catch (RuntimeException | Error e) {
            done.completeExceptionally(e);
            return null;
        } finally {
            Refs.release(metadata);
        }
        if (pending == null) {
            done.complete(null);
        } else {
            pending.whenComplete((r, e) -> {
                if (e != null) {
                    done.completeExceptionally(e);
                } else {
                    done.complete(null);
                }
            });
        }
        return null;
    }
}
