package io.streamz.files;

import io.streamz.Stream;
import io.streamz.internal.Node;
import io.streamz.internal.util.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Base of the file sinks ({@link Csv#sinkToCsv}, {@link JsonLines#sinkToJsonl}): opens the
 * file for appending when built, writes each element as one record, flushed as it goes, and
 * closes the file on {@link #destroy()}.
 *
 * <pre>{@code
 * FileSink<Trade> out = trades.as(JsonLines.sinkToJsonl("trades.jsonl"));
 * // ...
 * out.destroy();   // closes the file
 * }</pre>
 *
 * @param <T> the element type
 */
public abstract class FileSink<T> extends Node<T, T> {
    private final String pathText;
    private final boolean wasEmpty;
    private Writer writer;

    FileSink(Stream<T> upstream, String kind, String path) {
        super(upstream, kind);
        this.pathText = Checks.notNull(path, kind, "path");
        Path p = Path.of(path);
        try {
            this.writer = Files.newBufferedWriter(p, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            this.wasEmpty = Files.size(p) == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(kind + ": cannot write \"" + path + "\": " + e, e);
        }
    }

    /** Whether the file was empty (or new) when the sink was built. */
    final boolean wasEmpty() {
        return wasEmpty;
    }

    /**
     * The text of one element, line break included.
     *
     * @throws Exception if the element cannot be written in this format
     */
    abstract String format(T x) throws Exception;

    @Override
    protected final CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        String text;
        try {
            text = format(x);
        } catch (Exception e) {
            throw failure(e, x);
        }
        synchronized (this) {
            if (writer == null) {
                throw failure(new IllegalStateException("the sink was destroyed"), x);
            }
            try {
                writer.write(text);
                writer.flush();
            } catch (IOException e) {
                throw failure(new UncheckedIOException("cannot write \"" + pathText + "\": " + e, e), x);
            }
        }
        return null;
    }

    /** Closes the file, then stops receiving elements. */
    @Override
    public void destroy() {
        synchronized (this) {
            if (writer != null) {
                try {
                    writer.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(kind() + ": cannot close \"" + pathText + "\": " + e, e);
                } finally {
                    writer = null;
                    super.destroy();
                }
                return;
            }
        }
        super.destroy();
    }

    @Override
    protected String describeParams() {
        return "path=\"" + pathText + "\"";
    }
}
