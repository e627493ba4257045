package io.streamz.graphviz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A directed graph read from DOT text: graph attributes, nodes and edges with theirs. */
final class DotGraph {
    /** A node: its DOT id and attributes (defaults of {@code node [...]} included). */
    static final class Node {
        final String id;
        final Map<String, String> attrs = new LinkedHashMap<>();

        Node(String id) {
            this.id = id;
        }

        String attr(String name, String orElse) {
            return attrs.getOrDefault(name, orElse);
        }

        /** The label's lines: {@code label} (default: the id) split at DOT line breaks. */
        List<String> lines() {
            String label = attrs.getOrDefault("label", id);
            return List.of(label.split("\n", -1));
        }
    }

    /** An edge from one node to another with its attributes. */
    static final class Edge {
        final Node from;
        final Node to;
        final Map<String, String> attrs = new LinkedHashMap<>();

        Edge(Node from, Node to) {
            this.from = from;
            this.to = to;
        }

        String attr(String name) {
            return attrs.get(name);
        }
    }

    final Map<String, String> attrs = new LinkedHashMap<>();
    final Map<String, Node> nodes = new LinkedHashMap<>();
    final List<Edge> edges = new ArrayList<>();
}
