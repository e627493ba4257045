package io.streamz.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP server's memory is bounded whatever the clients do; past the bounds they get 503, never silence. */
class HttpBoundsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private HttpServerSource in;

    @AfterEach
    void stop() {
        if (in != null) {
            in.stop();
        }
    }

    @Test
    void manyClientsPostingLargeBodiesToAStuckGraphStayWithinTheQueuedBytesAndEveryAcceptedOneIsDelivered() {
        int clients = 60;
        long maxQueued = 2L << 20;
        in = Net.fromHttpServer(0, "/ingest", NetOptions.defaults().withMaxQueuedBytes(maxQueued));
        Gate<String> gate = new Gate<>(in);
        List<String> out = gate.sinkToList();
        in.start();

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String body = String.format("%04d", c) + "x".repeat((256 << 10) - 4);
            answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + in.port() + "/ingest"))
                    .POST(BodyPublishers.ofString(body)).timeout(PATIENCE).build(), BodyHandlers.ofString()));
        }
        // the graph holds every body it got; the others were refused with 503
        await().atMost(PATIENCE).until(() -> gate.arrived.size() + answers.stream().filter(CompletableFuture::isDone).count() == clients);
        gate.open.complete(null);
        List<HttpResponse<String>> responses = answers.stream().map(CompletableFuture::join).toList();

        List<String> accepted = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            HttpResponse<String> r = responses.get(c);
            if (r.statusCode() == 200) {
                accepted.add(String.format("%04d", c));
            } else {
                assertThat(r.statusCode()).isEqualTo(503);
                assertThat(r.headers().firstValue("retry-after")).contains("1");
            }
        }
        await().atMost(PATIENCE).until(() -> out.size() == accepted.size());
        assertThat(out.stream().map(s -> s.substring(0, 4))).containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(accepted).isNotEmpty();
        assertThat(in.budget().peak()).isLessThanOrEqualTo(maxQueued);
        assertThat(in.budget().used()).isZero();
        assertThat(in.inFlight()).isZero();
    }

    @Test
    void aClientPipeliningRequestsWithoutReadingTheAnswersIsNotReadFromEither() throws Exception {
        int requests = 20_000;
        in = Net.fromHttpServer(0, "/ingest");
        List<String> out = in.sinkToList();
        in.start();
        byte[] one = RawHttp.post("/ingest", "p").getBytes(StandardCharsets.US_ASCII);

        AtomicLong peakPending = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(4096);             // the answers back up into the server at once
            s.connect(new InetSocketAddress("127.0.0.1", in.port()));
            Future<?> sent = threads.submit(() -> {
                for (int i = 0; i < requests; i++) {
                    s.getOutputStream().write(one);
                }
                return null;
            });
            // sample the server's unsent answers until it stops making progress (or is done)
            AtomicInteger last = new AtomicInteger(-1);
            AtomicInteger unchanged = new AtomicInteger();
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).until(() -> {
                peakPending.accumulateAndGet(in.pendingWriteBytes(), Math::max);
                int now = out.size();
                unchanged.set(last.getAndSet(now) == now ? unchanged.get() + 1 : 0);
                return unchanged.get() >= 30 || now == requests;
            });

            Future<Integer> read = threads.submit(() -> countAnswers(s.getInputStream(), requests));
            sent.get();
            assertThat(read.get()).isEqualTo(requests);
        } finally {
            threads.shutdownNow();
        }
        assertThat(out).hasSize(requests);
        assertThat(peakPending.get()).isLessThan(256 * 1024);
    }

    /** Reads {@code n} answers of 200, counting them by their status lines. */
    private static int countAnswers(InputStream in, int n) throws IOException {
        byte[] status = "HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII);
        int matched = 0;
        int count = 0;
        byte[] buf = new byte[8192];
        while (count < n) {
            int r = in.read(buf);
            if (r < 0) {
                break;
            }
            for (int i = 0; i < r; i++) {
                matched = buf[i] == status[matched] ? matched + 1 : (buf[i] == status[0] ? 1 : 0);
                if (matched == status.length) {
                    count++;
                    matched = 0;
                }
            }
        }
        return count;
    }

    @Test
    void requestsPastTheInFlightLimitGet503WithRetryAfterBeforeTheirBodyIsRead() throws Exception {
        in = Net.fromHttpServer(0, "/ingest", NetOptions.defaults().withMaxInFlight(2));
        Gate<String> gate = new Gate<>(in);
        List<String> out = gate.sinkToList();
        in.start();

        try (RawHttp a = new RawHttp(in.port(), PATIENCE); RawHttp b = new RawHttp(in.port(), PATIENCE);
                RawHttp c = new RawHttp(in.port(), PATIENCE)) {
            a.send(RawHttp.post("/ingest", "a"));
            b.send(RawHttp.post("/ingest", "b"));
            await().atMost(PATIENCE).until(() -> gate.arrived.size() == 2);
            RawHttp.Response third = c.send(RawHttp.post("/ingest", "c")).read();
            assertThat(third.status()).isEqualTo(503);
            assertThat(third.header("retry-after")).isEqualTo("1");
            assertThat(c.closedByServer()).isTrue();

            gate.open.complete(null);
            assertThat(a.read().status()).isEqualTo(200);
            assertThat(b.read().status()).isEqualTo(200);
        }
        assertThat(out).containsExactlyInAnyOrder("a", "b");
        await().atMost(PATIENCE).until(() -> in.inFlight() == 0);
    }
}
