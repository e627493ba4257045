package io.streamz.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.streamz.NodeStats;
import io.streamz.Stream;
import io.streamz.metrics.internal.GraphStats;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * A Micrometer {@link MeterBinder} for a stream graph: per node, counters of the elements in and
 * out, of failures by what the node's error policy did with them and of retries, gauges of the
 * elements held and queued, and (with {@link #withTiming()}) a timer of the time spent in the
 * node.
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
 * (its DOT id, {@code n0, n1, ...}, as in {@code toDot()}, which tells apart nodes with the same
 * label):
 * <ul>
 * <li>{@code streamz.node.in}, {@code streamz.node.out}: function counters of elements;
 * <li>{@code streamz.node.failures}, tagged {@code outcome}: {@code failed} (propagated to the
 *     caller), {@code skipped} or {@code routed} (to an errors stream), as {@link NodeStats} counts
 *     them; {@code streamz.node.retries}: the extra attempts of retry policies;
 * <li>{@code streamz.node.held}, {@code streamz.node.queued}: gauges of elements;
 * <li>{@code streamz.node.busy}, with {@link #withTiming()} only: a function timer of the
 *     elements the node received since binding and the time spent in the node itself on them
 *     (its function included, its downstreams left out).
 * </ul>
 * Binding turns on the graph's counters ({@link Stream#enableMetrics(boolean)}; they stay on):
 * about a nanosecond per node and element, two clock reads more with timing. The meters read
 * the counters when the registry publishes, without entering the graph, so a value may be a few
 * elements behind. Nodes connected after {@code bindTo} are counted but have no meters: bind
 * again after changing the graph. The meters keep the graph reachable until they are removed
 * from the registry.
 */
public final class GraphMetrics implements MeterBinder {
    private final Stream<?> graph;
    private final String name;
    private final boolean timing;

    private GraphMetrics(Stream<?> graph, String name, boolean timing) {
        this.graph = graph;
        this.name = name;
        this.timing = timing;
    }

    /**
     * Metrics of the graph {@code any} belongs to.
     *
     * @param any a node of the graph
     * @return a binder whose {@code graph} tag is {@code "streamz"}, without timing
     */
    public static GraphMetrics of(Stream<?> any) {
        return new GraphMetrics(Objects.requireNonNull(any, "GraphMetrics: any is null"), "streamz", false);
    }

    /**
     * The same metrics with the {@code graph} tag {@code name}, to tell graphs apart.
     *
     * @param name the graph's name
     * @return a binder with that tag
     */
    public GraphMetrics named(String name) {
        return new GraphMetrics(graph, Objects.requireNonNull(name, "GraphMetrics: name is null"), timing);
    }

    /**
     * The same metrics with the time spent in each node ({@code streamz.node.busy}): two clock
     * reads per node and element.
     *
     * <pre>{@code
     * GraphMetrics.of(source).withTiming().bindTo(registry);
     * }</pre>
     *
     * @return a binder that measures time
     */
    public GraphMetrics withTiming() {
        return new GraphMetrics(graph, name, true);
    }

    /** Turns on the graph's counters and registers the meters of every node it has now. */
    @Override
    public void bindTo(MeterRegistry registry) {
        GraphStats stats = GraphStats.start(graph, timing);
        List<Stream<?>> nodes = stats.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Stream<?> node = nodes.get(i);
            int at = i;
            Tags tags = Tags.of("graph", name, "node", node.toString(), "kind", node.kind(), "id", "n" + i);
            counter(registry, "streamz.node.in", "elements the node received", tags, stats, at, NodeStats::in);
            counter(registry, "streamz.node.out", "elements the node emitted", tags, stats, at, NodeStats::out);
            counter(registry, "streamz.node.failures", "failures propagated to the caller", tags.and("outcome", "failed"),
                    stats, at, NodeStats::failed);
            counter(registry, "streamz.node.failures", "failed elements dropped by the skip policy",
                    tags.and("outcome", "skipped"), stats, at, NodeStats::skipped);
            counter(registry, "streamz.node.failures", "failures sent to an errors stream by the route policy",
                    tags.and("outcome", "routed"), stats, at, NodeStats::routed);
            counter(registry, "streamz.node.retries", "extra attempts made by the retry policy", tags, stats, at,
                    NodeStats::retried);
            gauge(registry, "streamz.node.held", "elements the node holds now (windows, buffers, partitions)", tags,
                    stats, at, NodeStats::held);
            gauge(registry, "streamz.node.queued", "elements waiting to enter the graph at the node", tags, stats, at,
                    NodeStats::queued);
            if (timing) {
                FunctionTimer.builder("streamz.node.busy", node, n -> stats.timed(at), n -> stats.stats(at).busyNanos(),
                                TimeUnit.NANOSECONDS)
                        .description("time spent in the node itself, its downstreams left out")
                        .tags(tags).register(registry);
            }
        }
    }

    private static void counter(MeterRegistry registry, String name, String description, Tags tags, GraphStats stats,
            int node, ToLongFunction<NodeStats> value) {
        FunctionCounter.builder(name, stats.nodes().get(node), n -> value.applyAsLong(stats.stats(node)))
                .description(description).baseUnit("elements").tags(tags).register(registry);
    }

    private static void gauge(MeterRegistry registry, String name, String description, Tags tags, GraphStats stats,
            int node, ToLongFunction<NodeStats> value) {
        Gauge.builder(name, stats.nodes().get(node), n -> value.applyAsLong(stats.stats(node)))
                .description(description).baseUnit("elements").tags(tags).register(registry);
    }
}
