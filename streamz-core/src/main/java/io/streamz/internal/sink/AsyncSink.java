package io.streamz.internal.sink;

import io.streamz.Stream;
import io.streamz.internal.time.AsyncCallNode;
import io.streamz.internal.util.Checks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/**
 * Implements {@link Stream#sinkAsync(Function)} and {@link Stream#sinkPublisher(Function)}: the
 * element's emit waits for the returned stage, and its refs are held until the stage is done.
 */
public final class AsyncSink<T> extends AsyncCallNode<T, T> {

    public AsyncSink(Stream<T> upstream, String kind, Function<? super T, ? extends CompletionStage<?>> func,
                     Scheduler scheduler) {
        super(upstream, kind, func, scheduler);
    }

    /** {@code func} as a stage-returning function: the stage completes when the publisher does. */
    public static <T> Function<T, CompletionStage<?>> completionOf(Function<? super T, ? extends Publisher<?>> func) {
        Checks.notNull(func, "sinkPublisher", "func");
        return x -> Flux.from(Checks.notNull(func.apply(x), "sinkPublisher", "returned publisher")).then().toFuture();
    }

    @Override
    protected CompletableFuture<?> onResult(T x, Object result, List<Map<String, Object>> metadata) {
        return null;
    }
}
