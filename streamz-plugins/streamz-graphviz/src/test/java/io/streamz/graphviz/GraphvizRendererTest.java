package io.streamz.graphviz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.Stream;
import io.streamz.spi.GraphRenderer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Pictures drawn in the JVM (ELK), checked as the files they are: XML, PNG, PDF. */
class GraphvizRendererTest {
    @TempDir
    Path dir;

    private final GraphvizRenderer renderer = new GraphvizRenderer(GraphvizRenderer.Engine.ELK);

    /** A branching graph with a zip, built by the facade. */
    private static Stream<Integer> pipeline() {
        Stream<Integer> source = Stream.create("source");
        Stream<Integer> prices = Stream.create("prices");
        source.map(x -> x + 1).named("increment").zip(prices).sink(x -> { });
        source.map(x -> x - 1).named("decrement").sinkToList();
        return source;
    }

    @Test
    void isFoundByServiceLoaderAndDrawsForVisualize() throws Exception {
        assertThat(ServiceLoader.load(GraphRenderer.class).stream()
                        .map(p -> p.type().getName())
                        .collect(Collectors.toList()))
                .contains(GraphvizRenderer.class.getName());
        Path svg = dir.resolve("graph.svg");
        String engine = pipeline().visualize(svg.toString(), "LR");
        assertThat(engine).startsWith("streamz-graphviz (");
        assertThat(Files.readString(svg)).contains("<svg");
    }

    @Test
    void drawsSvgWithOneGroupPerNodeAndTheJoinInputsLabelled() throws Exception {
        Path svg = dir.resolve("graph.svg");
        renderer.render(pipeline().toDot(), svg, "svg");

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        NodeList groups = doc.getElementsByTagName("g");
        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            ids.add(g.getAttribute("id"));
            labels.add(g.getElementsByTagName("text").item(0).getTextContent());
        }
        assertThat(ids).containsExactly("n0", "n1", "n2", "n3", "n4", "n5", "n6");
        assertThat(labels).containsExactlyInAnyOrder("stream \"source\"", "stream \"prices\"",
                "map \"increment\"", "map \"decrement\"", "zip", "sink", "sinkToList");
        List<String> texts = new ArrayList<>();
        NodeList all = doc.getElementsByTagName("text");
        for (int i = 0; i < all.getLength(); i++) {
            texts.add(all.item(i).getTextContent());
        }
        assertThat(texts).contains("[0]", "[1]", "0", "1");
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(6);
    }

    @Test
    void labelsWhichInputIsWhichOfCombineLatestInEveryFormat() throws Exception {
        Stream<Integer> prices = Stream.create("prices");
        Stream<Integer> volumes = Stream.create("volumes");
        volumes.combineLatest(prices).sinkToList();   // volumes is input 0, prices input 1
        String dot = prices.toDot();
        assertThat(dot).contains("n0 [label=\"stream \\\"prices\\\"\"];", "n1 -> n2 [headlabel=\"[0]\"];",
                "n0 -> n2 [headlabel=\"[1]\"];", "n2 [label=\"combineLatest\"];");

        String svg = renderer.svg(dot);
        assertThat(svg).contains(">combineLatest</text>", ">[0]</text>", ">[1]</text>");
        Path pdf = dir.resolve("latest.pdf");
        renderer.render(dot, pdf, "pdf");
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("combineLatest", "[0]", "[1]");
        }
        Path png = dir.resolve("latest.png");
        renderer.render(dot, png, "png");
        assertThat(ImageIO.read(png.toFile()).getWidth()).isGreaterThan(100);
    }

    @Test
    void drawsAnErrorsStreamsEdgeDashedAsInTheDotText() throws Exception {
        Stream<String> source = Stream.create("lines");
        Stream<Integer> parse = source.map(Integer::parseInt).named("parse");
        parse.sinkToList();
        parse.errors().sinkToList();
        String dot = source.toDot("LR");
        assertThat(dot).contains("n1 -> n3 [style=dashed];");

        String svg = renderer.svg(dot);
        assertThat(svg.split("<polyline ")).hasSize(5);   // four edges
        assertThat(svg.split("<polyline class=\"edge dashed\"")).hasSize(2);
        assertThat(svg).contains("stroke-dasharray=\"5,3\"");
        for (String format : List.of("png", "pdf")) {
            Path picture = dir.resolve("errors." + format);
            renderer.render(dot, picture, format);
            assertThat(Files.size(picture)).isPositive();
        }
    }

    @Test
    void drawsPngThatImageIoReads() throws Exception {
        Path png = dir.resolve("graph.png");
        renderer.render(pipeline().toDot(), png, "PNG");
        byte[] bytes = Files.readAllBytes(png);
        assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(200);
        assertThat(image.getHeight()).isGreaterThan(150);
        // drawn, not blank: some pixels are dark (lines, text)
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if ((image.getRGB(x, y) & 0xff) < 128) {
                    dark++;
                }
            }
        }
        assertThat(dark).isGreaterThan(100);
    }

    @Test
    void drawsAOnePagePdfWithTheLabelsAsText() throws Exception {
        Path pdf = dir.resolve("graph.pdf");
        renderer.render(pipeline().toDot(), pdf, "pdf");
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isGreaterThan(150);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("map \"increment\"", "zip", "sinkToList", "[1]");
        }
    }

    @Test
    void svgTextIsTheSameWhateverTheEngine() {
        String dot = "digraph { a -> b [headlabel=\"[0]\"]; }";
        assertThat(new GraphvizRenderer(GraphvizRenderer.Engine.DOT_PROGRAM).svg(dot)).isEqualTo(renderer.svg(dot));
        assertThat(renderer.svg(dot)).contains("<g class=\"node\" id=\"a\">", ">[0]</text>");
    }

    @Test
    void rejectsAnUnknownFormatBeforeDrawing() {
        assertThatThrownBy(() -> renderer.render("digraph {}", dir.resolve("graph.gif"), "gif"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GraphvizRenderer: format must be \"png\", \"svg\" or \"pdf\", was \"gif\"");
        assertThat(dir.resolve("graph.gif")).doesNotExist();
    }

    @Test
    void saysWhereTheDotTextIsWrong() {
        Path out = dir.resolve("bad.svg");
        assertThatThrownBy(() -> renderer.render("digraph {\n  a -> ;\n}", out, "svg"))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot draw " + out + ": DOT text, line 2: expected a name or a quoted string, was \";\"");
        assertThat(out).doesNotExist();
    }

    @Test
    void names() {
        assertThat(renderer.name()).isEqualTo("streamz-graphviz (ELK)");
        assertThat(new GraphvizRenderer(GraphvizRenderer.Engine.DOT_PROGRAM).name())
                .isEqualTo("streamz-graphviz (dot program)");
    }
}
