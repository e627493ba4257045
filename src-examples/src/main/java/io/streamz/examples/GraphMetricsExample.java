package io.streamz.examples;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamz.ErrorPolicy;
import io.streamz.Stream;
import io.streamz.metrics.GraphMetrics;

/** Per-node metrics of a graph in a Micrometer registry. */
public final class GraphMetricsExample {
    private GraphMetricsExample() {
    }

    /** Binds a small graph's metrics, emits ten numbers and prints a few meters. */
    public static void main(String[] args) {
        // docs:start
        Stream<Integer> source = Stream.create("numbers");
        Stream<Integer> even = source.filter(x -> x % 2 == 0).named("even");
        even.map(x -> 100 / (x - 4)).named("inverse").onError(ErrorPolicy.skip()).sinkToList();

        MeterRegistry registry = new SimpleMeterRegistry();   // or your Prometheus, OTLP, ... registry
        GraphMetrics.of(source).named("example").withTiming().bindTo(registry);

        for (int i = 0; i < 10; i++) {
            source.emit(i);
        }
        for (String node : new String[] {"stream \"numbers\"", "filter \"even\"", "map \"inverse\""}) {
            double in = registry.get("streamz.node.in").tag("node", node).functionCounter().count();
            double out = registry.get("streamz.node.out").tag("node", node).functionCounter().count();
            double skipped = registry.get("streamz.node.failures").tag("node", node).tag("outcome", "skipped")
                    .functionCounter().count();
            System.out.printf("%-18s in %2.0f  out %2.0f  skipped %.0f%n", node, in, out, skipped);
        }
        FunctionTimer busy = registry.get("streamz.node.busy").tag("node", "map \"inverse\"").functionTimer();
        System.out.printf("map \"inverse\" was timed on %.0f elements%n", busy.count());
        // docs:end
    }
}
