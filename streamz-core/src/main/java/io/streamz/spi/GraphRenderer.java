package io.streamz.spi;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Draws a graph given as Graphviz DOT text into an image file; found with
 * {@link java.util.ServiceLoader} by {@code Stream.visualize}. The {@code streamz-graphviz}
 * module provides one (Eclipse ELK, or the {@code dot} program when installed); without any, {@code visualize} falls back to the
 * {@code dot} program.
 *
 * <pre>{@code
 * // a renderer of one's own, listed in META-INF/services/io.streamz.spi.GraphRenderer
 * public final class DotRenderer implements GraphRenderer {
 *     public String name() { return "dot program"; }
 *
 *     public void render(String dot, Path file, String format) throws IOException {
 *         Process p = new ProcessBuilder("dot", "-T" + format, "-o", file.toString()).start();
 *         try (Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
 *             in.write(dot);
 *         }
 *         try {
 *             if (p.waitFor() != 0) throw new IOException("dot failed");
 *         } catch (InterruptedException e) {
 *             Thread.currentThread().interrupt();
 *             throw new IOException(e);
 *         }
 *     }
 * }
 * }</pre>
 */
public interface GraphRenderer {
    /**
     * A short name for messages, e.g. {@code "streamz-graphviz (ELK)"} or {@code "dot program"}.
     *
     * @return the renderer's name
     */
    String name();

    /**
     * Renders {@code dot} into {@code file}.
     *
     * @param dot the graph in DOT
     * @param file where to write the picture
     * @param format {@code "png"}, {@code "svg"} or {@code "pdf"}
     * @throws IOException if the file cannot be written or the renderer fails
     */
    void render(String dot, Path file, String format) throws IOException;
}
