package io.streamz.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.streamz.ErrorPolicy;
import io.streamz.Failure;
import io.streamz.Stream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Flux;
import reactor.adapter.JdkFlowAdapter;

class HttpServerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HttpServerSource in;

    @AfterEach
    void stop() {
        if (in != null) {
            in.stop();
        }
    }

    private HttpServerSource start(NetOptions options) {
        in = Net.fromHttpServer(0, "/ingest", options);
        return in;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + in.port() + path);
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(BodyPublishers.ofString(body)).timeout(PATIENCE);
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), BodyHandlers.ofString());
    }

    @Test
    void everyPostBodyIsAnElementAndGets200() throws Exception {
        List<String> out = start(NetOptions.defaults()).sinkToList();
        in.start();

        HttpResponse<String> first = post("/ingest", "hello");
        HttpResponse<String> second = post("/ingest", "wörld");
        HttpResponse<String> empty = post("/ingest", "");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("ok\n");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(out).containsExactly("hello", "wörld", "");
        assertThat(in.host()).isEqualTo("127.0.0.1");
        assertThat(in.address().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void concurrentPostsAllArriveOnceAndAllGet200() throws Exception {
        List<String> out = start(NetOptions.defaults()).sinkToList();
        in.start();

        List<CompletableFuture<HttpResponse<String>>> responses = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            responses.add(http.sendAsync(HttpRequest.newBuilder(uri("/ingest"))
                    .POST(BodyPublishers.ofString("n" + i)).build(), BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> r : responses) {
            assertThat(r.get().statusCode()).isEqualTo(200);
        }
        assertThat(out).hasSize(50).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 50).mapToObj(i -> "n" + i).toList());
    }

    @Test
    void theResponseWaitsUntilTheGraphHasTakenTheBody() throws Exception {
        Gate<String> gate = new Gate<>(start(NetOptions.defaults()));
        in.start();

        CompletableFuture<HttpResponse<String>> response = http.sendAsync(
                HttpRequest.newBuilder(uri("/ingest")).POST(BodyPublishers.ofString("slow")).build(), BodyHandlers.ofString());
        await().atMost(PATIENCE).until(() -> gate.arrived.size() == 1);
        assertThat(response).isNotDone();

        gate.open.complete(null);
        assertThat(response.get().statusCode()).isEqualTo(200);
        assertThat(gate.arrived).containsExactly("slow");
    }

    @Test
    void aRequestWaitingForTheGraphIsNotCutByTheIdleTimeout() throws Exception {
        Gate<String> gate = new Gate<>(start(NetOptions.defaults().withIdleTimeout("200ms")));
        in.start();

        CompletableFuture<HttpResponse<String>> response = http.sendAsync(
                HttpRequest.newBuilder(uri("/ingest")).POST(BodyPublishers.ofString("slow")).build(), BodyHandlers.ofString());
        await().atMost(PATIENCE).until(() -> gate.arrived.size() == 1);
        await().during(Duration.ofMillis(800)).atMost(PATIENCE).until(() -> !response.isDone());

        gate.open.complete(null);
        assertThat(response.get().statusCode()).isEqualTo(200);
    }

    @Test
    void aFailingGraphGets500WithAShortMessageAndStaysUsable() throws Exception {
        List<Integer> out = start(NetOptions.defaults()).map(Integer::parseInt).sinkToList();
        in.start();

        HttpResponse<String> bad = post("/ingest", "x".repeat(1000));
        HttpResponse<String> good = post("/ingest", "42");

        assertThat(bad.statusCode()).isEqualTo(500);
        assertThat(bad.body()).startsWith("map").contains("failed on element \"xxx").hasSizeLessThanOrEqualTo(201);
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(out).containsExactly(42);
    }

    @Test
    void wrongPathAndWrongMethodAreRefusedAndNeverReachTheGraph() throws Exception {
        List<String> out = start(NetOptions.defaults()).sinkToList();
        in.start();

        HttpResponse<String> wrongPath = post("/other", "a");
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri("/ingest")).GET().build(), BodyHandlers.ofString());
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(uri("/ingest")).PUT(BodyPublishers.ofString("b")).build(),
                BodyHandlers.ofString());

        assertThat(wrongPath.statusCode()).isEqualTo(404);
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("allow")).contains("POST");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(out).isEmpty();
    }

    @Test
    void aBearerTokenIsRequiredWhenConfigured() throws Exception {
        List<String> out = start(NetOptions.defaults().withBearerToken("s3cret")).sinkToList();
        in.start();

        HttpResponse<String> missing = post("/ingest", "a");
        HttpResponse<String> wrong = post("/ingest", "b", "Authorization", "Bearer guess");
        HttpResponse<String> right = post("/ingest", "c", "Authorization", "Bearer s3cret");

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("www-authenticate")).contains("Bearer");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(out).containsExactly("c");
    }

    @Test
    void bodiesOverTheLimitGet413WithOrWithoutContentLength() throws Exception {
        List<String> out = start(NetOptions.defaults().withMaxSize(16)).sinkToList();
        in.start();

        HttpResponse<String> declared = post("/ingest", "x".repeat(17));
        Flux<ByteBuffer> chunks = Flux.range(0, 4).map(i -> ByteBuffer.wrap("12345678".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(uri("/ingest"))
                .POST(BodyPublishers.fromPublisher(JdkFlowAdapter.publisherToFlowPublisher(chunks))).build(),
                BodyHandlers.ofString());
        HttpResponse<String> fits = post("/ingest", "x".repeat(16));

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).isEqualTo("the body is larger than 16 bytes\n");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(fits.statusCode()).isEqualTo(200);
        assertThat(out).containsExactly("x".repeat(16));
    }

    @Test
    void malformedRequestsGetAnErrorAndTheServerKeepsWorking() throws Exception {
        List<String> out = start(NetOptions.defaults()).sinkToList();
        in.start();

        HttpResponse<String> notUtf8 = http.send(HttpRequest.newBuilder(uri("/ingest"))
                .POST(BodyPublishers.ofByteArray(new byte[] {(byte) 0xC3, (byte) 0x28})).build(), BodyHandlers.ofString());
        String garbage = rawExchange("GARBAGE / NOT-HTTP\r\n\r\n");
        HttpResponse<String> after = post("/ingest", "still fine");

        assertThat(notUtf8.statusCode()).isEqualTo(400);
        assertThat(garbage).startsWith("HTTP/1.1 4");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(out).containsExactly("still fine");
    }

    @Test
    void idleConnectionsAreClosed() throws Exception {
        start(NetOptions.defaults().withIdleTimeout("300ms")).sinkToList();
        in.start();

        try (Socket s = new Socket("127.0.0.1", in.port())) {
            s.setSoTimeout((int) PATIENCE.toMillis());
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void portIsKnownOnlyWhileStartedAndABusyPortFailsToStart() throws Exception {
        HttpServerSource source = Net.fromHttpServer(0, "/p");
        assertThatThrownBy(source::port).isInstanceOf(IllegalStateException.class)
                .hasMessage("fromHttpServer: not started, no port bound");
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress("127.0.0.1", 0));
            HttpServerSource clash = Net.fromHttpServer(busy.getLocalPort(), "/p");
            assertThatThrownBy(clash::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("fromHttpServer: cannot listen on 127.0.0.1:" + busy.getLocalPort());
            assertThat(clash.isStarted()).isFalse();
        }
        assertThatThrownBy(() -> Net.fromHttpServer(0, "ingest")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fromHttpServer: path must start with \"/\", was \"ingest\"");
        assertThatThrownBy(() -> Net.fromHttpServer(70000, "/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fromHttpServer: port must be between 0 and 65535, was 70000");
        assertThatThrownBy(() -> NetOptions.defaults().withBearerToken(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NetOptions: bearerToken must not be blank");
    }

    private String rawExchange(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", in.port())) {
            s.setSoTimeout((int) PATIENCE.toMillis());
            OutputStream o = s.getOutputStream();
            o.write(request.getBytes(StandardCharsets.US_ASCII));
            o.flush();
            InputStream i = s.getInputStream();
            byte[] buf = new byte[64];
            int n = i.read(buf);
            return n < 0 ? "" : new String(buf, 0, n, StandardCharsets.US_ASCII);
        }
    }

    /** What a client is answered when the graph fails on its request, per error policy. */
    @Nested
    class ErrorPolicies {
        private CompletableFuture<HttpResponse<String>> postAsync(String body) {
            return http.sendAsync(HttpRequest.newBuilder(uri("/ingest")).POST(BodyPublishers.ofString(body))
                    .timeout(PATIENCE).build(), BodyHandlers.ofString());
        }

        private int status(CompletableFuture<HttpResponse<String>> response) throws Exception {
            return response.get().statusCode();
        }

        @ParameterizedTest
        @CsvSource({"propagate, 500", "skip, 200"})
        void underPropagateTheClientGets500AndUnderSkip200AndTheServerGoesOn(String policy, int status) throws Exception {
            Stream<Integer> parse = start(NetOptions.defaults()).map(Integer::parseInt);
            if (policy.equals("skip")) {
                parse.onError(ErrorPolicy.skip());
            }
            List<Integer> out = parse.sinkToList();
            in.start();

            assertThat(status(postAsync("oops"))).isEqualTo(status);
            assertThat(status(postAsync("2"))).isEqualTo(200);
            assertThat(out).containsExactly(2);
            assertThat(policy.equals("skip") ? parse.stats().skipped() : parse.stats().failed()).isEqualTo(1);
        }

        @Test
        void underRouteThe200WaitsUntilTheErrorsStreamIsDoneWithTheFailure() throws Exception {
            Stream<Integer> parse = start(NetOptions.defaults()).map(Integer::parseInt);
            parse.sink(x -> { });
            Gate<Failure> deadLetters = new Gate<>(parse.errors());
            in.start();

            CompletableFuture<HttpResponse<String>> bad = postAsync("oops");
            await().atMost(PATIENCE).until(() -> deadLetters.arrived.size() == 1);
            assertThat(bad).isNotDone();                  // the dead letter is not written yet

            deadLetters.open.complete(null);
            assertThat(status(bad)).isEqualTo(200);
            assertThat(((Failure) deadLetters.arrived.get(0)).element()).isEqualTo("oops");
            assertThat(parse.stats().routed()).isEqualTo(1);
        }

        @Test
        void aDeadLetterSinkThatFailsTooAnswers500() throws Exception {
            Stream<Integer> parse = start(NetOptions.defaults()).map(Integer::parseInt);
            parse.sink(x -> { });
            parse.errors().sink(f -> {
                throw new IllegalStateException("dead-letter store down");
            });
            in.start();

            assertThat(status(postAsync("oops"))).isEqualTo(500);    // the failure could not be handled
            assertThat(status(postAsync("2"))).isEqualTo(200);
        }

        @Test
        void retryCallsAnAsynchronousNodeAgainBeforeAnswering() throws Exception {
            Map<String, Integer> calls = new ConcurrentHashMap<>();
            Stream<String> stored = start(NetOptions.defaults()).<String>mapAsync(body ->
                    calls.merge(body, 1, Integer::sum) < 3
                            ? CompletableFuture.failedFuture(new IllegalStateException("store busy"))
                            : CompletableFuture.completedFuture(body))
                    .onError(ErrorPolicy.retry(3, "10ms"));
            List<String> out = stored.sinkToList();
            in.start();

            assertThat(status(postAsync("a"))).isEqualTo(200);   // third call succeeds
            assertThat(out).containsExactly("a");
            assertThat(stored.stats().retried()).isEqualTo(2);

            Stream<String> never = in.<String>mapAsync(body -> CompletableFuture.failedFuture(new IllegalStateException("down")))
                    .onError(ErrorPolicy.retry(2, "10ms"));
            HttpResponse<String> exhausted = postAsync("b").get();
            assertThat(exhausted.statusCode()).isEqualTo(500);          // then the orElse policy: propagate
            assertThat(exhausted.body()).contains("down");
            assertThat(never.stats().failed()).isEqualTo(1);
        }
    }
}
