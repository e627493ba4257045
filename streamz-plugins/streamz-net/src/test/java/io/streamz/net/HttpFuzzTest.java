package io.streamz.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated HTTP requests, well-formed or broken, as raw bytes against one running server:
 * each connection gets well-formed answers with a known status and then an end (no hang), the
 * graph gets exactly the bodies answered 200, and the server keeps taking good requests.
 */
class HttpFuzzTest {
    private static final Set<Integer> STATUSES = Set.of(100, 200, 400, 401, 404, 405, 408, 413, 417, 501, 503, 505);
    private static final Pattern STATUS_LINE = Pattern.compile("(?m)^HTTP/1\\.1 (\\d{3}) ");
    private static HttpServerSource in;
    private static List<String> out;

    @BeforeContainer
    static void start() {
        in = Net.fromHttpServer(0, "/ingest", NetOptions.defaults().withBearerToken("t").withMaxSize(256)
                .withIdleTimeout("5s").withRequestTimeout("5s"));
        out = in.sinkToList();
        in.start();
    }

    @AfterContainer
    static void stop() throws IOException {
        try {
            assertThat(exchange(RawHttp.post("/ingest", "still alive", "Authorization: Bearer t")
                    .getBytes(StandardCharsets.UTF_8))).startsWith("HTTP/1.1 200 ");
            assertThat(out).last().isEqualTo("still alive");
            assertThat(in.inFlight()).isZero();
            assertThat(in.budget().used()).isZero();
        } finally {
            in.stop();
        }
    }

    @Property(tries = 1_500)
    void everyConnectionIsAnsweredAndEnds(@ForAll("requests") byte[] bytes) throws IOException {
        int before = out.size();
        String answers = exchange(bytes);

        Matcher m = STATUS_LINE.matcher(answers);
        int ok = 0;
        int answered = 0;
        while (m.find()) {
            int status = Integer.parseInt(m.group(1));
            assertThat(STATUSES).as("status of answer %d in %s", answered, answers).contains(status);
            ok += status == 200 ? 1 : 0;
            answered++;
        }
        assertThat(answers.isEmpty() || answers.startsWith("HTTP/1.1 ")).as(answers).isTrue();
        assertThat(out.size() - before).as("elements for %d answers 200", ok).isEqualTo(ok);
    }

    /** Sends {@code bytes}, shuts the output down and reads until the server closes. */
    private static String exchange(byte[] bytes) throws IOException {
        try (Socket s = new Socket("127.0.0.1", in.port())) {
            s.setSoTimeout(20_000);                        // a hang fails the property
            s.getOutputStream().write(bytes);
            s.shutdownOutput();
            ByteArrayOutputStream answers = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            try {
                for (int n; (n = s.getInputStream().read(buf)) >= 0; ) {
                    answers.write(buf, 0, n);
                }
            } catch (java.net.SocketException reset) {
                // a reset after the answers (the server closed with unread input) ends it too
            }
            return answers.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Provide
    Arbitrary<byte[]> requests() {
        Arbitrary<String> one = request();
        Arbitrary<byte[]> wellFormedOrNot = one.list().ofMinSize(1).ofMaxSize(3)
                .map(l -> String.join("", l).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> mutated = Combinators.combine(wellFormedOrNot, mutations()).as(HttpFuzzTest::mutate);
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, wellFormedOrNot), net.jqwik.api.Tuple.of(4, mutated), net.jqwik.api.Tuple.of(1, noise));
    }

    private Arbitrary<String> request() {
        Arbitrary<String> method = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.just("POST")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("GET", "PUT", "HEAD", "P0ST", "", "post")));
        Arbitrary<String> path = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.just("/ingest")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("/other", "/ingest?x=1", "*", "", "/ingest/", "/%00")));
        Arbitrary<String> version = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, Arbitraries.just("HTTP/1.1")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("HTTP/1.0", "HTTP/1.2", "HTTP/2.0", "HTTP/x", "", "http/1.1")));
        Arbitrary<String> auth = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.just("Authorization: Bearer t\r\n")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", "Authorization: bearer t\r\n", "Authorization: Bearer x\r\n",
                        "Authorization: Basic dDp0\r\n", "Authorization: Bearer\r\n")));
        Arbitrary<String> extra = Arbitraries.of("", "", "", "Connection: close\r\n", "Expect: 100-continue\r\n",
                "Expect: nothing\r\n", "Connection: keep-alive\r\n", "X: " + "y".repeat(9000) + "\r\n");
        Arbitrary<String> body = Arbitraries.oneOf(Arbitraries.strings().alpha().ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(40), Arbitraries.strings().alpha().ofLength(300));
        Arbitrary<Integer> framing = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(1)), net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(2, 9)));
        return Combinators.combine(method, path, version, auth, extra, body, framing)
                .as((m, p, v, a, x, b, f) -> m + " " + p + " " + v + "\r\nHost: h\r\n" + a + x + framed(b, f));
    }

    /** The body with its framing headers: 0 and 1 well-formed, the others broken or refused. */
    private static String framed(String body, int framing) {
        int n = body.getBytes(StandardCharsets.UTF_8).length;
        String hex = Integer.toHexString(n);
        return switch (framing) {
            case 0 -> "Content-Length: " + n + "\r\n\r\n" + body;
            case 1 -> "Transfer-Encoding: chunked\r\n\r\n" + (n == 0 ? "" : hex + "\r\n" + body + "\r\n") + "0\r\n\r\n";
            case 2 -> "Content-Length: " + (n + 1) + "\r\n\r\n" + body;
            case 3 -> "Content-Length: " + (n == 0 ? 0 : n - 1) + "\r\n\r\n" + body;
            case 4 -> "Content-Length: abc\r\n\r\n" + body;
            case 5 -> "Transfer-Encoding: chunked\r\n\r\nQQ\r\n" + body + "\r\n0\r\n\r\n";
            case 6 -> "Transfer-Encoding: gzip\r\n\r\n" + hex + "\r\n" + body + "\r\n0\r\n\r\n";
            case 7 -> "Transfer-Encoding: chunked\r\nContent-Length: " + n + "\r\n\r\n" + hex + "\r\n" + body + "\r\n0\r\n\r\n";
            case 8 -> "Content-Length: 99999999\r\n\r\n" + body;
            default -> "\r\n" + body;
        };
    }

    private Arbitrary<List<int[]>> mutations() {
        Arbitrary<int[]> one = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.integers().between(0, 255))
                .as((kind, at, value) -> new int[] {kind, at, value});
        return one.list().ofMinSize(1).ofMaxSize(3);
    }

    /** Flips, deletes or inserts a byte, or cuts the request short. */
    private static byte[] mutate(byte[] bytes, List<int[]> mutations) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(bytes);
        byte[] r = b.toByteArray();
        for (int[] m : mutations) {
            if (r.length == 0) {
                break;
            }
            int at = m[1] % r.length;
            ByteArrayOutputStream next = new ByteArrayOutputStream();
            switch (m[0]) {
                case 0 -> {
                    r[at] = (byte) m[2];
                    continue;
                }
                case 1 -> {
                    next.write(r, 0, at);
                    next.write(r, at + 1, r.length - at - 1);
                }
                case 2 -> {
                    next.write(r, 0, at);
                    next.write(m[2]);
                    next.write(r, at, r.length - at);
                }
                default -> next.write(r, 0, at);
            }
            r = next.toByteArray();
        }
        return r;
    }
}
