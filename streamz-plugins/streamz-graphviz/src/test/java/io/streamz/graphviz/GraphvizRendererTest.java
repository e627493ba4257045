package io.streamz.graphviz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.spi.GraphRenderer;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

/** Two renders on GraalJS (no dot program needed): one SVG, one PNG; the engine warms up once. */
class GraphvizRendererTest {
    private static final String DOT = "digraph streamz {\n"
            + "  rankdir=LR;\n"
            + "  n0 [label=\"stream \\\"source\\\"\"];\n"
            + "  n1 [label=\"map \\\"increment\\\"\"];\n"
            + "  n2 [label=\"map \\\"decrement\\\"\"];\n"
            + "  n3 [label=\"sink\"];\n"
            + "  n0 -> n1; n0 -> n2; n1 -> n3; n2 -> n3;\n"
            + "}\n";

    @TempDir
    Path dir;

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(GraphRenderer.class).stream()
                        .map(p -> p.type().getName())
                        .collect(Collectors.toList()))
                .contains(GraphvizRenderer.class.getName());
    }

    @Test
    @EnabledForJreRange(max = JRE.JAVA_21)
    void drawsSvgAndPngOnGraalJsWithoutTheDotProgram() throws Exception {
        GraphvizRenderer renderer = new GraphvizRenderer(GraphvizRenderer.Engine.GRAALJS);
        assertThat(renderer.name()).isEqualTo("graphviz-java (GraalJS)");

        Path svg = dir.resolve("graph.svg");
        renderer.render(DOT, svg, "svg");
        String text = Files.readString(svg, StandardCharsets.UTF_8);
        assertThat(text).contains("<svg");
        for (String label : new String[] {"stream &quot;source&quot;", "map &quot;increment&quot;",
                "map &quot;decrement&quot;", "sink"}) {
            assertThat(text).contains(">" + label + "</text>");
        }

        Path png = dir.resolve("graph.png");
        renderer.render(DOT, png, "PNG");
        byte[] bytes = Files.readAllBytes(png);
        assertThat(Arrays.copyOf(bytes, 8))
                .containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(100);
        assertThat(image.getHeight()).isGreaterThan(50);
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_22)
    void saysWhyGraalJsCannotDrawOnJava22AndLater() {
        GraphvizRenderer renderer = new GraphvizRenderer(GraphvizRenderer.Engine.GRAALJS);
        assertThatThrownBy(() -> renderer.render(DOT, dir.resolve("graph.svg"), "svg"))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageStartingWith("graphviz-java (GraalJS) cannot run on Java " + Runtime.version().feature())
                .hasMessageContaining("install Graphviz's dot program");
    }

    @Test
    void rejectsAnUnknownFormatBeforeDrawing() {
        GraphvizRenderer renderer = new GraphvizRenderer(GraphvizRenderer.Engine.GRAALJS);
        assertThatThrownBy(() -> renderer.render(DOT, dir.resolve("graph.gif"), "gif"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GraphvizRenderer: format must be \"png\" or \"svg\", was \"gif\"");
        assertThat(dir.resolve("graph.gif")).doesNotExist();
    }
}
