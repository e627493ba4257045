package io.streamz.examples.demo;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The demo's command-line options.
 *
 * <pre>{@code
 * DemoOptions o = DemoOptions.parse("--speedup", "max", "--out", "/tmp/demo");
 * o.speedup();   // 0: as fast as possible
 * }</pre>
 *
 * @param data the CSV file to replay, or {@code null} for the bundled data set
 * @param speedup how many seconds of event time pass per second of wall time; 0 for no pacing
 * @param out the folder the summary, the hourly table and the graph picture go to
 * @param picture whether to draw the graph picture (DOT is always written)
 * @param dashboard whether to serve the live dashboard while replaying
 * @param help whether {@code --help} was asked for
 */
public record DemoOptions(Path data, double speedup, Path out, boolean picture, boolean help, boolean dashboard) {
    /** Default speed-up: the bundled day (86,400 s) replays in about 17 seconds. */
    public static final double DEFAULT_SPEEDUP = 5000;
    /** Default output folder, relative to the working directory. */
    public static final Path DEFAULT_OUT = Path.of("target", "streamz-demo");

    /** The help text. */
    public static final String USAGE = String.join("\n",
            "usage: ./streamz demo [--data FILE] [--speedup N|max] [--out DIR] [--no-picture] [--dashboard]",
            "",
            "Replays a day of web-shop events (clicks, add-to-carts, purchases) through a",
            "branching stream graph: parse, filter, keyed and timed windows, a rolling",
            "statistic on a streaming dataframe and a join. Shows progress while it runs,",
            "prints a summary at the end and writes it, with the graph, to the output folder.",
            "",
            "  --data FILE      CSV to replay (header " + ShopEvent.HEADER + ");",
            "                   default: the bundled day, made by ./streamz generate",
            "  --speedup N      event seconds per wall second (default "
                    + String.format(Locale.ROOT, "%.0f", DEFAULT_SPEEDUP) + ": the day takes ~17 s);",
            "                   'max' replays as fast as possible",
            "  --out DIR        output folder (default " + DEFAULT_OUT + ")",
            "  --no-picture     write graph.dot but draw no graph.svg or graph.png",
            "  --dashboard      serve a live dashboard of the graph on 127.0.0.1 and print its URL;",
            "                   it stays up after the replay until Enter is pressed",
            "  -h, --help       this text",
            "");

    /**
     * Parses command-line arguments.
     *
     * @throws IllegalArgumentException naming the bad option or value
     */
    public static DemoOptions parse(String... args) {
        Path data = null;
        double speedup = DEFAULT_SPEEDUP;
        Path out = DEFAULT_OUT;
        boolean picture = true;
        boolean help = false;
        boolean dashboard = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--data" -> data = Path.of(value(args, ++i, a));
                case "--speedup" -> speedup = speedup(value(args, ++i, a));
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--no-picture" -> picture = false;
                case "--dashboard" -> dashboard = true;
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("demo: unknown option \"" + a + "\"; try --help");
            }
        }
        return new DemoOptions(data, speedup, out, picture, help, dashboard);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("demo: " + option + " needs a value; try --help");
        }
        return args[i];
    }

    private static double speedup(String s) {
        if (s.equalsIgnoreCase("max")) {
            return 0;
        }
        try {
            double v = Double.parseDouble(s);
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("demo: --speedup must be a positive number or \"max\", was \"" + s + "\"");
    }
}
