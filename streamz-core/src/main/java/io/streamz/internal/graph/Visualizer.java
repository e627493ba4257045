package io.streamz.internal.graph;

import io.streamz.internal.util.Checks;
import io.streamz.spi.GraphRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Draws DOT text into a PNG, SVG or PDF file (chosen by the file's ending) with the first
 * {@link GraphRenderer} installed, else the {@code dot} program found on the {@code PATH}.
 */
public final class Visualizer {
    private final List<GraphRenderer> renderers;
    private final String searchPath;

    /** A visualizer with the given renderers, falling back to {@code dot} on {@code searchPath}. */
    public Visualizer(List<GraphRenderer> renderers, String searchPath) {
        this.renderers = List.copyOf(renderers);
        this.searchPath = searchPath;
    }

    /** The renderers found with {@link ServiceLoader} now, and the process's {@code PATH}. */
    public static Visualizer installed() {
        List<GraphRenderer> found = new ArrayList<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : new ClassLoader[] {context, Visualizer.class.getClassLoader()}) {
            if (loader == null || !found.isEmpty()) {
                continue;
            }
            for (var it = ServiceLoader.load(GraphRenderer.class, loader).iterator(); ; ) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    found.add(it.next());
                } catch (ServiceConfigurationError e) {
                    // an unloadable renderer is skipped: the next one, or dot, may still draw
                }
            }
        }
        return new Visualizer(found, System.getenv("PATH"));
    }

    /** {@code "png"}, {@code "svg"} or {@code "pdf"} from the file's ending, else an {@link IllegalArgumentException}. */
    public static String format(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        for (String f : List.of("png", "svg", "pdf")) {
            if (lower.endsWith("." + f)) {
                return f;
            }
        }
        throw Checks.invalid("visualize", "file must end with .png, .svg or .pdf, was \"" + file + "\"");
    }

    /**
     * Draws {@code dot} into {@code file}.
     *
     * @return the name of the renderer that drew, such as {@code "streamz-graphviz (ELK)"} or
     *     {@code "dot program"}
     * @throws IllegalStateException if there is no renderer and no {@code dot} program
     * @throws UncheckedIOException if the renderer fails
     */
    public String render(String dot, String file) {
        String format = format(file);
        GraphRenderer renderer = renderers.isEmpty() ? DotProgramRenderer.find(searchPath) : renderers.get(0);
        if (renderer == null) {
            throw new IllegalStateException("visualize: no graph renderer found to draw \"" + file
                    + "\": add the io.streamz:streamz-graphviz module to the class path, or install Graphviz"
                    + " so that the dot program is on the PATH");
        }
        try {
            renderer.render(dot, Path.of(file), format);
        } catch (IOException e) {
            throw new UncheckedIOException("visualize: " + renderer.name() + " could not draw \"" + file
                    + "\": " + e.getMessage(), e);
        }
        return renderer.name();
    }
}
