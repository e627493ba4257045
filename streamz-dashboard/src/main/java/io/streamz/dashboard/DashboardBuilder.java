package io.streamz.dashboard;

import io.streamz.Stream;
import io.streamz.dashboard.internal.DashboardServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The settings of a dashboard before it is served; immutable, each {@code with...} and
 * {@code plot} returns a new builder.
 *
 * <pre>{@code
 * Dashboard d = Dashboard.of(source)
 *         .withTitle("shop")
 *         .withToken(System.getenv("DASHBOARD_TOKEN"))   // optional bearer token
 *         .plot("revenue", revenue)                      // a Stream<Number>
 *         .plot(Chart.of("orders", frames, "amount").withRollingMean(20))
 *         .serve(8080);
 * }</pre>
 */
public final class DashboardBuilder {
    static final Duration DEFAULT_INTERVAL = Duration.ofMillis(500);

    private final Stream<?> graph;
    private final List<Chart> charts;
    private final String title;
    private final String host;
    private final String token;
    private final Duration interval;
    private final boolean timing;

    DashboardBuilder(Stream<?> graph, List<Chart> charts, String title, String host, String token,
            Duration interval, boolean timing) {
        this.graph = graph;
        this.charts = List.copyOf(charts);
        this.title = title;
        this.host = host;
        this.token = token;
        this.interval = interval;
        this.timing = timing;
    }

    /**
     * Adds a chart of {@code stream}'s values (see {@link Chart}).
     *
     * @param title the chart's title
     * @param stream the stream to plot: numbers, frames, series or maps
     * @param columns for frames and maps, the columns to plot; none: every numeric one
     * @return the builder with the chart
     */
    public DashboardBuilder plot(String title, Stream<?> stream, String... columns) {
        return plot(Chart.of(title, stream, columns));
    }

    /**
     * Adds {@code chart}.
     *
     * @param chart the chart
     * @return the builder with the chart
     */
    public DashboardBuilder plot(Chart chart) {
        List<Chart> more = new ArrayList<>(charts);
        more.add(Objects.requireNonNull(chart, "Dashboard: chart is null"));
        return new DashboardBuilder(graph, more, title, host, token, interval, timing);
    }

    /**
     * The page's title.
     *
     * @param title shown at the top of the page and in the browser's tab
     * @return the builder with the title
     */
    public DashboardBuilder withTitle(String title) {
        return new DashboardBuilder(graph, charts, Objects.requireNonNull(title, "Dashboard: title is null"), host,
                token, interval, timing);
    }

    /**
     * The address to listen on: {@code 127.0.0.1} (the default) serves this machine only;
     * {@code 0.0.0.0} every network, best with a token.
     *
     * @param host the address
     * @return the builder with the host
     */
    public DashboardBuilder withHost(String host) {
        return new DashboardBuilder(graph, charts, title, Objects.requireNonNull(host, "Dashboard: host is null"),
                token, interval, timing);
    }

    /**
     * Requires a bearer token: requests send {@code Authorization: Bearer TOKEN}, or a browser
     * opens {@code /?token=TOKEN} (the page passes it on). Others get 401.
     *
     * @param token the token
     * @return the builder with the token
     */
    public DashboardBuilder withToken(String token) {
        return new DashboardBuilder(graph, charts, title, host, Objects.requireNonNull(token, "Dashboard: token is null"),
                interval, timing);
    }

    /**
     * How often a browser gets a snapshot (default half a second).
     *
     * @param interval the period, at least 50 ms
     * @return the builder with the interval
     */
    public DashboardBuilder withInterval(Duration interval) {
        Objects.requireNonNull(interval, "Dashboard: interval is null");
        if (interval.toMillis() < 50) {
            throw new IllegalArgumentException("Dashboard: interval must be >= 50ms, was " + interval);
        }
        return new DashboardBuilder(graph, charts, title, host, token, interval, timing);
    }

    /**
     * Also measures the time each node spends in itself (its function included, its downstreams
     * left out): the table shows the mean per element and the share of the time the node was
     * busy, and the picture colours the nodes by it. Costs two clock reads per node and element.
     *
     * <pre>{@code
     * Dashboard.of(source).withTiming().serve(0);
     * }</pre>
     *
     * @return the builder with timing
     */
    public DashboardBuilder withTiming() {
        return new DashboardBuilder(graph, charts, title, host, token, interval, true);
    }

    /**
     * Serves the dashboard.
     *
     * @param port the port; 0 picks a free one
     * @return the running dashboard
     */
    public Dashboard serve(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Dashboard: port must be in 0..65535, was " + port);
        }
        // the clock of the charts and of the snapshots; a VirtualTimeScheduler in tests
        Scheduler clock = Schedulers.parallel();
        return new Dashboard(new DashboardServer(graph, charts, title, host, port, token, interval, timing,
                clock));
    }
}
