package io.streamz.examples;

import io.streamz.Failure;
import io.streamz.Stream;
import io.streamz.dashboard.Chart;
import io.streamz.dashboard.Dashboard;
import java.util.List;

/** A live dashboard of a graph, with a chart of a stream's values. */
public final class DashboardExample {
    private DashboardExample() {
    }

    /** Serves the dashboard; with the argument {@code --wait}, keeps it up until Enter. */
    public static void main(String[] args) throws Exception {
        // docs:start
        Stream<String> lines = Stream.create("lines");
        Stream<Integer> parsed = lines.map(Integer::parseInt).named("parse");
        List<Failure> bad = parsed.errors().sinkToList();   // failures routed here: amber on the page
        Stream<Double> mean = parsed.slidingWindow(10)
                .map(w -> w.stream().mapToInt(Integer::intValue).average().orElse(0)).named("mean of 10");
        mean.sinkToList();

        try (Dashboard dashboard = Dashboard.of(lines)
                .withTitle("example")
                .plot("parsed", parsed)
                .plot(Chart.of("mean of 10", mean).withRollingMean(20))
                .withTiming()                                 // time per node: two clock reads each
                .serve(0)) {                                  // 0: any free port on 127.0.0.1
            System.out.println("open " + dashboard.url().replaceAll(":\\d+/", ":PORT/"));
            for (int i = 0; i < 1000; i++) {
                lines.emit(i % 100 == 0 ? "oops" : Integer.toString(i % 37));
            }
            System.out.println(bad.size() + " lines failed to parse");
            if (args.length > 0 && args[0].equals("--wait")) {
                System.in.read();
            }
        }
        // docs:end
    }
}
