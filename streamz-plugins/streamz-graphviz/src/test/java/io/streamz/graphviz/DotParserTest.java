package io.streamz.graphviz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DotParserTest {
    private static List<String> edges(DotGraph g) {
        return g.edges.stream().map(e -> e.from.id + "->" + e.to.id + e.attrs).collect(Collectors.toList());
    }

    @Test
    void readsWhatToDotWrites() {
        DotGraph g = DotParser.parse("digraph streamz {\n"
                + "  rankdir=LR;\n"
                + "  node [shape=ellipse, style=\"rounded,filled\", fillcolor=white];\n"
                + "  n0 [label=\"stream \\\"a\\\"\", shape=doubleoctagon];\n"
                + "  n1 [label=\"zip\"];\n"
                + "  n0 -> n1 [label=\"0\", headlabel=\"[0]\"];\n"
                + "}\n");
        assertThat(g.attrs).containsEntry("rankdir", "LR");
        assertThat(g.nodes.get("n0").attrs).containsEntry("label", "stream \"a\"")
                .containsEntry("shape", "doubleoctagon").containsEntry("fillcolor", "white");
        assertThat(g.nodes.get("n1").attrs).containsEntry("shape", "ellipse");
        assertThat(edges(g)).containsExactly("n0->n1{label=0, headlabel=[0]}");
    }

    @Test
    void readsChainsDefaultsCommentsSubgraphsAndLineBreaks() {
        DotGraph g = DotParser.parse("strict digraph {\n"
                + "  // a comment\n"
                + "  edge [color=red] /* another */\n"
                + "  a -> b -> \"c d\"\n"
                + "  subgraph cluster_x { e [label=\"two\\nlines\"]; b -> e }\n"
                + "# a preprocessor line\n"
                + "  graph [rankdir=BT]\n"
                + "}");
        assertThat(g.nodes.keySet()).containsExactly("a", "b", "c d", "e");
        assertThat(edges(g)).containsExactly("a->b{color=red}", "b->c d{color=red}", "b->e{color=red}");
        assertThat(g.nodes.get("e").lines()).containsExactly("two", "lines");
        assertThat(g.nodes.get("a").lines()).containsExactly("a");
        assertThat(g.attrs).isEqualTo(Map.of("rankdir", "BT"));
    }

    @Test
    void aQuotedBraceIsAName() {
        DotGraph g = DotParser.parse("digraph { \"{\" -> \"}\" }");
        assertThat(g.nodes.keySet()).containsExactly("{", "}");
    }

    @Test
    void saysWhatItExpectedAndWhere() {
        assertThatThrownBy(() -> DotParser.parse("graph"))
                .hasMessage("DOT text, line 1: expected \"{\", was the end of the text");
        assertThatThrownBy(() -> DotParser.parse("flowchart { }"))
                .hasMessage("DOT text, line 1: expected \"digraph\" or \"graph\", was \"flowchart\"");
        assertThatThrownBy(() -> DotParser.parse("digraph {\n a [label=\"x]\n}"))
                .hasMessage("DOT text, line 3: a quoted string is not closed");
        assertThatThrownBy(() -> DotParser.parse("digraph { a } b"))
                .hasMessage("DOT text, line 1: expected the end of the text after \"}\", was \"b\"");
        assertThatThrownBy(() -> DotParser.parse("digraph { a -> b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DOT text, line 1: expected \"}\" before the end of the text");
    }
}
