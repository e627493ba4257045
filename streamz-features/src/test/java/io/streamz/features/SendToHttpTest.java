package io.streamz.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.streamz.NodeException;
import io.streamz.RefCounter;
import io.streamz.Stream;
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
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** sendToHttp against a real Reactor Netty server on 127.0.0.1 (port 0). */
class SendToHttpTest {
    private DisposableServer server;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final Sinks.One<Boolean> gate = Sinks.one();
    private final CountDownLatch twoArrived = new CountDownLatch(2);
    private final List<String> posted = new ArrayList<>();

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
                .get("/fail", (req, res) -> res.status(HttpResponseStatus.INTERNAL_SERVER_ERROR).send()))
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
}
