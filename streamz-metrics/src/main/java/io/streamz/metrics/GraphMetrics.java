package io.streamz.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.streamz.NodeException;
import io.streamz.Stream;
import io.streamz.metrics.internal.GraphStats;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * A Micrometer {@link MeterBinder} for a stream graph: per node, counters of the elements in and
 * out and of failures, gauges of the elements held and queued, and a timer of its user function.
 *
 * <pre>{@code
 * Stream<Integer> source = Stream.create("numbers");
 * source.map(x -> x * 2).named("double").sinkToList();
 *
 * MeterRegistry registry = new SimpleMeterRegistry();
 * GraphMetrics.of(source).named("demo").bindTo(registry);
 * for (int i = 0; i < 3; i++) source.emit(i);
 *
 * registry.get("streamz.node.out").tag("node", "map \"double\"").functionCounter().count();
 * // 3.0
 * }</pre>
 *
 * <p>Meters, each tagged {@code graph} (the name given to {@link #named}, default
 * {@code "streamz"}), {@code node} (the node's {@code toString()}), {@code kind} and {@code id}
 * (its DOT id, {@code n0, n1, ...}, which tells apart nodes with the same label):
 * <ul>
 * <li>{@code streamz.node.in}, {@code streamz.node.out}, {@code streamz.node.failures}: function
 *     counters of elements;
 * <li>{@code streamz.node.held}, {@code streamz.node.queued}: gauges of elements;
 * <li>{@code streamz.node.function}: a function timer of the time spent in the node's user
 *     function.
 * </ul>
 * The meters read the graph's counters when the registry publishes; nothing is added to the
 * path of an element beyond the counting itself. Nodes connected after {@code bindTo} are not
 * bound: bind again after changing the graph.
 */
public final class GraphMetrics implements MeterBinder {
    private final GraphStats stats;
    private final String graph;

    private GraphMetrics(GraphStats stats, String graph) {
        this.stats = stats;
        this.graph = graph;
    }

    /**
     * Metrics of the graph {@code any} belongs to; counting starts now.
     *
     * @param any a node of the graph
     * @return a binder whose {@code graph} tag is {@code "streamz"}
     */
    public static GraphMetrics of(Stream<?> any) {
        return new GraphMetrics(GraphStats.of(Objects.requireNonNull(any, "GraphMetrics: any is null")), "streamz");
    }

    /**
     * The same metrics with the {@code graph} tag {@code name}, to tell graphs apart.
     *
     * @param name the graph's name
     * @return a binder with that tag
     */
    public GraphMetrics named(String name) {
        return new GraphMetrics(stats, Objects.requireNonNull(name, "GraphMetrics: name is null"));
    }

    /**
     * Counts a failure that reached {@code emit} against the node it names (until
     * {@code streamz-core} counts failures per node itself).
     *
     * @param e the failure
     */
    public void failed(NodeException e) {
        stats.failed(Objects.requireNonNull(e, "GraphMetrics: e is null"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        List<Stream<?>> nodes = stats.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Stream<?> node = nodes.get(i);
            Tags tags = Tags.of("graph", graph, "node", node.toString(), "kind", node.kind(), "id", "n" + i);
            counter(registry, "streamz.node.in", "elements that reached the node", node, tags, c -> c.in());
            counter(registry, "streamz.node.out", "elements the node emitted", node, tags, c -> c.out());
            counter(registry, "streamz.node.failures", "elements on which the node's function failed", node, tags,
                    c -> c.failures());
            Gauge.builder("streamz.node.held", stats, s -> s.counts(node).held())
                    .description("elements the node holds (windows, buffers, partitions)")
                    .baseUnit("elements").tags(tags).register(registry);
            Gauge.builder("streamz.node.queued", stats, s -> s.counts(node).queued())
                    .description("elements waiting in the node's queue")
                    .baseUnit("elements").tags(tags).register(registry);
            FunctionTimer.builder("streamz.node.function", stats, s -> s.counts(node).calls(),
                            s -> s.counts(node).busyNanos(), TimeUnit.NANOSECONDS)
                    .description("time spent in the node's user function")
                    .tags(tags).register(registry);
        }
    }

    private void counter(MeterRegistry registry, String name, String description, Stream<?> node, Tags tags,
            ToDoubleFunction<GraphStats.Counts> value) {
        FunctionCounter.builder(name, stats, s -> value.applyAsDouble(s.counts(node)))
                .description(description).baseUnit("elements").tags(tags).register(registry);
    }
}
