package io.streamz.internal.graph;

import io.streamz.Source;
import io.streamz.Stream;
import io.streamz.internal.SideOutput;
import io.streamz.internal.join.JoinNode;
import io.streamz.internal.util.Checks;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the graph around a node as Graphviz DOT text (streamz {@code visualize}'s graph): every
 * node reachable upstream and downstream, labelled with its {@code toString()}.
 *
 * <p>Ids are stable: {@code n0, n1, ...} numbered breadth-first from the graph's sources (nodes
 * without upstreams), following downstreams in connection order. The sources are taken in the
 * order a breadth-first search from the given node finds them (upstreams before downstreams), so
 * a graph with one source gives the same text from every node.
 * Edges follow each node's downstreams in order and are labelled {@code 0, 1, ...} where a node
 * has several downstreams, as streamz does; an edge into a join ({@code zip}, {@code zipLatest},
 * {@code combineLatest}) has a head label {@code [i]}, its position among the join's inputs (the
 * place of its values in the emitted tuples). Shapes follow streamz: sources
 * {@code doubleoctagon}, sinks {@code trapezium}, other nodes ellipses.
 */
public final class DotWriter {
    private static final List<String> RANKDIRS = List.of("TB", "LR", "BT", "RL");

    private DotWriter() {
    }

    /**
     * Every node of {@code node}'s graph in the order of the DOT ids: the node at index {@code i}
     * is {@code n<i>} in {@link #write}'s text.
     */
    public static List<Stream<?>> nodes(Stream<?> node) {
        return node.graphNodes();
    }

    /**
     * The DOT text of {@code node}'s graph.
     *
     * @param rankdir {@code "TB"}, {@code "LR"}, {@code "BT"} or {@code "RL"}, or {@code null} for
     *     Graphviz's default (top to bottom)
     */
    public static String write(Stream<?> node, String rankdir) {
        if (rankdir != null) {
            Checks.oneOf(rankdir, "toDot", "rankdir", RANKDIRS.toArray(new String[0]));
        }
        List<Stream<?>> nodes = nodes(node);
        Map<Stream<?>, Integer> ids = new IdentityHashMap<>();
        for (Stream<?> n : nodes) {
            ids.put(n, ids.size());
        }
        StringBuilder b = new StringBuilder("digraph streamz {\n");
        if (rankdir != null) {
            b.append("  rankdir=").append(rankdir).append(";\n");
        }
        b.append("  node [shape=ellipse, style=\"rounded,filled\", fillcolor=white];\n");
        for (Stream<?> n : nodes) {
            b.append("  n").append(ids.get(n)).append(" [label=").append(quote(n.toString()));
            String shape = shape(n);
            if (shape != null) {
                b.append(", shape=").append(shape);
            }
            b.append("];\n");
        }
        for (Stream<?> n : nodes) {
            List<Stream<?>> ds = n.downstreams();
            for (int i = 0; i < ds.size(); i++) {
                Stream<?> d = ds.get(i);
                String label = ds.size() > 1 ? "label=\"" + i + "\"" : null;
                if (!(d instanceof JoinNode)) {
                    edge(b, ids.get(n), ids.get(d), label);
                } else if (ds.indexOf(d) == i) {
                    // one edge per input the node fills: a.zip(a) has two
                    List<Stream<?>> ups = d.upstreams();
                    for (int p = 0; p < ups.size(); p++) {
                        if (ups.get(p) == n) {
                            String head = "headlabel=\"[" + p + "]\"";
                            edge(b, ids.get(n), ids.get(d), label == null ? head : label + ", " + head);
                        }
                    }
                }
            }
            if (n instanceof SideOutput) {
                b.append("  n").append(ids.get(((SideOutput<?>) n).owner())).append(" -> n").append(ids.get(n))
                        .append(" [style=dashed];\n");
            }
        }
        return b.append("}\n").toString();
    }

    private static void edge(StringBuilder b, int from, int to, String attrs) {
        b.append("  n").append(from).append(" -> n").append(to);
        if (attrs != null) {
            b.append(" [").append(attrs).append(']');
        }
        b.append(";\n");
    }

    private static String shape(Stream<?> n) {
        if (n instanceof Source) {
            return "doubleoctagon";
        }
        return n.kind().startsWith("sink") ? "trapezium" : null;
    }

    /** Every node connected to {@code start}, in the order found. */
    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c != '\r') {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
