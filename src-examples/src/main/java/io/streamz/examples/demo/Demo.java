package io.streamz.examples.demo;

import io.streamz.dashboard.Chart;
import io.streamz.dashboard.Dashboard;
import io.streamz.spi.GraphRenderer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * {@code ./streamz demo}: replays a day of web-shop events through {@link ShopPipeline}, paced by
 * the events' own timestamps, showing progress as it goes, then prints a summary and writes it,
 * an hourly table and the graph (DOT, SVG, PNG) to the output folder.
 *
 * <p>The graph's windows and timeouts run on a virtual clock that the replay moves to each
 * event's timestamp, so "one hour" means an hour of the day replayed, at any speed.
 *
 * <pre>{@code
 * ./streamz demo                              # the bundled day in about 17 seconds
 * ./streamz demo --speedup max --out /tmp/d   # as fast as possible
 * ./streamz demo --data my-day.csv            # your own data, same columns
 * }</pre>
 */
public final class Demo {
    /** The bundled data set, on the class path. */
    public static final String RESOURCE = "/data/shop-events.csv";

    private final DemoOptions options;
    private final PrintStream out;

    private Demo(DemoOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Runs the demo with command-line options (see {@link DemoOptions#USAGE}).
     *
     * @param args the options
     */
    public static void main(String[] args) throws IOException {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(DemoOptions.USAGE);
            return;
        }
        new Demo(options, System.out).run();
    }

    private void run() throws IOException {
        Files.createDirectories(options.out());
        out.printf(Locale.ROOT, "streamz demo: replaying %s %s%n", source(),
                options.speedup() == 0 ? "as fast as possible"
                        : String.format(Locale.ROOT, "at %,.0fx speed", options.speedup()));
        try (BufferedReader reader = open()) {
            String header = reader.readLine();
            if (header == null || !header.equals(ShopEvent.HEADER)) {
                throw new IOException("expected the header \"" + ShopEvent.HEADER + "\", found \"" + header + "\"");
            }
            String first = reader.readLine();
            Instant t0 = first == null ? null : timeOf(first);
            if (t0 == null) {
                throw new IOException("the first event has no time: \"" + first + "\"");
            }
            Instant day = t0.truncatedTo(ChronoUnit.DAYS);
            VirtualTimeScheduler clock = VirtualTimeScheduler.create();
            clock.advanceTimeTo(day);
            Dashboard[] dashboard = {null};
            ShopPipeline pipeline = new ShopPipeline(clock, day,
                    p -> dashboard[0] = options.dashboard() ? dashboard(p) : null);

            Files.writeString(options.out().resolve("graph.dot"), pipeline.dot(), StandardCharsets.UTF_8);
            CompletableFuture<String> picture = new CompletableFuture<>();
            if (options.picture()) {
                // not a daemon: the JVM ends once the picture is written, even when the replay ends first
                new Thread(() -> picture.complete(draw(pipeline.dot())), "streamz-demo-picture").start();
            } else {
                picture.complete(null);
            }

            long started = System.nanoTime();
            Instant last = replay(first, reader, pipeline, clock, t0);
            // Close the last hour's windows and the visits still open.
            Instant end = last.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
            clock.advanceTimeTo(end.isAfter(last.plus(Duration.ofMinutes(30))) ? end : last.plus(Duration.ofMinutes(30)));
            double seconds = (System.nanoTime() - started) / 1e9;
            if (dashboard[0] != null) {
                awaitEnter(dashboard[0]);
            }

            String summary = Summary.text(pipeline, day, seconds);
            out.println();
            out.print(summary);
            Files.writeString(options.out().resolve("summary.txt"), summary, StandardCharsets.UTF_8);
            Files.writeString(options.out().resolve("hourly.csv"), Summary.hourlyCsv(pipeline), StandardCharsets.UTF_8);
            if (picture.isDone() || options.speedup() != 0) {
                String drawnBy = picture.join();
                out.printf(Locale.ROOT, "%nwrote %s: summary.txt, hourly.csv, graph.dot%s%n", options.out(),
                        drawnBy == null ? "" : ", " + drawnBy);
            } else {
                // as fast as possible means not waiting for the picture either: it follows
                out.printf(Locale.ROOT, "%nwrote %s: summary.txt, hourly.csv, graph.dot (the picture follows)%n",
                        options.out());
                picture.thenAccept(drawnBy -> out.printf(Locale.ROOT, "wrote %s%n", drawnBy));
            }
        }
    }

    /** Serves the dashboard of the pipeline's graph, with charts of its revenue and baskets. */
    private Dashboard dashboard(ShopPipeline p) {
        Dashboard d = Dashboard.of(p.lines())
                .withTitle("web shop demo")
                .plot("revenue (running total)", p.revenueTotals())
                .plot(Chart.of("purchase amounts", p.batches(), "amount").withRollingMean(50))
                .plot("basket: rolling mean of the last hour", p.basketMeans())
                .withTiming()
                .serve(0);
        out.println("dashboard: " + d.url());
        return d;
    }

    /** Keeps the dashboard up after the replay until Enter (or the end of the input). */
    private void awaitEnter(Dashboard d) throws IOException {
        out.println("replay done; the dashboard stays at " + d.url() + " until you press Enter");
        try (d) {
            for (int c = System.in.read(); c != -1 && c != '\n'; c = System.in.read()) {
                // the rest of the line
            }
        }
    }

    /** Draws graph.svg and graph.png; returns what was written and by whom, or why not. */
    private String draw(String dot) {
        Optional<GraphRenderer> renderer = ServiceLoader.load(GraphRenderer.class).findFirst();
        if (renderer.isEmpty()) {
            return "no graph picture (add io.streamz:streamz-graphviz to draw one)";
        }
        try {
            renderer.get().render(dot, options.out().resolve("graph.svg"), "svg");
            renderer.get().render(dot, options.out().resolve("graph.png"), "png");
            return "graph.svg and graph.png (drawn by " + renderer.get().name() + ")";
        } catch (IOException | RuntimeException | LinkageError e) {
            return "no graph picture: " + e.getMessage();
        }
    }

    private String source() {
        return options.data() != null ? options.data().toString()
                : "the bundled day of shop events (" + RESOURCE.substring(1) + ")";
    }

    private BufferedReader open() throws IOException {
        InputStream in = options.data() != null
                ? Files.newInputStream(options.data())
                : Demo.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IOException("the bundled data set " + RESOURCE + " is not on the class path");
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /**
     * Emits each line when its time comes (event time divided by the speed-up), moving the
     * graph's clock to the event's time first; prints progress every second.
     *
     * @return the time of the last event
     */
    private Instant replay(String first, BufferedReader reader, ShopPipeline pipeline, VirtualTimeScheduler clock,
            Instant t0) throws IOException {
        out.printf(Locale.ROOT, "%7s  %-5s %10s  %-11s  %s%n", "wall", "event", "events", "revenue",
                "elements out of each node");
        long wallStart = System.nanoTime();
        long lastReport = wallStart;
        long lastCount = 0;
        Instant now = t0;
        for (String line = first; line != null; line = reader.readLine()) {
            Instant t = timeOf(line);
            if (t != null && t.isAfter(now)) {
                now = t;
                pace(wallStart, t0, t);
                clock.advanceTimeTo(t);
            }
            pipeline.lines().emit(line);
            long wall = System.nanoTime();
            if (wall - lastReport >= 1_000_000_000L) {
                progress(pipeline, wallStart, lastReport, lastCount, now, wall);
                lastReport = wall;
                lastCount = pipeline.lineCount();
            }
        }
        progress(pipeline, wallStart, lastReport, lastCount, now, System.nanoTime());
        return now;
    }

    private void progress(ShopPipeline p, long wallStart, long since, long countThen, Instant now, long wall) {
        out.printf(Locale.ROOT, "%6.1fs  %s %,8.0f/s  %-11s  %s%n",
                (wall - wallStart) / 1e9, now.toString().substring(11, 16),
                (p.lineCount() - countThen) * 1e9 / Math.max(wall - since, 1),
                Summary.money(p.revenue()), p.meters().line());
    }

    private void pace(long wallStart, Instant t0, Instant t) {
        if (options.speedup() == 0) {
            return;
        }
        long dueNanos = (long) ((t.toEpochMilli() - t0.toEpochMilli()) * 1e6 / options.speedup());
        long ahead = dueNanos - (System.nanoTime() - wallStart);
        if (ahead > 2_000_000L) {
            try {
                Thread.sleep(ahead / 1_000_000L, (int) (ahead % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("demo interrupted", e);
            }
        }
    }

    private static Instant timeOf(String line) {
        int comma = line.indexOf(',');
        if (comma < 0) {
            return null;
        }
        try {
            return Instant.parse(line.substring(0, comma));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The summary text and the hourly table. */
    static final class Summary {
        private Summary() {
        }

        static String money(double amount) {
            return String.format(Locale.ROOT, "$%,.2f", amount);
        }

        static String text(ShopPipeline p, Instant day, double seconds) {
            StringBuilder b = new StringBuilder();
            List<ShopPipeline.HourRow> hours = p.hours();
            ShopPipeline.HourRow best = hours.stream()
                    .max((x, y) -> Double.compare(x.revenue(), y.revenue())).orElse(null);
            b.append(String.format(Locale.ROOT, "Summary of %s: %,d lines in %.1f s (%,.0f lines/s)%n",
                    day.toString().substring(0, 10), p.lineCount(), seconds, p.lineCount() / Math.max(seconds, 1e-9)));
            b.append(String.format(Locale.ROOT, "  events        %,10d   (%,d malformed lines dropped)%n",
                    p.lineCount() - p.malformed(), p.malformed()));
            b.append(String.format(Locale.ROOT, "  clicks        %,10d   in %,d visits, %.1f clicks per visit%n",
                    p.clicks(), p.visits(), p.clicksPerVisit()));
            b.append(String.format(Locale.ROOT, "  add-to-carts  %,10d%n", p.carts()));
            b.append(String.format(Locale.ROOT, "  purchases     %,10d   by %,d shoppers%n", p.purchases(), p.buyers()));
            b.append(String.format(Locale.ROOT, "  revenue    %13s%n", money(p.revenue())));
            b.append(String.format(Locale.ROOT, "  conversion    %9.1f%%   purchases per 100 clicks%n",
                    p.clicks() == 0 ? 0 : 100.0 * p.purchases() / p.clicks()));
            if (best != null) {
                b.append(String.format(Locale.ROOT, "  best hour     %02d:00-%02d:00  %s%n",
                        best.hour(), best.hour() + 1, money(best.revenue())));
            }

            b.append(String.format(Locale.ROOT, "%n  hour   clicks  purchases     revenue  conversion  1h mean basket%n"));
            double top = best == null ? 1 : Math.max(best.revenue(), 1);
            for (ShopPipeline.HourRow h : hours) {
                b.append(String.format(Locale.ROOT, "  %02d:00 %7d %10d %11s %10.1f%% %15s  %s%n",
                        h.hour(), h.clicks(), h.purchases(), money(h.revenue()), h.conversion(),
                        Double.isNaN(h.rollingMeanBasket()) ? "-" : money(h.rollingMeanBasket()),
                        "#".repeat((int) Math.round(20 * h.revenue() / top))));
            }

            b.append(String.format(Locale.ROOT, "%n  revenue by category (dataframe group-by)%n"));
            p.revenueByCategory().entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> b.append(String.format(Locale.ROOT, "    %-12s %12s  %5.1f%%%n",
                            e.getKey(), money(e.getValue()), 100 * e.getValue() / p.revenue())));
            b.append(String.format(Locale.ROOT, "%n  top products (purchases)%n    "));
            List<Map.Entry<String, Long>> topProducts = new ArrayList<>(p.purchasesByProduct().entrySet());
            topProducts.sort(Map.Entry.<String, Long>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey()));
            for (int i = 0; i < Math.min(5, topProducts.size()); i++) {
                b.append(i > 0 ? ", " : "").append(topProducts.get(i).getKey())
                        .append(" (").append(topProducts.get(i).getValue()).append(')');
            }
            b.append(String.format(Locale.ROOT, "%n"));
            return b.toString();
        }

        static String hourlyCsv(ShopPipeline p) {
            StringBuilder b = new StringBuilder("hour,clicks,purchases,revenue,conversion,rolling_mean_basket\n");
            for (ShopPipeline.HourRow h : p.hours()) {
                b.append(String.format(Locale.ROOT, "%02d:00,%d,%d,%.2f,%.2f,%.2f%n", h.hour(), h.clicks(),
                        h.purchases(), h.revenue(), h.conversion(), h.rollingMeanBasket()));
            }
            return b.toString();
        }
    }
}
