package io.streamz.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.streamz.ErrorPolicy;
import io.streamz.Failure;
import io.streamz.NodeException;
import io.streamz.RefCounter;
import io.streamz.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.scheduler.VirtualTimeScheduler;

/** sendToHttp against a real Reactor Netty server on 127.0.0.1 (port 0). */
class SendToHttpTest {
    private DisposableServer server;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final Sinks.One<Boolean> gate = Sinks.one();
    private final CountDownLatch twoArrived = new CountDownLatch(2);
    private final List<String> posted = new ArrayList<>();
    private final Map<String, Integer> attempts = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile int failuresPerElement;

    @BeforeEach
    void start() {
        server = HttpServer.create().host("127.0.0.1").port(0).route(r -> r
                .get("/echo", (req, res) -> res.sendString(Mono.just("you said " + req.param("x") + " "
                        + new io.netty.handler.codec.http.QueryStringDecoder(req.uri()).parameters().get("x"))))
                .post("/post", (req, res) -> req.receive().aggregate().asString().flatMap(body -> {
                    synchronized (posted) {
                        posted.add(req.requestHeaders().get("X-Test") + ":" + body);
                    }
                    return Mono.empty();
                }).then(res.status(HttpResponseStatus.CREATED).sendString(Mono.just("created")).then()))
                .get("/slow", (req, res) -> {
                    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    twoArrived.countDown();
                    return gate.asMono().then(Mono.fromRunnable(inFlight::decrementAndGet))
                            .then(res.sendString(Mono.just("slow")).then());
                })
                .get("/flaky", (req, res) -> {   // closes the connection without a response on the first attempts
                    String x = new io.netty.handler.codec.http.QueryStringDecoder(req.uri()).parameters().get("x").get(0);
                    int attempt = attempts.merge(x, 1, Integer::sum);
                    if (attempt <= failuresPerElement) {
                        res.withConnection(reactor.netty.Connection::dispose);
                        return Mono.empty();
                    }
                    return res.sendString(Mono.just("ok after " + attempt));
                })
                .get("/fail", (req, res) -> {
                    attempts.merge("fail", 1, Integer::sum);
                    return res.status(HttpResponseStatus.INTERNAL_SERVER_ERROR).send();
                }))
                .bindNow();
    }

    @AfterEach
    void stop() {
        server.disposeNow();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Test
    void joinsEachElementWithItsResponseAndDropsNullJoins() {
        Stream<Integer> source = Stream.create();
        List<String> out = Flows.sendToHttp(source, x -> HttpRequest.get(url(x == 500 ? "/fail" : "/echo?x=" + x)),
                (x, r) -> x == 2 ? null : x + " -> " + r.status() + " " + r.body(), 4).sinkToList();
        source.emit(1);
        source.emit(2);
        source.emit(500);
        assertThat(out).containsExactly("1 -> 200 you said null [1]", "500 -> 500 ");
    }

    @Test
    void sendsMethodBodyAndHeaders() {
        Stream<String> source = Stream.create();
        List<Integer> statuses = Flows.sendToHttp(source,
                x -> new HttpRequest("post", url("/post"), x, Map.of("X-Test", "t")), (x, r) -> r.status(), 1)
                .sinkToList();
        source.emit("{\"a\":1}");
        assertThat(statuses).containsExactly(201);
        assertThat(posted).containsExactly("t:{\"a\":1}");
    }

    @Test
    void atMostMaxInFlightRequestsAreInFlight() throws Exception {
        Stream<Integer> source = Stream.create();
        List<String> out = Flows.sendToHttp(source, x -> HttpRequest.get(url("/slow")), (x, r) -> x + r.body(), 2)
                .sinkToList();
        List<CompletableFuture<?>> emits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            emits.add(source.emitAsync(i));
        }
        assertThat(twoArrived.await(30, TimeUnit.SECONDS)).isTrue();   // the others wait in the step
        assertThat(inFlight.get()).isEqualTo(2);
        gate.tryEmitValue(true);
        CompletableFuture.allOf(emits.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
        assertThat(out).hasSize(5);
        assertThat(mostInFlight.get()).isEqualTo(2);
    }

    @Test
    void refsAreHeldUntilTheResponseIsJoined() {
        Stream<Integer> source = Stream.create();
        List<Integer> seen = new ArrayList<>();
        RefCounter ref = new RefCounter();
        Flows.sendToHttp(source, x -> HttpRequest.get(url("/echo?x=1")), (x, r) -> {
            seen.add(ref.count());
            return x;
        }, 1).sink(x -> { });
        source.emit(1, List.of(Map.of("ref", ref)));
        assertThat(seen).containsExactly(1);
        assertThat(ref.count()).isZero();
    }

    @Test
    void badInputAndFailedRequestsNameTheNodeAndTheElement() {
        Stream<Integer> source = Stream.create();
        assertThatThrownBy(() -> Flows.sendToHttp(source, x -> HttpRequest.get("x"), (x, r) -> x, 0))
                .hasMessage("sendToHttp: maxInFlight must be >= 1, was 0");
        assertThatThrownBy(() -> new HttpRequest("GET", null, null, Map.of())).hasMessage("HttpRequest: url is null");
        server.disposeNow();
        Flows.sendToHttp(source, x -> HttpRequest.get(url("/echo")), (x, r) -> x, 1);
        assertThatThrownBy(() -> source.emit(42)).isInstanceOf(NodeException.class)
                .hasMessageContaining("sendToHttp").hasMessageContaining("42");
    }

    @Test
    void retriesAFailedRequestWithTheRetryPolicy() throws Exception {
        failuresPerElement = 2;
        Stream<String> source = Stream.create();
        Stream<String> out = Flows.sendToHttp(source, x -> HttpRequest.get(url("/flaky?x=" + x)),
                (x, r) -> x + ": " + r.status() + " " + r.body(), 2).onError(ErrorPolicy.retry(3, "10ms"));
        List<String> got = out.sinkToList();
        CompletableFuture<?> a = source.emitAsync("a");
        CompletableFuture<?> b = source.emitAsync("b");
        CompletableFuture.allOf(a, b).get(30, TimeUnit.SECONDS);
        assertThat(got).containsExactlyInAnyOrder("a: 200 ok after 3", "b: 200 ok after 3");
        assertThat(attempts).containsEntry("a", 3).containsEntry("b", 3);
        assertThat(out.stats().retried()).isEqualTo(4);
        assertThat(out.stats().failed()).isZero();
    }

    @Test
    void retriesWaitTheBackoffOnTheGivenScheduler() throws Exception {
        failuresPerElement = 2;
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        try {
            Stream<String> source = Stream.create();
            AtomicInteger waits = new AtomicInteger();
            Scheduler backoff = new Scheduler() {   // the virtual clock, telling when a retry waits on it
                @Override
                public Disposable schedule(Runnable task) {
                    return clock.schedule(task);
                }

                @Override
                public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
                    Disposable d = clock.schedule(task, delay, unit);
                    waits.incrementAndGet();
                    return d;
                }

                @Override
                public Worker createWorker() {
                    return clock.createWorker();
                }
            };
            Stream<String> out = Flows.sendToHttp(source, x -> HttpRequest.get(url("/flaky?x=" + x)),
                    (x, r) -> x + ": " + r.body(), 2, backoff).onError(ErrorPolicy.retry(3, Duration.ofSeconds(1)));
            List<String> got = out.sinkToList();
            CompletableFuture<?> emitted = source.emitAsync("a");
            await().atMost(Duration.ofSeconds(30)).until(() -> waits.get() == 1);
            clock.advanceTimeBy(Duration.ofMillis(999));
            assertThat(attempts).containsEntry("a", 1);   // no request before the backoff passed
            clock.advanceTimeBy(Duration.ofMillis(1));
            await().atMost(Duration.ofSeconds(30)).until(() -> waits.get() == 2);
            assertThat(attempts).containsEntry("a", 2);
            clock.advanceTimeBy(Duration.ofMillis(1999));  // the backoff doubled
            assertThat(attempts).containsEntry("a", 2);
            assertThat(emitted).isNotDone();
            clock.advanceTimeBy(Duration.ofMillis(1));
            emitted.get(30, TimeUnit.SECONDS);
            assertThat(got).containsExactly("a: ok after 3");
            assertThat(attempts).containsEntry("a", 3);
            assertThat(out.stats().failed()).isZero();
            assertThat(out.stats().retried()).isEqualTo(2);
        } finally {
            clock.dispose();
        }
    }

    @Test
    void aRequestThatStillFailsAfterTheLastAttemptGoesToTheNextPolicy() throws Exception {
        failuresPerElement = 5;
        Stream<String> source = Stream.create();
        Stream<String> out = Flows.sendToHttp(source, x -> HttpRequest.get(url("/flaky?x=" + x)), (x, r) -> x, 1)
                .onError(ErrorPolicy.retry(2, "10ms").orElse(ErrorPolicy.route()));
        List<Failure> failures = out.errors().sinkToList();
        List<String> got = out.sinkToList();
        source.emitAsync("a").get(30, TimeUnit.SECONDS);
        assertThat(got).isEmpty();
        assertThat(attempts).containsEntry("a", 2);
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).element()).isEqualTo("a");
        assertThat(failures.get(0).attempts()).isEqualTo(2);
        assertThat(failures.get(0).node().toString()).contains("sendToHttp");
        assertThat(failures.get(0).toException()).hasMessageContaining("sendToHttp").hasMessageContaining("\"a\"");
    }

    @Test
    void aStatusIsAResponseAndTheJoinIsNotRetried() throws Exception {
        Stream<String> source = Stream.create();
        AtomicInteger joins = new AtomicInteger();
        Stream<String> out = Flows.sendToHttp(source, x -> HttpRequest.get(url("/fail")), (x, r) -> {
            joins.incrementAndGet();
            if (x.equals("boom")) {
                throw new IllegalStateException("cannot join " + r.status());
            }
            return x + " " + r.status();
        }, 1).onError(ErrorPolicy.retry(3, "10ms").orElse(ErrorPolicy.route()));
        List<Failure> failures = out.errors().sinkToList();
        List<String> got = out.sinkToList();
        source.emitAsync("a").get(30, TimeUnit.SECONDS);
        source.emitAsync("boom").get(30, TimeUnit.SECONDS);
        assertThat(got).containsExactly("a 500");
        assertThat(attempts).containsEntry("fail", 2);   // one request each
        assertThat(joins.get()).isEqualTo(2);
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.element()).isEqualTo("boom");
            assertThat(f.error()).hasMessage("cannot join 500");
        });
    }
}
