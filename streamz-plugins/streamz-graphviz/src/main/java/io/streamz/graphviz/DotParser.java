package io.streamz.graphviz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the part of the DOT language that graph pictures need: {@code digraph}/{@code graph},
 * graph, node and edge statements with attribute lists, {@code node [...]} and
 * {@code edge [...]} defaults, edge chains ({@code a -> b -> c}), subgraphs (flattened: clusters
 * are not drawn), quoted strings with {@code \"}, {@code \n} and {@code \l}, and comments.
 * HTML labels and ports are not read.
 */
final class DotParser {
    private final String text;
    private int pos;
    private boolean quoted;   // whether the last token was a quoted string
    private final DotGraph graph = new DotGraph();

    private DotParser(String text) {
        this.text = text;
    }

    /** The graph in {@code dot}, or an {@link IllegalArgumentException} saying where it is wrong. */
    static DotGraph parse(String dot) {
        DotParser p = new DotParser(dot);
        p.graph();
        return p.graph;
    }

    private void graph() {
        String word = token();
        if ("strict".equalsIgnoreCase(word)) {
            word = token();
        }
        if (!"digraph".equalsIgnoreCase(word) && !"graph".equalsIgnoreCase(word)) {
            throw error("expected \"digraph\" or \"graph\", was " + describe(word));
        }
        String next = token();
        if (!"{".equals(next)) {
            next = token();   // the graph's name
        }
        expect("{", next);
        statements(new LinkedHashMap<>(), new LinkedHashMap<>());
        String rest = token();
        if (rest != null) {
            throw error("expected the end of the text after \"}\", was " + describe(rest));
        }
    }

    /** Statements up to the closing brace, with the node and edge defaults in force. */
    private void statements(Map<String, String> nodeDefaults, Map<String, String> edgeDefaults) {
        for (;;) {
            String t = token();
            if (t == null) {
                throw error("expected \"}\" before the end of the text");
            }
            boolean word = !isPunctuation(t);
            if (!word && "}".equals(t)) {
                return;
            }
            if (!word && (";".equals(t) || ",".equals(t))) {
                continue;
            }
            if ((!word && "{".equals(t)) || (word && !quoted && "subgraph".equalsIgnoreCase(t))) {
                if (!"{".equals(t)) {
                    String name = token();
                    expect("{", "{".equals(name) ? name : token());
                }
                statements(new LinkedHashMap<>(nodeDefaults), new LinkedHashMap<>(edgeDefaults));
                continue;
            }
            if (!quoted && ("node".equalsIgnoreCase(t) || "edge".equalsIgnoreCase(t) || "graph".equalsIgnoreCase(t))) {
                expect("[", token());
                Map<String, String> target = "node".equalsIgnoreCase(t) ? nodeDefaults
                        : "edge".equalsIgnoreCase(t) ? edgeDefaults : graph.attrs;
                target.putAll(attributes());
                continue;
            }
            if (!word) {
                throw error("expected a statement, was " + describe(t));
            }
            int mark = pos;
            String after = token();
            if ("=".equals(after)) {
                graph.attrs.put(t, value());
                continue;
            }
            List<String> chain = new ArrayList<>(List.of(t));
            while ("->".equals(after) || "--".equals(after)) {
                chain.add(id(token()));
                mark = pos;
                after = token();
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            if ("[".equals(after)) {
                attrs = attributes();
            } else {
                pos = mark;
            }
            if (chain.size() == 1) {
                node(t, nodeDefaults).attrs.putAll(attrs);
            } else {
                for (int i = 0; i + 1 < chain.size(); i++) {
                    DotGraph.Edge e = new DotGraph.Edge(node(chain.get(i), nodeDefaults),
                            node(chain.get(i + 1), nodeDefaults));
                    e.attrs.putAll(edgeDefaults);
                    e.attrs.putAll(attrs);
                    graph.edges.add(e);
                }
            }
        }
    }

    private DotGraph.Node node(String id, Map<String, String> defaults) {
        return graph.nodes.computeIfAbsent(id, k -> {
            DotGraph.Node n = new DotGraph.Node(k);
            n.attrs.putAll(defaults);
            return n;
        });
    }

    /** {@code name=value} pairs up to {@code ]}; the opening bracket is read. */
    private Map<String, String> attributes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (;;) {
            String t = token();
            if ("]".equals(t)) {
                return out;
            }
            if (",".equals(t) || ";".equals(t)) {
                continue;
            }
            String name = id(t);
            expect("=", token());
            out.put(name, value());
        }
    }

    private String value() {
        return id(token());
    }

    private String id(String t) {
        if (t == null || isPunctuation(t)) {
            throw error("expected a name or a quoted string, was " + describe(t));
        }
        return t;
    }

    private void expect(String wanted, String was) {
        if (!wanted.equals(was)) {
            throw error("expected \"" + wanted + "\", was " + describe(was));
        }
    }

    /** Whether {@code t}, the token just read, is punctuation (a quoted "{" is a name). */
    private boolean isPunctuation(String t) {
        return !quoted && t != null && (t.equals("->") || t.equals("--") || (t.length() == 1 && "{}[]=;,".contains(t)));
    }

    private IllegalArgumentException error(String what) {
        int line = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return new IllegalArgumentException("DOT text, line " + line + ": " + what);
    }

    private static String describe(String t) {
        return t == null ? "the end of the text" : "\"" + t + "\"";
    }

    /** The next token, or {@code null} at the end; quoted strings come unescaped. */
    private String token() {
        quoted = false;
        skipSpaceAndComments();
        if (pos >= text.length()) {
            return null;
        }
        char c = text.charAt(pos);
        if (c == '"') {
            quoted = true;
            return quoted();
        }
        if (c == '-' && pos + 1 < text.length() && (text.charAt(pos + 1) == '>' || text.charAt(pos + 1) == '-')) {
            pos += 2;
            return text.substring(pos - 2, pos);
        }
        if ("{}[]=;,".indexOf(c) >= 0) {
            pos++;
            return String.valueOf(c);
        }
        int start = pos;
        while (pos < text.length()) {
            char d = text.charAt(pos);
            if (Character.isWhitespace(d) || "{}[]=;,\"".indexOf(d) >= 0
                    || (d == '-' && pos + 1 < text.length() && (text.charAt(pos + 1) == '>' || text.charAt(pos + 1) == '-'))) {
                break;
            }
            pos++;
        }
        if (start == pos) {
            throw error("unexpected character '" + c + "'");
        }
        return text.substring(start, pos);
    }

    private String quoted() {
        StringBuilder b = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\' && pos < text.length()) {
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n': case 'l': case 'r':
                        b.append('\n');
                        break;
                    case '\n':
                        break;
                    default:
                        b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        throw error("a quoted string is not closed");
    }

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("//", pos) || (c == '#' && (pos == 0 || text.charAt(pos - 1) == '\n'))) {
                int end = text.indexOf('\n', pos);
                pos = end < 0 ? text.length() : end + 1;
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                pos = end < 0 ? text.length() : end + 2;
            } else {
                return;
            }
        }
    }
}
