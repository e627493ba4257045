package io.streamz.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Requests a lenient server would take: each is refused with the right status, and never reaches the graph. */
class HttpStrictnessTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private HttpServerSource in;
    private List<String> out;

    @AfterEach
    void stop() {
        if (in != null) {
            in.stop();
        }
    }

    private void start(NetOptions options) {
        in = Net.fromHttpServer(0, "/ingest", options);
        out = in.sinkToList();
        in.start();
    }

    private RawHttp connect() throws IOException {
        return new RawHttp(in.port(), PATIENCE);
    }

    /** The server still takes a good request, and the graph got only that one. */
    private void stillWorks() throws IOException {
        try (RawHttp c = connect()) {
            assertThat(c.send(RawHttp.post("/ingest", "good")).read().status()).isEqualTo(200);
        }
        assertThat(out).containsExactly("good");
    }

    private static final String CHUNKED_HEAD = "POST /ingest HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";

    @Test
    void aMalformedChunkAfterAGoodOneGets400AndNothingReachesTheGraph() throws IOException {
        start(NetOptions.defaults());
        try (RawHttp c = connect()) {
            RawHttp.Response r = c.send(CHUNKED_HEAD + "3\r\nabc\r\nQQ\r\nmore\r\n0\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(400);
            assertThat(c.closedByServer()).isTrue();
        }
        stillWorks();
    }

    @Test
    void anInvalidFirstChunkSizeGets400() throws IOException {
        start(NetOptions.defaults());
        try (RawHttp c = connect()) {
            assertThat(c.send(CHUNKED_HEAD + "ZZ\r\nabc\r\n0\r\n\r\n").read().status()).isEqualTo(400);
            assertThat(c.closedByServer()).isTrue();
        }
        stillWorks();
    }

    @Test
    void transferCodingsOtherThanChunkedGet501() throws IOException {
        start(NetOptions.defaults());
        for (String coding : List.of("gzip", "gzip, chunked", "identity")) {
            try (RawHttp c = connect()) {
                RawHttp.Response r = c.send("POST /ingest HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + coding
                        + "\r\n\r\n3\r\nabc\r\n0\r\n\r\n").read();
                assertThat(r.status()).as(coding).isEqualTo(501);
                assertThat(c.closedByServer()).isTrue();
            }
        }
        stillWorks();
    }

    @Test
    void versionsOtherThan10And11Get505() throws IOException {
        start(NetOptions.defaults());
        for (String version : List.of("HTTP/1.2", "HTTP/2.0", "HTTP/0.9", "HTTP/9.9")) {
            try (RawHttp c = connect()) {
                RawHttp.Response r = c.send("POST /ingest " + version + "\r\nHost: x\r\nContent-Length: 1\r\n\r\nx").read();
                assertThat(r.status()).as(version).isEqualTo(505);
            }
        }
        try (RawHttp c = connect()) {
            assertThat(c.send("POST /ingest HTTP/1.0\r\nContent-Length: 4\r\n\r\ngood").read().status()).isEqualTo(200);
        }
        assertThat(out).containsExactly("good");
    }

    @Test
    void aBodyTricklingInPastTheRequestTimeoutGets408EvenThoughItIsNeverIdle() throws IOException {
        start(NetOptions.defaults().withIdleTimeout("400ms").withRequestTimeout("1s"));
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (RawHttp c = connect()) {
            c.send("POST /ingest HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n");
            trickle.scheduleAtFixedRate(() -> {
                try {
                    c.send("x");
                } catch (IOException closed) {
                    throw new IllegalStateException(closed);     // ends the schedule
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            RawHttp.Response r = c.read();
            assertThat(r.status()).isEqualTo(408);
            assertThat(c.closedByServer()).isTrue();
        } finally {
            trickle.shutdownNow();
        }
        stillWorks();
    }

    @Test
    void after401TheServerClosesInsteadOfReadingTheBody() throws IOException {
        start(NetOptions.defaults().withBearerToken("s3cret"));
        try (RawHttp c = connect()) {
            c.send("POST /ingest HTTP/1.1\r\nHost: x\r\nContent-Length: 300000000\r\n\r\n" + "x".repeat(1000));
            RawHttp.Response r = c.read();
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.header("www-authenticate")).isEqualTo("Bearer");
            assertThat(c.closedByServer()).isTrue();
        }
        assertThat(out).isEmpty();
    }

    @Test
    void theBearerSchemeIsCaseInsensitiveAndUnauthenticatedCallersLearnNoPaths() throws IOException {
        start(NetOptions.defaults().withBearerToken("s3cret"));
        try (RawHttp c = connect()) {
            RawHttp.Response r = c.send(RawHttp.post("/secret/admin", "a")).read();
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.body()).doesNotContain("/ingest").doesNotContain("/secret");
        }
        for (String scheme : List.of("bearer", "BEARER", "Bearer")) {
            try (RawHttp c = connect()) {
                assertThat(c.send(RawHttp.post("/ingest", scheme, "Authorization: " + scheme + " s3cret")).read().status())
                        .as(scheme).isEqualTo(200);
            }
        }
        try (RawHttp c = connect()) {
            RawHttp.Response r = c.send(RawHttp.post("/elsewhere", "a", "Authorization: Bearer s3cret")).read();
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body()).doesNotContain("/elsewhere");
        }
        try (RawHttp c = connect()) {
            assertThat(c.send(RawHttp.post("/ingest", "x", "Authorization: Basic czNjcmV0")).read().status()).isEqualTo(401);
        }
        assertThat(out).containsExactly("bearer", "BEARER", "Bearer");
    }

    @Test
    void keepAliveAndPipelinedRequestsAreAnsweredInOrder() throws IOException {
        start(NetOptions.defaults());
        try (RawHttp c = connect()) {
            c.send(RawHttp.post("/ingest", "one") + RawHttp.post("/ingest", "two") + CHUNKED_HEAD + "5\r\nthree\r\n0\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(200);
            assertThat(c.read().status()).isEqualTo(200);
            assertThat(c.read().status()).isEqualTo(200);
        }
        await().atMost(PATIENCE).until(() -> out.size() == 3);
        assertThat(out).containsExactly("one", "two", "three");
    }
}
