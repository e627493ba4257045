package io.streamz.dashboard;

import io.streamz.Stream;
import io.streamz.dashboard.internal.DashboardServer;
import java.util.List;
import java.util.Objects;

/**
 * A live web page of a running stream graph: its picture (the same as {@code visualize}, nodes
 * annotated with their rates and coloured by load, failing nodes marked, errors streams on
 * dashed edges), a table of per-node counters, and live charts of stream values. Served by
 * Reactor Netty on {@code 127.0.0.1} by default; the page's scripts come from the class path, so
 * it works offline.
 *
 * <pre>{@code
 * Stream<Integer> source = Stream.create("numbers");
 * Stream<Integer> doubled = source.map(x -> x * 2).named("double");
 * doubled.sinkToList();
 *
 * try (Dashboard d = Dashboard.of(source).plot("doubled", doubled).serve(0)) {
 *     System.out.println(d.url());   // http://127.0.0.1:PORT/
 *     for (int i = 0; i < 1000; i++) source.emit(i);
 * }
 * }</pre>
 *
 * <p>The graph is the one {@code source} belongs to when the dashboard starts. The counters are
 * the graph's own ({@link Stream#stats()}), turned on when the dashboard starts
 * ({@link Stream#enableMetrics(boolean)}: about a nanosecond per node and element; they stay
 * on), failures by what each node's error policy did with them. Each browser gets a snapshot
 * every half second over Server-Sent Events; one that reads slowly skips snapshots and always
 * gets the latest values. The graph never waits for a browser.
 */
public final class Dashboard implements AutoCloseable {
    private final DashboardServer server;

    Dashboard(DashboardServer server) {
        this.server = server;
    }

    /**
     * Serves a dashboard of {@code graph} on {@code 127.0.0.1:port}, without charts or token.
     *
     * @param graph any node of the graph to show
     * @param port the port; 0 picks a free one (see {@link #port()})
     * @return the running dashboard; close it to stop serving
     */
    public static Dashboard serve(Stream<?> graph, int port) {
        return of(graph).serve(port);
    }

    /**
     * Starts setting up a dashboard of {@code graph}: add charts, a token, a host, then
     * {@link DashboardBuilder#serve(int) serve}.
     *
     * @param graph any node of the graph to show
     * @return a builder with the defaults: host {@code 127.0.0.1}, no token, no charts
     */
    public static DashboardBuilder of(Stream<?> graph) {
        return new DashboardBuilder(Objects.requireNonNull(graph, "Dashboard: graph is null"), List.of(),
                "streamz", "127.0.0.1", null, DashboardBuilder.DEFAULT_INTERVAL, false);
    }

    /**
     * The page's address, with the token when one is set.
     *
     * @return e.g. {@code http://127.0.0.1:8080/}
     */
    public String url() {
        return "http://" + host() + ":" + port() + "/" + server.tokenQuery();
    }

    /**
     * The port the dashboard listens on.
     *
     * @return the port, also when 0 was asked for
     */
    public int port() {
        return server.port();
    }

    private String host() {
        String h = server.host();
        return h.contains(":") ? "[" + h + "]" : h;
    }

    /** Stops serving; open pages show that the dashboard is gone. */
    @Override
    public void close() {
        server.close();
    }
}
