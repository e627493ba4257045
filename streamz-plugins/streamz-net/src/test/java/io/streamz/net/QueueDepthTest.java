package io.streamz.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The elements a server source received and has not yet handed to the graph are its queue,
 * read with {@code stats().queued()}: they pile up while the graph is stuck, within the
 * source's bounds, and drain once it goes on.
 */
class QueueDepthTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Ten elements' worth of bytes: one at the graph and nine waiting. */
    private static final long TEN = 10 * Budget.size("m00");

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private ServerSource in;

    @AfterEach
    void stop() {
        release.countDown();
        if (in != null) {
            in.stop();
        }
    }

    /** A graph whose sink blocks the source's thread until the test releases it. */
    private void stuckGraph(ServerSource source) {
        in = source;
        source.sink(x -> {
            seen.add(x);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        source.start();
    }

    private interface Sender {
        void send(String message) throws Exception;
    }

    /**
     * Sends "m00", "m01", ... one at a time, each once the previous one is queued, until the
     * queued bytes reach the source's budget and it stops reading; then five more, which wait
     * unread; then releases the graph and sees everything arrive.
     */
    private void fillToTheBudgetThenDrain(Sender sender) throws Exception {
        int sent = 0;
        while (in.budget().used() < TEN) {
            sender.send(String.format("m%02d", sent));
            int expected = sent++;          // the first one is at the graph, the others queued
            await().atMost(PATIENCE).until(() -> seen.size() == 1 && in.stats().queued() == expected
                    && in.budget().used() == (expected + 1) * Budget.size("m00"));
        }
        assertThat(sent).isEqualTo(10);
        assertThat(in.stats().queued()).isEqualTo(9).isLessThanOrEqualTo(TEN / Budget.size("m00"));
        for (int i = 0; i < 5; i++) {
            sender.send(String.format("m%02d", sent++));
        }
        assertThat(in.stats().queued()).isEqualTo(9);   // not read: the connection is paused

        release.countDown();
        await().atMost(PATIENCE).until(() -> seen.size() == 15);
        assertThat(in.stats().queued()).isZero();
        assertThat(seen).containsExactly("m00", "m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09",
                "m10", "m11", "m12", "m13", "m14");
    }

    @Test
    void tcpPiecesWaitingForAStuckGraphAreQueuedWithinTheQueuedBytes() throws Exception {
        stuckGraph(Net.fromTcp(0, "\n", NetOptions.defaults().withMaxQueuedBytes(TEN)));
        try (Socket s = new Socket("127.0.0.1", in.port())) {
            OutputStream out = s.getOutputStream();
            fillToTheBudgetThenDrain(m -> {
                out.write((m + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            });
        }
    }

    @Test
    void websocketMessagesWaitingForAStuckGraphAreQueuedWithinTheQueuedBytes() throws Exception {
        stuckGraph(Net.fromWebsocket(0, NetOptions.defaults().withMaxQueuedBytes(TEN)));
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + in.port() + "/"), new WebSocket.Listener() { })
                .join();
        try {
            fillToTheBudgetThenDrain(m -> ws.sendText(m, true).join());
        } finally {
            ws.abort();
        }
    }

    @Test
    void httpRequestsWaitingForAStuckGraphAreQueuedWithinTheRequestsInFlight() throws IOException {
        stuckGraph(Net.fromHttpServer(0, "/ingest", NetOptions.defaults().withMaxInFlight(3)));
        try (RawHttp a = new RawHttp(in.port(), PATIENCE); RawHttp b = new RawHttp(in.port(), PATIENCE);
                RawHttp c = new RawHttp(in.port(), PATIENCE)) {
            a.send(RawHttp.post("/ingest", "a"));
            await().atMost(PATIENCE).until(() -> seen.size() == 1);
            b.send(RawHttp.post("/ingest", "b"));
            c.send(RawHttp.post("/ingest", "c"));
            await().atMost(PATIENCE).until(() -> in.stats().queued() == 2);   // behind "a", within 3 in flight

            release.countDown();
            assertThat(a.read().status()).isEqualTo(200);
            assertThat(b.read().status()).isEqualTo(200);
            assertThat(c.read().status()).isEqualTo(200);
        }
        assertThat(seen).containsExactlyInAnyOrder("a", "b", "c").startsWith("a");
        assertThat(in.stats().queued()).isZero();
    }
}
