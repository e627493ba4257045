package io.streamz.internal.sink;

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
import reactor.core.publisher.Flux;

/**
 * Implements {@link Stream#sinkAsync(Function)} and {@link Stream#sinkPublisher(Function)}: the
 * element's emit waits for the returned stage, and its refs are held until the stage is done.
 */
public final class AsyncSink<T> extends Node<T, T> {
    private final Function<? super T, ? extends CompletionStage<?>> func;

    public AsyncSink(Stream<T> upstream, String kind, Function<? super T, ? extends CompletionStage<?>> func) {
        super(upstream, kind);
        this.func = Checks.notNull(func, kind, "func");
    }

    /** {@code func} as a stage-returning function: the stage completes when the publisher does. */
    public static <T> Function<T, CompletionStage<?>> completionOf(Function<? super T, ? extends Publisher<?>> func) {
        Checks.notNull(func, "sinkPublisher", "func");
        return x -> Flux.from(Checks.notNull(func.apply(x), "sinkPublisher", "returned publisher")).then().toFuture();
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
        CompletableFuture<Void> done = new CompletableFuture<>();
        stage.whenComplete((r, e) -> {
            Refs.release(metadata);
            if (e != null) {
                done.completeExceptionally(failure(unwrap(e), x));
            } else {
                done.complete(null);
            }
        });
        return done;
    }

    static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
