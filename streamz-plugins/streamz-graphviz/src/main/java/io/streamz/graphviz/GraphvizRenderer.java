package io.streamz.graphviz;

import guru.nidi.graphviz.engine.Format;
import guru.nidi.graphviz.engine.Graphviz;
import guru.nidi.graphviz.engine.GraphvizCmdLineEngine;
import guru.nidi.graphviz.engine.GraphvizEngine;
import guru.nidi.graphviz.engine.GraphvizException;
import guru.nidi.graphviz.engine.GraphvizJdkEngine;
import io.streamz.spi.GraphRenderer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Draws stream graphs for {@code Stream.visualize} with graphviz-java, so pictures work without a
 * Graphviz installation. It uses the {@code dot} program when one is on the {@code PATH} (fast),
 * and otherwise runs Graphviz compiled to JavaScript on GraalJS (the first picture of a JVM then
 * takes several seconds: the JavaScript engine starts in interpreted mode). GraalJS 22.3 runs on
 * Java 17 to 21; on later Javas only the {@code dot} program draws, and without it
 * {@link #render} fails with an {@link IOException} that says so.
 *
 * <p>Having {@code streamz-graphviz} on the class path is enough: {@code visualize} finds this
 * class with {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * Stream<Integer> source = Stream.create("numbers");
 * source.map(x -> x + 1).sink(System.out::println);
 * source.visualize("graph.svg");   // or "graph.png"
 *
 * // or directly, with any DOT text:
 * GraphvizRenderer renderer = new GraphvizRenderer();
 * renderer.render("digraph { a -> b }", Path.of("ab.png"), "png");
 * renderer.name();   // graphviz-java (GraalJS) when no dot program is installed
 * }</pre>
 */
public final class GraphvizRenderer implements GraphRenderer {
    /** Which Graphviz implementation draws the pictures. */
    public enum Engine {
        /** The {@code dot} program found on the {@code PATH}. */
        DOT_PROGRAM("dot program"),
        /** Graphviz compiled to JavaScript (viz.js), run on GraalJS inside this JVM. */
        GRAALJS("GraalJS");

        private final String label;

        Engine(String label) {
            this.label = label;
        }

        /**
         * The short label used in {@link GraphvizRenderer#name()}.
         *
         * @return {@code "dot program"} or {@code "GraalJS"}
         */
        public String label() {
            return label;
        }
    }

    private static final Object LOCK = new Object();
    private static Engine installed;   // graphviz-java keeps its engine in static state

    private final Engine engine;

    /**
     * A renderer that prefers the {@code dot} program when it is on the {@code PATH} and falls
     * back to GraalJS; this is the constructor {@link java.util.ServiceLoader} calls.
     */
    public GraphvizRenderer() {
        this(dotOnPath() ? Engine.DOT_PROGRAM : Engine.GRAALJS);
    }

    /**
     * A renderer that always uses {@code engine}.
     *
     * @param engine the Graphviz implementation to draw with
     */
    public GraphvizRenderer(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "GraphvizRenderer: engine is null");
    }

    /**
     * The engine this renderer draws with.
     *
     * @return the engine given to the constructor, or the one it chose
     */
    public Engine engine() {
        return engine;
    }

    /** {@code "graphviz-java (dot program)"} or {@code "graphviz-java (GraalJS)"}. */
    @Override
    public String name() {
        return "graphviz-java (" + engine.label() + ")";
    }

    /**
     * Draws {@code dot} into {@code file} as a PNG or SVG picture.
     *
     * @throws IllegalArgumentException if {@code format} is neither {@code "png"} nor {@code "svg"}
     * @throws IOException if the file cannot be written or Graphviz rejects the DOT text
     */
    @Override
    public void render(String dot, Path file, String format) throws IOException {
        Objects.requireNonNull(dot, "GraphvizRenderer: dot is null");
        Objects.requireNonNull(file, "GraphvizRenderer: file is null");
        Format f = format(Objects.requireNonNull(format, "GraphvizRenderer: format is null"));
        synchronized (LOCK) {
            try (OutputStream out = Files.newOutputStream(file)) {
                install(engine);
                Graphviz g = Graphviz.fromString(dot);
                if (f == Format.PNG && engine == Engine.GRAALJS) {
                    // The SVG rasterizer drops the space before an entity: "map &quot;x&quot;"
                    // would come out as map"x"; a literal quote is valid XML text too.
                    g = g.postProcessor((result, opts, processOpts) ->
                            result.mapString(svg -> svg.replace("&quot;", "\"")));
                }
                g.render(f).toOutputStream(out);
            } catch (GraphvizException e) {
                throw new IOException(name() + " could not draw " + file + ": " + e.getMessage(), e);
            } catch (LinkageError e) {
                // GraalJS 22.3 runs on Java 17 to 21; on later Javas its Truffle runtime fails to link.
                throw new IOException(name() + " cannot run on Java " + Runtime.version().feature()
                        + " (GraalJS 22.3 supports Java 17 to 21); install Graphviz's dot program"
                        + " to draw pictures there: " + e, e);
            }
        }
    }

    private static Format format(String format) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "png":
                return Format.PNG;
            case "svg":
                return Format.SVG;
            default:
                throw new IllegalArgumentException(
                        "GraphvizRenderer: format must be \"png\" or \"svg\", was \"" + format + "\"");
        }
    }

    private static void install(Engine engine) {
        if (installed == engine) {
            return;
        }
        GraphvizEngine e;
        if (engine == Engine.DOT_PROGRAM) {
            e = new GraphvizCmdLineEngine();
        } else {
            // GraalJS on a stock JDK runs interpreted and says so on every start; we know.
            if (System.getProperty("polyglot.engine.WarnInterpreterOnly") == null) {
                System.setProperty("polyglot.engine.WarnInterpreterOnly", "false");
            }
            e = new GraphvizJdkEngine();
        }
        Graphviz.useEngine(e);
        installed = engine;
    }

    /** Whether an executable {@code dot} (or {@code dot.exe}) is on the {@code PATH}. */
    static boolean dotOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            for (String exe : new String[] {"dot", "dot.exe"}) {
                Path p = Path.of(dir, exe);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return true;
                }
            }
        }
        return false;
    }
}
