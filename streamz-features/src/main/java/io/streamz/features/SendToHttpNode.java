package io.streamz.features;

import io.streamz.Stream;
import io.streamz.internal.time.AsyncCallNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import reactor.core.scheduler.Scheduler;

/**
 * Implements {@link Flows#sendToHttp}: an asynchronous node, so {@code ErrorPolicy.retry} applies
 * to it (storey's {@code retries} and {@code backoff_factor}): a request that fails (no
 * connection, a connection closed before the response, a request function that throws) is sent
 * again; the join runs once, on the response, and is not retried (as storey's
 * {@code _handle_completed}).
 */
final class SendToHttpNode<T, R> extends AsyncCallNode<T, R> {
    private final BiFunction<? super T, HttpResponse, ? extends R> join;
    private final int maxInFlight;

    SendToHttpNode(Stream<T> upstream, Function<? super T, HttpRequest> request,
            BiFunction<? super T, HttpResponse, ? extends R> join, int maxInFlight, Scheduler scheduler) {
        this(upstream, request, join, maxInFlight, scheduler, new SendToHttp(maxInFlight));
    }

    private SendToHttpNode(Stream<T> upstream, Function<? super T, HttpRequest> request,
            BiFunction<? super T, HttpResponse, ? extends R> join, int maxInFlight, Scheduler scheduler,
            SendToHttp http) {
        super(upstream, "sendToHttp", x -> http.send(Flows.notNull(request.apply(x), "sendToHttp", "the request")),
                scheduler);
        this.join = join;
        this.maxInFlight = maxInFlight;
    }

    @Override
    protected String describeParams() {
        return "maxInFlight=" + maxInFlight;
    }

    @Override
    protected CompletableFuture<?> onResult(T x, Object result, List<Map<String, Object>> metadata) {
        R joined;
        try {
            joined = join.apply(x, (HttpResponse) result);
        } catch (RuntimeException e) {
            return fail(e, x, metadata);
        }
        return joined == null ? null : emitDownstream(joined, metadata);
    }
}
