package io.streamz.graphviz;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamz.Stream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which engine the default renderer picks: the {@code dot} program when one is on the search
 * path, else ELK. The search path is the test's own, so the outcome does not depend on whether
 * this machine has Graphviz.
 */
class DotChoiceTest {
    @TempDir
    Path dir;

    private static String dot() {
        Stream<Integer> source = Stream.create("numbers");
        source.map(x -> x + 1).sinkToList();
        return source.toDot();
    }

    /** {@code dir/name} holding {@code text}, with the given POSIX permissions. */
    private static Path file(Path dir, String name, String text, String permissions) throws IOException {
        Path file = Files.writeString(Files.createDirectories(dir).resolve(name), text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void aDotProgramOnTheSearchPathDraws() throws IOException {
        // stands in for Graphviz: records its arguments and copies its input into the -o file
        Path bin = file(dir.resolve("bin"), "dot", "#!/bin/sh\necho \"$@\" > \"$3.args\"\ncat > \"$3\"\n",
                "rwxr-xr-x").getParent();

        GraphvizRenderer renderer = new GraphvizRenderer(dir.resolve("empty") + File.pathSeparator + bin);
        assertThat(renderer.engine()).isEqualTo(GraphvizRenderer.Engine.DOT_PROGRAM);
        assertThat(renderer.name()).isEqualTo("streamz-graphviz (dot program)");
        Path png = dir.resolve("graph.png");
        renderer.render(dot(), png, "PNG");
        assertThat(Files.readString(png)).isEqualTo(dot());
        assertThat(Files.readString(Path.of(png + ".args")).strip()).isEqualTo("-Tpng -o " + png);
    }

    @Test
    void withoutADotProgramTheJvmEngineDraws() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path notExecutable = file(dir.resolve("docs"), "dot", "text", "rw-r--r--");

        for (String searchPath : new String[] {empty.toString(), notExecutable.getParent().toString(), "", null}) {
            GraphvizRenderer renderer = new GraphvizRenderer(searchPath);
            assertThat(renderer.engine()).as("search path %s", searchPath).isEqualTo(GraphvizRenderer.Engine.ELK);
            assertThat(renderer.name()).isEqualTo("streamz-graphviz (ELK)");
        }
        Path svg = dir.resolve("graph.svg");
        new GraphvizRenderer(empty.toString()).render(dot(), svg, "svg");
        assertThat(Files.readString(svg)).startsWith("<?xml").contains("<svg", "<g class=\"node\" id=\"n0\">", "&quot;numbers&quot;");
    }
}
