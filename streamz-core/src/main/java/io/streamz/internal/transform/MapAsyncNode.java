package io.streamz.internal.transform;

import io.streamz.Stream;
import io.streamz.internal.time.AsyncCallNode;
import io.streamz.internal.util.Checks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Implements {@link Stream#mapAsync(Function)} and {@link Stream#mapPublisher(Function)}: emits
 * each result when its stage completes; the element's emit waits for the stage and for the
 * result's downstream work, and its refs are held until both are done.
 */
public final class MapAsyncNode<T, R> extends AsyncCallNode<T, R> {
    private static final Object NOTHING = new Object();

    public MapAsyncNode(Stream<T> upstream, String kind, Function<? super T, ? extends CompletionStage<?>> func,
                        Scheduler scheduler) {
        super(upstream, kind, func, scheduler);
    }

    /** {@code func} as a stage-returning function: its first value, or nothing when it is empty. */
    public static <T> Function<T, CompletionStage<?>> firstOf(Function<? super T, ? extends Publisher<?>> func) {
        Checks.notNull(func, "mapPublisher", "func");
        return x -> Mono.from(Checks.notNull(func.apply(x), "mapPublisher", "returned publisher"))
                .map(v -> (Object) v)
                .defaultIfEmpty(NOTHING)
                .toFuture();
    }

    @Override
    protected CompletableFuture<?> onResult(T x, Object result, List<Map<String, Object>> metadata) {
        return result == NOTHING ? null : emitDownstream(cast(result), metadata);
    }
}
