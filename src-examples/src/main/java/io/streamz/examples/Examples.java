package io.streamz.examples;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The runnable examples, each the code of a docs page: {@code ./streamz example} lists them and
 * {@code ./streamz example NAME} runs one.
 *
 * <pre>{@code
 * ./streamz example Branching
 * }</pre>
 */
public final class Examples {
    /**
     * One example.
     *
     * @param name what {@code ./streamz example} calls it (the class's simple name)
     * @param mainClass the class whose {@code main} runs it
     * @param page the docs page that shows it
     * @param description one line about it
     */
    public record Example(String name, Class<?> mainClass, String page, String description) {
    }

    /** Every example, in the order of the docs. */
    public static final List<Example> ALL = List.of(
            new Example("Quickstart", Quickstart.class, "index.md", "ten lines: map, filter, two sinks"),
            new Example("Increment", Increment.class, "examples.md", "map, emit and sink"),
            new Example("Branching", Branching.class, "examples.md", "one source, two branches"),
            new Example("FilterAndRemove", FilterAndRemove.class, "examples.md", "filter, remove and sinkToList"),
            new Example("ParseJsonLines", ParseJsonLines.class, "examples.md", "emit lines read elsewhere, parse them with map"),
            new Example("HandlingErrors", HandlingErrors.class, "examples.md", "a failing function names its node"),
            new Example("DeadLetters", DeadLetters.class, "errors.md", "errors as data: skip and count, or route to dead letters"),
            new Example("RetryAsync", RetryAsync.class, "errors.md", "retry an asynchronous call with backoff, route what still fails"),
            new Example("RefCounting", RefCounting.class, "examples.md", "metadata and a checkpoint callback"),
            new Example("RunningTotal", RunningTotal.class, "examples.md", "accumulate: a running total"),
            new Example("DistinctCount", DistinctCount.class, "examples.md", "accumulateWithState: state differs from output"),
            new Example("SlidingWindow", SlidingWindow.class, "examples.md", "slidingWindow: overlapping windows"),
            new Example("Partition", Partition.class, "examples.md", "partition: fixed-size and keyed batches"),
            new Example("ZipSum", ZipSum.class, "examples.md", "branch, then join with zip"),
            new Example("WordCount", WordCount.class, "examples.md", "flatten and frequencies"),
            new Example("TimedWindow", TimedWindow.class, "examples.md", "timedWindow on a virtual clock"),
            new Example("WebCrawler", WebCrawler.class, "examples.md", "feedback: a crawler over local files"),
            new Example("RollingMean", RollingMean.class, "examples.md", "streaming dataframe: sum, rolling mean, group-by"),
            new Example("Visualize", Visualize.class, "visualize.md", "toDot, and visualize with a file name"),
            new Example("GraphMetricsExample", GraphMetricsExample.class, "observe.md", "per-node metrics in a Micrometer registry"),
            new Example("DashboardExample", DashboardExample.class, "observe.md", "a live dashboard with a chart (--wait keeps it up)"),
            new Example("CustomNode", CustomNode.class, "examples.md", "a node of your own: extend Stream"),
            new Example("BackPressure", BackPressure.class, "async.md", "buffer(100) in front of a slow asynchronous sink"),
            new Example("ReactiveBridge", ReactiveBridge.class, "async.md", "fromPublisher, map and toFlux"),
            new Example("StreamingDataFrames", StreamingDataFrames.class, "dataframes.md", "filter, assign and running totals"),
            new Example("RollingAndWindows", RollingAndWindows.class, "dataframes.md", "rolling, window and groupby"),
            new Example("Batches", Batches.class, "collections.md", "batches of records into a dataframe"),
            new Example("FeatureAggregations", FeatureAggregations.class, "features.md", "keyed windowed features, storey style"),
            new Example("FeatureTargets", FeatureTargets.class, "features.md", "storey's NoSQL target every 10 s, a CSV of list bodies"),
            new Example("RetriedWrites", RetriedWrites.class, "features.md", "noSqlTarget on a store that is down: retry, then route"),
            new Example("HttpRetries", HttpRetries.class, "features.md", "sendToHttp: a lost request sent again after a backoff on your scheduler"),
            new Example("ParquetLists", ParquetLists.class, "features.md", "a Parquet file of list bodies, read back"),
            new Example("StoreyFlow", StoreyFlow.class, "from-storey-riko.md", "a storey flow: map, filter, extend, choice, state, batch"),
            new Example("RikoPipes", RikoPipes.class, "from-storey-riko.md", "riko pipes: fetch, filter, sort, truncate, join, word count"),
            new Example("RikoFetch", RikoFetch.class, "from-storey-riko.md", "riko's fetch pipes over HTTP, pulled with next()"),
            new Example("EventTimeWindows", EventTimeWindows.class, "event-time.md", "clicks per user and minute of event time, out of order, one late"),
            new Example("LateAndEarlyFirings", LateAndEarlyFirings.class, "event-time.md", "early, on-time and late firings, allowed lateness, the late branch"),
            new Example("SessionWindows", SessionWindows.class, "event-time.md", "visits per user: session windows that merge"),
            new Example("CustomWatermarks", CustomWatermarks.class, "event-time.md", "a WatermarkGenerator of your own: watermarks from batch markers"),
            new Example("Idleness", Idleness.class, "event-time.md", "withIdleness: a quiet input stops holding the windows back"),
            new Example("EventTimeFrames", EventTimeFrames.class, "event-time.md", "a dataframe in event time: rows in order, one frame per second, late rows"),
            new Example("ScaleOut", ScaleOut.class, "scale-out.md", "scatter, map, buffer, gather: on threads, then on a Hazelcast member"));

    private Examples() {
    }

    /**
     * Lists the examples, or runs the one named by the first argument with the other arguments.
     *
     * @param args {@code [NAME [ARGS...]]}
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.out.println("usage: ./streamz example NAME   (the code is in src-examples/src/main/java/io/streamz/examples)");
            for (Example e : ALL) {
                System.out.printf(Locale.ROOT, "  %-18s %-14s %s%n", e.name(), e.page(), e.description());
            }
            return;
        }
        Optional<Example> example = ALL.stream().filter(e -> e.name().equalsIgnoreCase(args[0])).findFirst();
        if (example.isEmpty()) {
            System.err.println("No example named \"" + args[0] + "\"; ./streamz example lists them");
            System.exit(2);
        }
        run(example.get(), Arrays.copyOfRange(args, 1, args.length));
    }

    /** Runs {@code example}'s {@code main} with {@code args}, rethrowing what it threw. */
    public static void run(Example example, String... args) throws Exception {
        Method main = example.mainClass().getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception) {
                throw (Exception) e.getCause();
            }
            throw e;
        }
    }
}
