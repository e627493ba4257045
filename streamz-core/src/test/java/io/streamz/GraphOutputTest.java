package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.internal.graph.Visualizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphOutputTest {
    @TempDir
    Path dir;

    @Test
    void toDotShowsTheWholeGraphWithLabelsShapesAndEdgesInOrder() {
        Stream<Integer> source = Stream.create("numbers");
        Stream<Integer> plusOne = source.map(x -> x + 1);
        plusOne.sinkToList();
        source.filter(x -> x > 0).named("positive").sink(x -> { });

        String expected = String.join("\n",
                "digraph streamz {",
                "  node [shape=ellipse, style=\"rounded,filled\", fillcolor=white];",
                "  n0 [label=\"stream \\\"numbers\\\"\"];",
                "  n1 [label=\"map\"];",
                "  n2 [label=\"filter \\\"positive\\\"\"];",
                "  n3 [label=\"sinkToList\", shape=trapezium];",
                "  n4 [label=\"sink\", shape=trapezium];",
                "  n0 -> n1 [label=\"0\"];",
                "  n0 -> n2 [label=\"1\"];",
                "  n1 -> n3;",
                "  n2 -> n4;",
                "}",
                "");
        assertThat(source.toDot()).isEqualTo(expected);
        // the same text from any node of the graph: ids are stable
        assertThat(plusOne.toDot()).isEqualTo(expected);
    }

    @Test
    void toDotReachesUpAndDownThroughJoinsAndMarksSources() {
        Source<Integer> a = Stream.fromIterable(List.of(1));
        Stream<Integer> b = Stream.create("b");
        Stream<Integer> both = a.map(x -> x);
        b.connect(both);
        both.sinkToList();
        String dot = both.toDot();
        // sources first, in the order found from this node (up its upstreams in order)
        assertThat(dot).contains("n0 [label=\"fromIterable\", shape=doubleoctagon];")
                .contains("n1 [label=\"stream \\\"b\\\"\"];")
                .contains("n2 [label=\"map\"];")
                .contains("n3 [label=\"sinkToList\", shape=trapezium];")
                .contains("n0 -> n2;")
                .contains("n1 -> n2;")
                .contains("n2 -> n3;");
        assertThat(both.toDot()).isEqualTo(dot);
        assertThat(b.toDot()).contains("n0 [label=\"stream \\\"b\\\"\"];", "n0 -> n2;", "n1 -> n2;");
    }

    @Test
    void toDotOfALoneNodeAndWithARankdir() {
        Stream<String> lone = Stream.create();
        assertThat(lone.toDot("LR")).isEqualTo(String.join("\n",
                "digraph streamz {",
                "  rankdir=LR;",
                "  node [shape=ellipse, style=\"rounded,filled\", fillcolor=white];",
                "  n0 [label=\"stream\"];",
                "}",
                ""));
        assertThatThrownBy(() -> lone.toDot("sideways"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("toDot: rankdir must be \"TB\" or \"LR\" or \"BT\" or \"RL\", was \"sideways\"");
        assertThatThrownBy(() -> lone.toDot(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("stream: rankdir is null");
    }

    @Test
    void toDotHandlesFeedbackLoops() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> inc = source.map(x -> x + 1);
        inc.connect(source);
        String dot = source.toDot();
        assertThat(dot).contains("n0 [label=\"stream\"];", "n1 [label=\"map\"];", "n0 -> n1;", "n1 -> n0;");
    }

    @Test
    void toDotSaysWhichInputOfAJoinAnEdgeIs() {
        Stream<Integer> a = Stream.create("a");
        Stream<Integer> b = Stream.create("b");
        Stream<List<Object>> zipped = b.zip(a);
        zipped.sinkToList();
        a.combineLatest(b).sinkToList();
        a.zip(a).sinkToList();

        String dot = zipped.toDot();
        // b.zip(a): b is input 0, a is input 1, whatever the order of the ids
        assertThat(dot).contains("n0 [label=\"stream \\\"b\\\"\"];", "n1 [label=\"stream \\\"a\\\"\"];")
                .contains("n0 -> n2 [label=\"0\", headlabel=\"[0]\"];")
                .contains("n1 -> n2 [label=\"0\", headlabel=\"[1]\"];")
                .contains("n1 -> n3 [label=\"1\", headlabel=\"[0]\"];")
                .contains("n0 -> n3 [label=\"1\", headlabel=\"[1]\"];")
                // a.zip(a): two edges, one per input
                .contains("n1 -> n4 [label=\"2\", headlabel=\"[0]\"];")
                .contains("n1 -> n4 [label=\"2\", headlabel=\"[1]\"];");
        assertThat(dot).contains("n2 [label=\"zip\"];", "n3 [label=\"combineLatest\"];");
    }

    @Test
    void visualizeUsesTheFirstInstalledRendererAndSaysWhichDrew() throws IOException {
        Stream<Integer> source = Stream.create();
        source.map(x -> x).sinkToList();
        Path png = dir.resolve("graph.png");
        Path svg = dir.resolve("graph.SVG");

        assertThat(source.visualize(png.toString())).isEqualTo("test text renderer");
        assertThat(Files.readString(png)).isEqualTo("png\n" + source.toDot());
        assertThat(source.visualize(svg.toString(), "LR")).isEqualTo("test text renderer");
        assertThat(Files.readString(svg)).isEqualTo("svg\n" + source.toDot("LR"));
    }

    @Test
    void visualizeChoosesTheFormatByTheFileEnding() {
        Stream<Integer> source = Stream.create();
        Path gif = dir.resolve("graph.gif");
        assertThatThrownBy(() -> source.visualize(gif.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("visualize: file must end with .png, .svg or .pdf, was \"" + gif + "\"");
        assertThat(gif).doesNotExist();
        assertThat(Visualizer.format("graph.PDF")).isEqualTo("pdf");
        assertThatThrownBy(() -> source.visualize(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("stream: file is null");
    }

    @Test
    void withoutRenderersTheDotProgramOnThePathDraws() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fakeDot = bin.resolve("dot");
        // stands in for Graphviz: records its arguments and copies stdin into the -o file
        Files.writeString(fakeDot, "#!/bin/sh\necho \"$@\" > \"$3.args\"\ncat > \"$3\"\n");
        Files.setPosixFilePermissions(fakeDot, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path out = dir.resolve("g.svg");

        Visualizer v = new Visualizer(List.of(), dir.resolve("empty") + java.io.File.pathSeparator + bin);
        assertThat(v.render("digraph { a -> b }", out.toString())).isEqualTo("dot program");
        assertThat(Files.readString(out)).isEqualTo("digraph { a -> b }");
        assertThat(Files.readString(Path.of(out + ".args")).strip()).isEqualTo("-Tsvg -o " + out);
    }

    @Test
    void aFailingDotProgramReportsItsErrorOutput() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fakeDot = bin.resolve("dot");
        Files.writeString(fakeDot, "#!/bin/sh\ncat > /dev/null\necho 'syntax error in line 1' >&2\nexit 3\n");
        Files.setPosixFilePermissions(fakeDot, PosixFilePermissions.fromString("rwxr-xr-x"));

        Visualizer v = new Visualizer(List.of(), bin.toString());
        assertThatThrownBy(() -> v.render("digraph {", dir.resolve("g.png").toString()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("dot program could not draw")
                .hasMessageContaining("exited with 3: syntax error in line 1");
    }

    @Test
    void withoutRendererOrDotProgramTheMessageSaysWhatToInstall() {
        Visualizer v = new Visualizer(List.of(), dir.toString());
        assertThatThrownBy(() -> v.render("digraph {}", dir.resolve("g.png").toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("io.streamz:streamz-graphviz")
                .hasMessageContaining("install Graphviz");
        assertThatThrownBy(() -> new Visualizer(List.of(), null).render("digraph {}", "g.svg"))
                .isInstanceOf(IllegalStateException.class);
    }
}
