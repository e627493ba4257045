package io.streamz.examples.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./streamz demo}: replays a day of web-shop events through {@link ShopPipeline}, paced by
 * the events' own timestamps, showing progress as it goes, then prints a summary and writes it,
 * an hourly table and the graph to the output folder.
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
        ShopPipeline pipeline = new ShopPipeline();
        Files.createDirectories(options.out());
        out.printf(Locale.ROOT, "streamz demo: replaying %s %s%n", source(),
                options.speedup() == 0 ? "as fast as possible"
                        : String.format(Locale.ROOT, "at %,.0fx speed", options.speedup()));

        long started = System.nanoTime();
        try (BufferedReader reader = open()) {
            replay(reader, pipeline);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        String summary = Summary.text(pipeline, seconds);
        out.println();
        out.print(summary);
        Files.writeString(options.out().resolve("summary.txt"), summary, StandardCharsets.UTF_8);
        Files.writeString(options.out().resolve("hourly.csv"), Summary.hourlyCsv(pipeline), StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "%nwrote %s: summary.txt, hourly.csv%n", options.out());
    }

    private String source() {
        return options.data() != null ? options.data().toString() : "the bundled day of shop events (" + RESOURCE.substring(1) + ")";
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

    /** Emits each line when its time comes (event time divided by the speed-up), with progress. */
    private void replay(BufferedReader reader, ShopPipeline pipeline) throws IOException {
        String line = reader.readLine();
        if (line != null && !line.equals(ShopEvent.HEADER)) {
            throw new IOException("expected the header \"" + ShopEvent.HEADER + "\", found \"" + line + "\"");
        }
        long wallStart = System.nanoTime();
        long lastReport = wallStart;
        long lastCount = 0;
        Instant first = null;
        Instant now = null;
        while ((line = reader.readLine()) != null) {
            Instant t = timeOf(line);
            if (t != null) {
                if (first == null) {
                    first = t;
                }
                now = t;
                pace(wallStart, first, t);
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
    }

    private void progress(ShopPipeline pipeline, long wallStart, long since, long countThen, Instant now, long wall) {
        out.printf(Locale.ROOT, "  %5.1fs  %s  %,7.0f events/s  %s%n",
                (wall - wallStart) / 1e9, clock(now),
                (pipeline.lineCount() - countThen) * 1e9 / Math.max(wall - since, 1), pipeline.meters().line());
    }

    private void pace(long wallStart, Instant first, Instant t) {
        if (options.speedup() == 0) {
            return;
        }
        long dueNanos = (long) ((t.toEpochMilli() - first.toEpochMilli()) * 1e6 / options.speedup());
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

    private static String clock(Instant t) {
        return t == null ? "--:--" : t.toString().substring(11, 16);
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

        static String text(ShopPipeline p, double seconds) {
            StringBuilder b = new StringBuilder();
            ShopPipeline.Hour[] hours = p.hours();
            long clicks = 0;
            long carts = 0;
            long purchases = 0;
            int busiest = 0;
            for (int h = 0; h < hours.length; h++) {
                clicks += hours[h].clicks();
                carts += hours[h].carts();
                purchases += hours[h].purchases();
                if (hours[h].revenue() > hours[busiest].revenue()) {
                    busiest = h;
                }
            }
            long events = p.lineCount() - p.malformed();
            b.append(String.format(Locale.ROOT, "Summary: %,d lines in %.1f s (%,.0f lines/s)%n",
                    p.lineCount(), seconds, p.lineCount() / Math.max(seconds, 1e-9)));
            b.append(String.format(Locale.ROOT, "  events          %,10d   (%,d malformed lines dropped)%n", events, p.malformed()));
            b.append(String.format(Locale.ROOT, "  clicks          %,10d%n", clicks));
            b.append(String.format(Locale.ROOT, "  add-to-carts    %,10d%n", carts));
            b.append(String.format(Locale.ROOT, "  purchases       %,10d   by %,d shoppers%n", purchases, p.buyers()));
            b.append(String.format(Locale.ROOT, "  revenue         %10s%n", money(p.revenue())));
            b.append(String.format(Locale.ROOT, "  conversion      %9.1f%%   purchases per 100 clicks%n",
                    clicks == 0 ? 0 : 100.0 * purchases / clicks));
            b.append(String.format(Locale.ROOT, "  best hour      %02d:00-%02d:00   %s%n",
                    busiest, busiest + 1, money(hours[busiest].revenue())));
            b.append(String.format(Locale.ROOT, "%n  revenue by category%n"));
            p.revenueByCategory().entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> b.append(String.format(Locale.ROOT, "    %-12s %12s  %5.1f%%%n",
                            e.getKey(), money(e.getValue()), 100 * e.getValue() / p.revenue())));
            b.append(String.format(Locale.ROOT, "%n  top products (units sold)%n    "));
            List<Map.Entry<String, Long>> top = new ArrayList<>(p.unitsByProduct().entrySet());
            top.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            for (int i = 0; i < Math.min(5, top.size()); i++) {
                b.append(i > 0 ? ", " : "").append(top.get(i).getKey()).append(" (").append(top.get(i).getValue()).append(')');
            }
            b.append(String.format(Locale.ROOT, "%n"));
            return b.toString();
        }

        static String money(double amount) {
            return String.format(Locale.ROOT, "$%,.2f", amount);
        }

        static String hourlyCsv(ShopPipeline p) {
            StringBuilder b = new StringBuilder("hour,clicks,carts,purchases,revenue\n");
            ShopPipeline.Hour[] hours = p.hours();
            for (int h = 0; h < hours.length; h++) {
                b.append(String.format(Locale.ROOT, "%02d:00,%d,%d,%d,%.2f%n", h, hours[h].clicks(),
                        hours[h].carts(), hours[h].purchases(), hours[h].revenue()));
            }
            return b.toString();
        }
    }
}
