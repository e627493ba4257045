package io.streamz.metrics.internal;

import io.streamz.NodeStats;
import io.streamz.Stream;
import io.streamz.internal.SideOutput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The nodes of one graph and their counters as the Micrometer binder and the dashboard read
 * them: the one place that knows where the counts come from.
 *
 * <p>The counts are {@code streamz-core}'s ({@link Stream#stats()}); making this object turns
 * them on for the whole graph ({@link Stream#enableMetrics(boolean)}; they stay on). The nodes
 * are the graph's ({@link Stream#graphNodes()}) at that moment, in the order of their DOT ids
 * {@code n0, n1, ...}, and the DOT texts are taken at the same moment, so the ids agree.
 *
 * <p>What {@link #stats(int)} reads differently from a node's own {@code stats()}:
 * <ul>
 * <li>an errors stream (a side output: it has no upstream, its owner sends to it) counts what it
 *     passes on as its {@code in}, as every other node does;
 * <li>time counts from this object's making on, never goes down, and is 0 unless timing was
 *     asked for (see {@link #timed(int)} for the elements it covers).
 * </ul>
 * The counters are written inside the graph and read here without entering it, so a reading
 * taken while elements flow may be a few elements behind.
 */
public final class GraphStats {
    private static final String[] RANKDIRS = {"TB", "LR", "BT", "RL"};

    private final List<Stream<?>> nodes;
    private final Map<String, String> dots = new HashMap<>();
    private final boolean timing;
    private final long[] timedBefore;
    private final long[] busyBefore;
    private final AtomicLongArray busySeen;

    private GraphStats(Stream<?> any, boolean timing) {
        any.enableMetrics(timing);
        this.timing = timing;
        List<Stream<?>> seen;
        do {   // the node list and the DOT texts of one moment, should nodes be connected meanwhile
            seen = any.graphNodes();
            for (String rankdir : RANKDIRS) {
                dots.put(rankdir, any.toDot(rankdir));
            }
        } while (!seen.equals(any.graphNodes()));
        this.nodes = List.copyOf(seen);
        this.timedBefore = new long[nodes.size()];
        this.busyBefore = new long[nodes.size()];
        this.busySeen = new AtomicLongArray(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            NodeStats s = nodes.get(i).stats();
            timedBefore[i] = s.in();
            busyBefore[i] = s.busyNanos();
            busySeen.set(i, s.busyNanos());
        }
    }

    /**
     * Turns on the counters of the graph {@code any} belongs to and takes its nodes.
     *
     * @param any a node of the graph
     * @param timing whether to measure the time spent in each node too
     * @return the graph's counters
     */
    public static GraphStats start(Stream<?> any, boolean timing) {
        return new GraphStats(any, timing);
    }

    /**
     * The graph's nodes in the order of their DOT ids.
     *
     * @return the nodes; node {@code i} is {@code "n" + i}
     */
    public List<Stream<?>> nodes() {
        return nodes;
    }

    /**
     * Whether time is measured.
     *
     * @return the {@code timing} given to {@link #start}
     */
    public boolean timing() {
        return timing;
    }

    /**
     * The graph as DOT text, as {@code toDot(rankdir)} gave it when counting started.
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
     * The owner of node {@code i} when it is a side output (an errors stream).
     *
     * @param i the node's index
     * @return the owner's index, or -1 for a regular node
     */
    public int owner(int i) {
        return nodes.get(i) instanceof SideOutput ? nodes.indexOf(((SideOutput<?>) nodes.get(i)).owner()) : -1;
    }

    /**
     * The counters of node {@code i} now.
     *
     * @param i the node's index
     * @return its counters; {@code busyNanos} since {@link #start}
     */
    public NodeStats stats(int i) {
        Stream<?> node = nodes.get(i);
        NodeStats s = node.stats();
        long in = node instanceof SideOutput ? Math.max(s.in(), s.out()) : s.in();
        long busy = timing ? busySeen.accumulateAndGet(i, s.busyNanos(), Math::max) - busyBefore[i] : 0;
        return new NodeStats(in, s.out(), s.failed(), s.skipped(), s.routed(), s.retried(), s.held(), s.queued(),
                busy);
    }

    /**
     * How many elements node {@code i}'s time covers: those it received since {@link #start}.
     *
     * @param i the node's index
     * @return the elements timed, 0 without timing
     */
    public long timed(int i) {
        return timing ? nodes.get(i).stats().in() - timedBefore[i] : 0;
    }
}
