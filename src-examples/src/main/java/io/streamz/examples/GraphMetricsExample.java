package io.streamz.examples;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
        even.map(x -> x * 10).named("times ten").sinkToList();

        MeterRegistry registry = new SimpleMeterRegistry();   // or your Prometheus, OTLP, ... registry
        GraphMetrics.of(source).named("example").bindTo(registry);

        for (int i = 0; i < 10; i++) {
            source.emit(i);
        }
        for (String node : new String[] {"stream \"numbers\"", "filter \"even\"", "map \"times ten\""}) {
            double in = registry.get("streamz.node.in").tag("node", node).functionCounter().count();
            double out = registry.get("streamz.node.out").tag("node", node).functionCounter().count();
            System.out.printf("%-20s in %2.0f  out %2.0f%n", node, in, out);
        }
        // docs:end
    }
}
