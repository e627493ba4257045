package io.streamz.graphviz;

import io.streamz.internal.graph.DotProgramRenderer;
import io.streamz.spi.GraphRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Draws stream graphs for {@code Stream.visualize} as PNG, SVG or PDF, with or without a Graphviz
 * installation. It uses the {@code dot} program when one is on the {@code PATH}, and otherwise
 * lays the graph out in the JVM with Eclipse ELK's layered algorithm and draws it itself (SVG
 * text, Java2D for PNG, Apache PDFBox for PDF): the first picture of a fresh JVM costs about two
 * seconds of CPU (loading ELK), later ones milliseconds.
 *
 * <p>Having {@code streamz-graphviz} on the class path is enough: {@code visualize} finds this
 * class with {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * Stream<Integer> source = Stream.create("numbers");
 * source.map(x -> x + 1).sink(System.out::println);
 * source.visualize("graph.svg");   // or "graph.png", "graph.pdf"
 *
 * // or directly, with any DOT text:
 * GraphvizRenderer renderer = new GraphvizRenderer(GraphvizRenderer.Engine.ELK);
 * renderer.render("digraph { a -> b }", Path.of("ab.png"), "png");
 * renderer.name();   // streamz-graphviz (ELK)
 * }</pre>
 *
 * <p>Without {@code dot}, the DOT text may use what {@code toDot()} writes and a little more:
 * node and edge statements, {@code node [...]}/{@code edge [...]} defaults, the attributes
 * {@code rankdir}, {@code label}, {@code shape} (ellipse, box, octagon, doubleoctagon,
 * trapezium), {@code style=rounded}, {@code fillcolor}, {@code color}, {@code fontcolor},
 * {@code penwidth}, and edge {@code label}, {@code headlabel} and {@code taillabel}. Ellipses are
 * drawn as rounded boxes; subgraphs are drawn flat.
 */
public final class GraphvizRenderer implements GraphRenderer {
    /** Which implementation draws the pictures. */
    public enum Engine {
        /** The {@code dot} program found on the {@code PATH}. */
        DOT_PROGRAM("dot program"),
        /** Eclipse ELK's layered layout inside this JVM, drawn by streamz-graphviz. */
        ELK("ELK");

        private final String label;

        Engine(String label) {
            this.label = label;
        }

        /**
         * The short label used in {@link GraphvizRenderer#name()}.
         *
         * @return {@code "dot program"} or {@code "ELK"}
         */
        public String label() {
            return label;
        }
    }

    private final Engine engine;
    /** The {@code dot} program chosen when the renderer was built, else {@code null}. */
    private final DotProgramRenderer program;

    /**
     * A renderer that prefers the {@code dot} program when it is on the {@code PATH} and falls
     * back to ELK; this is the constructor {@link java.util.ServiceLoader} calls. The program is
     * looked up once, here.
     */
    public GraphvizRenderer() {
        this(System.getenv("PATH"));
    }

    /**
     * As {@link #GraphvizRenderer()}, looking for {@code dot} (or {@code dot.exe}) in the
     * directories of {@code searchPath} (a {@code PATH} value; {@code null} finds nothing)
     * instead of the process's {@code PATH}: the seam that lets tests choose whether a
     * {@code dot} program is found.
     */
    GraphvizRenderer(String searchPath) {
        this.program = DotProgramRenderer.find(searchPath);
        this.engine = program != null ? Engine.DOT_PROGRAM : Engine.ELK;
    }

    /**
     * A renderer that always uses {@code engine}.
     *
     * @param engine the implementation to draw with
     */
    public GraphvizRenderer(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "GraphvizRenderer: engine is null");
        this.program = null;
    }

    /**
     * The engine this renderer draws with.
     *
     * @return the engine given to the constructor, or the one it chose
     */
    public Engine engine() {
        return engine;
    }

    /** {@code "streamz-graphviz (dot program)"} or {@code "streamz-graphviz (ELK)"}. */
    @Override
    public String name() {
        return "streamz-graphviz (" + engine.label() + ")";
    }

    /**
     * Draws {@code dot} into {@code file} as a PNG, SVG or PDF picture.
     *
     * @throws IllegalArgumentException if {@code format} is not {@code "png"}, {@code "svg"} or
     *     {@code "pdf"}
     * @throws IOException if the file cannot be written, or the DOT text cannot be read
     */
    @Override
    public void render(String dot, Path file, String format) throws IOException {
        Objects.requireNonNull(dot, "GraphvizRenderer: dot is null");
        Objects.requireNonNull(file, "GraphvizRenderer: file is null");
        String f = format(Objects.requireNonNull(format, "GraphvizRenderer: format is null"));
        if (engine == Engine.DOT_PROGRAM) {
            DotProgramRenderer dotProgram = program != null ? program : DotProgramRenderer.find(System.getenv("PATH"));
            if (dotProgram == null) {
                throw new IOException(name() + ": no dot program on the PATH to draw " + file);
            }
            dotProgram.render(dot, file, f);
            return;
        }
        Drawing drawing = layout(dot, file);
        try (OutputStream out = Files.newOutputStream(file)) {
            switch (f) {
                case "svg":
                    out.write(SvgCanvas.render(drawing).getBytes(StandardCharsets.UTF_8));
                    break;
                case "png":
                    Java2dCanvas.png(drawing, out);
                    break;
                default:
                    PdfCanvas.pdf(drawing, out);
            }
        }
    }

    /**
     * The picture of {@code dot} as SVG text, laid out with ELK whatever the engine. Each node is
     * a {@code <g class="node" id="ID">} group named by its DOT id, with one
     * {@code <text class="line">} per line of its label, so that a page can restyle it.
     *
     * <pre>{@code
     * String svg = new GraphvizRenderer().svg("digraph { n0 [label=\"map\"]; }");
     * // svg contains <g class="node" id="n0">
     * }</pre>
     *
     * @param dot the graph in DOT
     * @return a standalone SVG document
     * @throws IllegalArgumentException if the DOT text cannot be read
     */
    public String svg(String dot) {
        return SvgCanvas.render(ElkLayout.layout(DotParser.parse(Objects.requireNonNull(dot, "GraphvizRenderer: dot is null"))));
    }

    private static Drawing layout(String dot, Path file) throws IOException {
        try {
            return ElkLayout.layout(DotParser.parse(dot));
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot draw " + file + ": " + e.getMessage(), e);
        }
    }

    private static String format(String format) {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("png") && !f.equals("svg") && !f.equals("pdf")) {
            throw new IllegalArgumentException(
                    "GraphvizRenderer: format must be \"png\", \"svg\" or \"pdf\", was \"" + format + "\"");
        }
        return f;
    }
}
