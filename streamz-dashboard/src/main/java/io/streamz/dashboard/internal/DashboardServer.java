package io.streamz.dashboard.internal;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.streamz.NodeStats;
import io.streamz.Stream;
import io.streamz.dashboard.Chart;
import io.streamz.graphviz.GraphvizRenderer;
import io.streamz.metrics.internal.GraphStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Serves the dashboard: the page and its assets, the graph's picture, and {@code /events}, a
 * Server-Sent Events stream of snapshots (node counters, new chart points). The counters are the
 * graph's own, read through {@link GraphStats} (which turns them on).
 *
 * <p>Each connection gets at most one snapshot per interval, built when it is sent, and the next
 * only once the previous one was written to the socket: a slow browser skips snapshots and gets
 * the latest state, and costs the graph nothing (the graph only counts and appends to the
 * charts' rings). Snapshots read the counters without entering the graph: they may be a few
 * elements behind.
 */
public final class DashboardServer {
    private static final String UPLOT = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
    private static final Pattern LABEL = Pattern.compile("^(  n\\d+ \\[label=\"(?:[^\"\\\\]|\\\\.)*)\"",
            Pattern.MULTILINE);

    private static final java.util.Set<String> ASSETS = java.util.Set.of("/dashboard.js", "/dashboard.css",
            "/uplot/uPlot.iife.min.js", "/uplot/uPlot.min.css");

    private final GraphStats stats;
    private final List<ChartFeed> charts = new ArrayList<>();
    private final String title;
    private final String token;
    private final Duration interval;
    private final Scheduler clock;
    private final String svg;
    private final DisposableServer server;

    public DashboardServer(Stream<?> graph, List<Chart> charts, String title, String host, int port, String token,
            Duration interval, boolean timing, Scheduler clock) {
        this.stats = GraphStats.start(graph, timing);   // before the charts' sinks: the picture is the user's graph
        this.title = title;
        this.token = token;
        this.interval = interval;
        this.clock = clock;
        for (Chart c : charts) {
            this.charts.add(new ChartFeed(this.charts.size(), c, clock));
        }
        // room for a second line under each label: the page writes the node's rate there
        this.svg = new GraphvizRenderer(GraphvizRenderer.Engine.ELK)
                .svg(LABEL.matcher(stats.dot("LR")).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\\n \"")));
        this.server = HttpServer.create()
                .host(host)
                .port(port)
                .handle(this::handle)
                .bindNow();
    }

    public int port() {
        return server.port();
    }

    public String host() {
        return server.host();
    }

    /** {@code ?token=...} when a token is required, else nothing. */
    public String tokenQuery() {
        return token == null ? "" : "?token=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }

    private Publisher<Void> handle(HttpServerRequest req, HttpServerResponse res) {
        QueryStringDecoder uri = new QueryStringDecoder(req.uri());
        String path = uri.path();
        // the scripts and styles are the same for every dashboard: they need no token (a page
        // cannot add one to its <script> and <link> requests); the graph and its data do
        if (!ASSETS.contains(path) && !authorized(req, uri)) {
            res.header(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
            return text(res, HttpResponseStatus.UNAUTHORIZED, "text/plain",
                    "missing or wrong bearer token: send it as \"Authorization: Bearer ...\" or open /?token=...\n");
        }
        switch (path) {
            case "/":
            case "/index.html":
                return resource(res, "io/streamz/dashboard/index.html", "text/html; charset=utf-8");
            case "/dashboard.js":
                return resource(res, "io/streamz/dashboard/dashboard.js", "text/javascript; charset=utf-8");
            case "/dashboard.css":
                return resource(res, "io/streamz/dashboard/dashboard.css", "text/css; charset=utf-8");
            case "/uplot/uPlot.iife.min.js":
                return resource(res, UPLOT + "uPlot.iife.min.js", "text/javascript; charset=utf-8");
            case "/uplot/uPlot.min.css":
                return resource(res, UPLOT + "uPlot.min.css", "text/css; charset=utf-8");
            case "/graph.svg":
                return text(res, HttpResponseStatus.OK, "image/svg+xml", svg);
            case "/api/meta":
                return text(res, HttpResponseStatus.OK, "application/json", meta());
            case "/api/snapshot":
                return text(res, HttpResponseStatus.OK, "application/json", snapshot(new long[charts.size()]));
            case "/events":
                return events(res);
            default:
                return text(res, HttpResponseStatus.NOT_FOUND, "text/plain", "no such page: " + path + "\n");
        }
    }

    private boolean authorized(HttpServerRequest req, QueryStringDecoder uri) {
        if (token == null) {
            return true;
        }
        String header = req.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
        List<String> query = uri.parameters().get("token");
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7)
                : query != null && !query.isEmpty() ? query.get(0) : null;
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    /** One snapshot per interval at most, built when sent, the next after the previous is written. */
    private Publisher<Void> events(HttpServerResponse res) {
        long[] cursors = new long[charts.size()];
        res.sse();
        res.header(HttpHeaderNames.CACHE_CONTROL, "no-store");
        return Flux.interval(Duration.ZERO, interval, clock)
                .onBackpressureLatest()
                // a Flux, not a Mono: for a Mono body Reactor Netty sets Content-Length and ends the response
                .concatMap(tick -> res.sendString(Flux.defer(() -> Flux.just("data: " + snapshot(cursors) + "\n\n"))), 1)
                .then();
    }

    private String meta() {
        StringBuilder b = new StringBuilder("{\"title\":");
        Json.string(b, title).append(",\"timing\":").append(stats.timing()).append(",\"nodes\":[");
        List<Stream<?>> nodes = stats.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Stream<?> n = nodes.get(i);
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"id\":\"n").append(i).append("\",\"label\":");
            Json.string(b, n.toString()).append(",\"kind\":");
            Json.string(b, n.kind()).append(",\"policy\":");
            Json.string(b, n.errorPolicy().toString());
            int owner = stats.owner(i);
            if (owner >= 0) {   // a side output (an errors stream): fed by its owner, on a dashed edge
                b.append(",\"sideOf\":\"n").append(owner).append('"');
            }
            b.append('}');
        }
        b.append("],\"charts\":[");
        for (ChartFeed c : charts) {
            if (c.id() > 0) {
                b.append(',');
            }
            b.append("{\"id\":").append(c.id()).append(",\"title\":");
            Json.string(b, c.chart().title()).append(",\"points\":").append(c.chart().points()).append('}');
        }
        return b.append("]}").toString();
    }

    private String snapshot(long[] cursors) {
        int count = stats.nodes().size();
        StringBuilder b = new StringBuilder(256 + 160 * count);
        b.append("{\"time\":").append(clock.now(TimeUnit.MILLISECONDS)).append(",\"nodes\":[");
        for (int i = 0; i < count; i++) {
            NodeStats c = stats.stats(i);
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"id\":\"n").append(i)
                    .append("\",\"in\":").append(c.in())
                    .append(",\"out\":").append(c.out())
                    .append(",\"failed\":").append(c.failed())
                    .append(",\"skipped\":").append(c.skipped())
                    .append(",\"routed\":").append(c.routed())
                    .append(",\"retried\":").append(c.retried())
                    .append(",\"held\":").append(c.held())
                    .append(",\"queued\":").append(c.queued())
                    .append(",\"timed\":").append(stats.timed(i))
                    .append(",\"busyNanos\":").append(c.busyNanos())
                    .append('}');
        }
        b.append("],\"charts\":[");
        for (ChartFeed c : charts) {
            if (c.id() > 0) {
                b.append(',');
            }
            cursors[c.id()] = c.appendSince(cursors[c.id()], b);
        }
        return b.append("]}").toString();
    }

    private static Publisher<Void> text(HttpServerResponse res, HttpResponseStatus status, String type, String body) {
        return res.status(status)
                .header(HttpHeaderNames.CONTENT_TYPE, type)
                .header(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .sendString(Mono.just(body));
    }

    private static Publisher<Void> resource(HttpServerResponse res, String name, String type) {
        byte[] bytes = read(name);
        return res.status(HttpResponseStatus.OK)
                .header(HttpHeaderNames.CONTENT_TYPE, type)
                .sendByteArray(Mono.just(bytes));
    }

    private static byte[] read(String name) {
        try (InputStream in = DashboardServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("dashboard: " + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The uPlot WebJar's version, from its Maven metadata on the class path. */
    private static String uplotVersion() {
        String props = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
        try (InputStream in = DashboardServer.class.getClassLoader().getResourceAsStream(props)) {
            if (in == null) {
                throw new IllegalStateException("dashboard: the uPlot WebJar (org.webjars.npm:uplot) is not on the class path");
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
