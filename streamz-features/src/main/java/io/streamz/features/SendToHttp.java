package io.streamz.features;

import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;

/**
 * The HTTP side of {@link Flows#sendToHttp}: one Reactor Netty client (its connection pool) per
 * step, and at most {@code maxInFlight} requests at a time, the others waiting in arrival order.
 */
final class SendToHttp {
    // no retry of its own: ErrorPolicy.retry decides how often a request is sent
    private final HttpClient client = HttpClient.create().disableRetry(true);
    private final int maxInFlight;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private int running;

    SendToHttp(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    CompletableFuture<HttpResponse> send(HttpRequest r) {
        return bounded(() -> client.headers(h -> r.headers().forEach(h::set))
                .request(HttpMethod.valueOf(r.method().toUpperCase(java.util.Locale.ROOT)))
                .uri(r.url())
                .send(r.body() == null ? Mono.empty() : ByteBufFlux.fromString(Mono.just(r.body()), StandardCharsets.UTF_8,
                        io.netty.buffer.ByteBufAllocator.DEFAULT))
                .responseSingle((res, body) -> body.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .map(text -> new HttpResponse(res.status().code(), text)))
                .toFuture());
    }

    private CompletableFuture<HttpResponse> bounded(Supplier<CompletableFuture<HttpResponse>> request) {
        CompletableFuture<HttpResponse> result = new CompletableFuture<>();
        Runnable start = () -> {
            CompletableFuture<HttpResponse> f;
            try {
                f = request.get();
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.whenComplete((v, e) -> {
                done();
                if (e != null) {
                    result.completeExceptionally(e);
                } else {
                    result.complete(v);
                }
            });
        };
        boolean now;
        synchronized (this) {
            now = running < maxInFlight;
            if (now) {
                running++;
            } else {
                waiting.add(start);
            }
        }
        if (now) {
            start.run();
        }
        return result;
    }

    private void done() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
            }
        }
        if (next != null) {
            next.run();
        }
    }

    synchronized int inFlight() {
        return running;
    }
}
