package io.streamz.metrics.internal;

import io.streamz.NodeException;
import io.streamz.Stream;
import io.streamz.internal.graph.DotWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The per-node counters of one graph, read by the Micrometer binder and the dashboard: the one
 * place that knows where the counts come from.
 *
 * <p>Until {@code streamz-core} counts per node itself, the counts come from a counting sink
 * attached below every node when this object is made ({@code out}), from the upstreams' counts
 * ({@code in}), and from the {@link NodeException}s reported to {@link #failed}. The nodes and
 * the DOT text are those of the graph before the counting sinks were attached.
 */
public final class GraphStats {
    /** One node's counters at one moment. */
    public static final class Counts {
        private final long in;
        private final long out;
        private final long failures;

        Counts(long in, long out, long failures) {
            this.in = in;
            this.out = out;
            this.failures = failures;
        }

        /** Elements that reached the node. */
        public long in() {
            return in;
        }

        /** Elements the node emitted. */
        public long out() {
            return out;
        }

        /** Elements on which the node's user function failed. */
        public long failures() {
            return failures;
        }

        /** Elements the node holds (windows, buffers, partitions). */
        public long held() {
            return 0;
        }

        /** Elements waiting in the node's queue (sources, buffers). */
        public long queued() {
            return 0;
        }

        /** Calls of the node's user function that were timed. */
        public long calls() {
            return 0;
        }

        /** Nanoseconds spent in the node's user function over those calls. */
        public long busyNanos() {
            return 0;
        }
    }

    private static final String[] RANKDIRS = {"TB", "LR", "BT", "RL"};

    private final List<Stream<?>> nodes;
    private final Map<String, String> dots = new java.util.HashMap<>();
    private final Map<Stream<?>, LongAdder> outs = new IdentityHashMap<>();
    private final Map<Stream<?>, LongAdder> failures = new IdentityHashMap<>();

    private GraphStats(Stream<?> any) {
        this.nodes = Collections.unmodifiableList(new ArrayList<>(DotWriter.nodes(any)));
        for (String rankdir : RANKDIRS) {
            dots.put(rankdir, DotWriter.write(any, rankdir));
        }
        for (Stream<?> n : nodes) {
            LongAdder out = new LongAdder();
            outs.put(n, out);
            failures.put(n, new LongAdder());
            n.sink(x -> out.increment());
        }
    }

    /**
     * Starts counting for the graph {@code any} belongs to.
     *
     * @param any a node of the graph
     * @return the graph's counters
     */
    public static GraphStats of(Stream<?> any) {
        return new GraphStats(any);
    }

    /**
     * The graph's nodes in the order of their DOT ids ({@code n0, n1, ...}).
     *
     * @return the nodes
     */
    public List<Stream<?>> nodes() {
        return nodes;
    }

    /**
     * The graph as DOT text, as {@code toDot(rankdir)} gave it.
     *
     * @param rankdir {@code "TB"}, {@code "LR"}, {@code "BT"} or {@code "RL"}
     * @return the DOT text
     */
    public String dot(String rankdir) {
        String dot = dots.get(rankdir);
        if (dot == null) {
            throw new IllegalArgumentException("GraphStats: rankdir must be \"TB\", \"LR\", \"BT\" or \"RL\", was \""
                    + rankdir + "\"");
        }
        return dot;
    }

    /**
     * Counts a failure of the node {@code e} names.
     *
     * @param e a failure that reached {@code emit}
     */
    public void failed(NodeException e) {
        LongAdder count = failures.get(e.node());
        if (count != null) {
            count.increment();
        }
    }

    /**
     * The counters of {@code node} now.
     *
     * @param node one of {@link #nodes()}
     * @return its counters
     */
    public Counts counts(Stream<?> node) {
        if (!outs.containsKey(node)) {
            throw new IllegalArgumentException("GraphStats: " + node + " is not a node of this graph");
        }
        long in = 0;
        List<Stream<?>> ups = node.upstreams();
        for (Stream<?> u : ups) {
            in += outs.containsKey(u) ? out(u) : 0;
        }
        long out = out(node);
        return new Counts(ups.isEmpty() ? out : in, out, failures.get(node).sum());
    }

    /**
     * What {@code node} emitted: its counting sink's count, plus the elements a failure further
     * down stopped before they reached that sink (the sink is the node's last downstream).
     */
    private long out(Stream<?> node) {
        long missed = 0;
        Map<Stream<?>, Boolean> seen = new IdentityHashMap<>();
        java.util.ArrayDeque<Stream<?>> todo = new java.util.ArrayDeque<>(node.downstreams());
        while (!todo.isEmpty()) {
            Stream<?> d = todo.poll();
            LongAdder f = failures.get(d);
            if (f != null && seen.put(d, Boolean.TRUE) == null) {
                missed += f.sum();
                todo.addAll(d.downstreams());
            }
        }
        return outs.get(node).sum() + missed;
    }
}
