package io.streamz.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.streamz.ErrorPolicy;
import io.streamz.NodeException;
import io.streamz.Stream;
import io.streamz.dataframe.Frame;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dashboard's HTTP side, without a browser: pages, token, snapshots, charts, slow readers. */
class DashboardTest {
    private Dashboard dashboard;

    @AfterEach
    void close() {
        if (dashboard != null) {
            dashboard.close();
        }
    }

    private static HttpURLConnection get(String url, String bearer) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        if (bearer != null) {
            c.setRequestProperty("Authorization", "Bearer " + bearer);
        }
        return c;
    }

    private static String body(HttpURLConnection c) throws Exception {
        return new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private String base() {
        return "http://127.0.0.1:" + dashboard.port();
    }

    @Test
    void servesThePageItsAssetsAndTheGraphOnLoopback() throws Exception {
        Stream<Integer> source = Stream.create("numbers");
        source.map(x -> x * 2).named("double").sinkToList();
        dashboard = Dashboard.serve(source, 0);

        assertThat(dashboard.url()).isEqualTo(base() + "/");
        assertThat(body(get(base() + "/", null))).contains("<title>streamz dashboard</title>");
        assertThat(body(get(base() + "/uplot/uPlot.iife.min.js", null))).contains("uPlot");
        String svg = body(get(base() + "/graph.svg", null));
        assertThat(svg).contains("<g class=\"node\" id=\"n0\">", "<g class=\"node\" id=\"n2\">", ">map &quot;double&quot;</text>");
        assertThat(body(get(base() + "/api/meta", null)))
                .isEqualTo("{\"title\":\"streamz\",\"timing\":false,\"nodes\":[{\"id\":\"n0\","
                        + "\"label\":\"stream \\\"numbers\\\"\",\"kind\":\"stream\",\"policy\":\"propagate\"},"
                        + "{\"id\":\"n1\",\"label\":\"map \\\"double\\\"\",\"kind\":\"map\",\"policy\":\"propagate\"},"
                        + "{\"id\":\"n2\",\"label\":\"sinkToList\",\"kind\":\"sinkToList\",\"policy\":\"propagate\"}],"
                        + "\"charts\":[]}");
        assertThat(get(base() + "/nothing", null).getResponseCode()).isEqualTo(404);
        // nothing answers on this machine's other addresses
        Optional<InetAddress> other = NetworkInterface.networkInterfaces()
                .filter(i -> !isLoopback(i))
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address)
                .findFirst();
        if (other.isPresent()) {
            try (Socket s = new Socket()) {
                assertThatThrownBy(() -> s.connect(new InetSocketAddress(other.get(), dashboard.port()), 5000))
                        .isInstanceOf(ConnectException.class);
            }
        }
    }

    private static boolean isLoopback(NetworkInterface i) {
        try {
            return i.isLoopback() || !i.isUp();
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    @Test
    void aTokenGuardsTheDataButNotTheScripts() throws Exception {
        Stream<Integer> source = Stream.create();
        dashboard = Dashboard.of(source).withToken("s3cret").serve(0);

        assertThat(dashboard.url()).isEqualTo(base() + "/?token=s3cret");
        HttpURLConnection denied = get(base() + "/api/snapshot", null);
        assertThat(denied.getResponseCode()).isEqualTo(401);
        assertThat(denied.getHeaderField("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(get(base() + "/api/snapshot", "wrong").getResponseCode()).isEqualTo(401);
        assertThat(get(base() + "/api/snapshot", "s3cret").getResponseCode()).isEqualTo(200);
        assertThat(get(base() + "/graph.svg?token=s3cret", null).getResponseCode()).isEqualTo(200);
        assertThat(get(base() + "/dashboard.js", null).getResponseCode()).isEqualTo(200);
    }

    @Test
    void snapshotsCarryTheCountersAndTheNewChartPoints() throws Exception {
        Stream<Object> source = Stream.create("rows");
        Stream<Object> parsed = source.map(x -> {
            if ("bad".equals(x)) {
                throw new IllegalArgumentException("bad row");
            }
            return x;
        }).named("check");
        dashboard = Dashboard.of(source)
                .plot("numbers", parsed.filter(x -> x instanceof Number))
                .plot(Chart.of("frames", parsed.filter(x -> x instanceof Frame), "price").withRollingMean(2))
                .plot("maps", parsed.filter(x -> x instanceof Map), "a")
                .serve(0);
        for (Object x : List.of(1, 2.5, Frame.of("price", new double[] {10, 20}, "n", new long[] {1, 2}),
                Map.of("a", 7, "b", "text"), "bad")) {
            try {
                source.emit(x);
            } catch (NodeException e) {
                assertThat(e.node()).isSameAs(parsed);   // counted by the node itself
            }
        }
        String snap = body(get(base() + "/api/snapshot", null));
        assertThat(snap).contains("{\"id\":\"n0\",\"in\":5,\"out\":5,\"failed\":0,")
                .contains("{\"id\":\"n1\",\"in\":5,\"out\":4,\"failed\":1,\"skipped\":0,\"routed\":0,")
                .containsPattern("\\{\"id\":0,\"series\":\\[\"numbers\"],\"total\":2,\"points\":\\[\\[[0-9.E]+,1],\\[[0-9.E]+,2.5]]}")
                .containsPattern("\\{\"id\":1,\"series\":\\[\"price\",\"mean\\(2\\) of price\"],\"total\":2,"
                        + "\"points\":\\[\\[[0-9.E]+,10,10],\\[[0-9.E]+,20,15]]}")
                .containsPattern("\\{\"id\":2,\"series\":\\[\"a\"],\"total\":1,\"points\":\\[\\[[0-9.E]+,7]]}");
    }

    @Test
    void theTableShowsTheCoreCountsByPolicyAndTheErrorsStreamBesideItsOwner() throws Exception {
        Stream<String> lines = Stream.create("lines");
        Stream<Integer> sizes = lines.map(s -> 10 / s.length()).named("sizes").onError(ErrorPolicy.skip());
        Stream<Integer> parse = lines.map(Integer::parseInt).named("parse");
        Stream<Integer> checked = parse.map(x -> {
            if (x < 0) {
                throw new IllegalArgumentException("negative");
            }
            return x;
        }).named("check");
        checked.errors().sinkToList();
        sizes.sinkToList();
        checked.sinkToList();
        dashboard = Dashboard.of(lines).withTiming().serve(0);
        for (String s : List.of("1", "x", "", "-2", "3")) {
            try {
                lines.emit(s);
            } catch (NodeException e) {
                assertThat(e.node()).isSameAs(parse);
            }
        }
        // n0 lines, n1 sizes, n2 parse, n3 sinkToList, n4 check, n5 sinkToList, n6 errors, n7 sinkToList
        String meta = body(get(base() + "/api/meta", null));
        assertThat(meta).startsWith("{\"title\":\"streamz\",\"timing\":true,")
                .contains("{\"id\":\"n1\",\"label\":\"map \\\"sizes\\\"\",\"kind\":\"map\",\"policy\":\"skip\"}")
                .contains("{\"id\":\"n4\",\"label\":\"map \\\"check\\\"\",\"kind\":\"map\",\"policy\":\"route\"}")
                .contains("{\"id\":\"n6\",\"label\":\"errors(of=map \\\"check\\\")\",\"kind\":\"errors\","
                        + "\"policy\":\"propagate\",\"sideOf\":\"n4\"}");
        String snap = body(get(base() + "/api/snapshot", null));
        assertThat(snap)
                .contains("{\"id\":\"n1\",\"in\":5,\"out\":4,\"failed\":0,\"skipped\":1,\"routed\":0,\"retried\":0,")
                .contains("{\"id\":\"n2\",\"in\":5,\"out\":3,\"failed\":2,\"skipped\":0,\"routed\":0,\"retried\":0,")
                .contains("{\"id\":\"n4\",\"in\":3,\"out\":2,\"failed\":0,\"skipped\":0,\"routed\":1,\"retried\":0,")
                .contains("{\"id\":\"n6\",\"in\":1,\"out\":1,\"failed\":0,")
                .contains("{\"id\":\"n2\",\"in\":5,\"out\":3,\"failed\":2,\"skipped\":0,\"routed\":0,\"retried\":0,"
                        + "\"held\":0,\"queued\":0,\"timed\":5,");
        String svg = body(get(base() + "/graph.svg", null));
        assertThat(svg.split("<polyline class=\"edge dashed\"")).hasSize(2);   // check -> errors
        assertThat(lines.graphNodes()).startsWith(lines, sizes, parse, sizes.downstreams().get(0), checked,
                checked.downstreams().get(0), checked.errors());
    }

    @Test
    void eachEventStreamGetsOnlyThePointsItHasNotSeen() throws Exception {
        Stream<Integer> source = Stream.create();
        dashboard = Dashboard.of(source).plot("n", source).withInterval(Duration.ofMillis(50)).serve(0);
        source.emit(1);
        HttpURLConnection c = get(base() + "/events", null);
        assertThat(c.getContentType()).startsWith("text/event-stream");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
            String first = next(in);
            assertThat(first).contains("\"total\":1,\"points\":[[");
            source.emit(2);
            String later = await().atMost(Duration.ofSeconds(30)).until(() -> next(in), s -> s.contains("\"total\":2"));
            assertThat(later).containsPattern("\"points\":\\[\\[[0-9.E]+,2]]");
        }
    }

    private static String next(BufferedReader in) throws Exception {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith("data: ")) {
                return line.substring(6);
            }
        }
        throw new AssertionError("the event stream ended");
    }

    @Test
    void aBrowserThatDoesNotReadNeverHoldsTheGraphBack() throws Exception {
        Stream<Integer> source = Stream.create();
        source.sinkToList();
        dashboard = Dashboard.of(source).plot("n", source.map(x -> x)).withInterval(Duration.ofMillis(50)).serve(0);
        try (Socket stuck = new Socket("127.0.0.1", dashboard.port())) {
            stuck.setReceiveBufferSize(1024);
            stuck.getOutputStream().write("GET /events HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            // it never reads: its socket fills, its snapshots are skipped, the graph goes on
            for (int i = 0; i < 200_000; i++) {
                source.emit(i);
            }
            String snap = body(get(base() + "/api/snapshot", null));
            assertThat(snap).contains("{\"id\":\"n0\",\"in\":200000,\"out\":200000,")
                    .contains("\"total\":200000,");
            // the chart keeps its last 600 points (withPoints), the latest among them
            Matcher points = Pattern.compile("\"points\":\\[(.*)]}]}$").matcher(snap);
            assertThat(points.find()).isTrue();
            assertThat(points.group(1).split("],\\[")).hasSize(600);
            assertThat(points.group(1)).endsWith(",199999]");
        }
    }

    @Test
    void checksItsArguments() {
        Stream<Integer> source = Stream.create();
        assertThatThrownBy(() -> Dashboard.of(source).serve(70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Dashboard: port must be in 0..65535, was 70000");
        assertThatThrownBy(() -> Dashboard.of(source).withInterval(Duration.ofMillis(10)))
                .hasMessage("Dashboard: interval must be >= 50ms, was PT0.01S");
        assertThatThrownBy(() -> Chart.of("x", source).withRollingMean(1))
                .hasMessage("Chart: rollingMean must be >= 2, was 1");
        assertThatThrownBy(() -> Dashboard.of(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("Dashboard: graph is null");
    }
}
