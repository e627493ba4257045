package io.streamz.internal.sink;

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
 * Implements {@link Stream#sinkToTextfile(String, String)}: opens the file for appending when
 * built, writes {@code String.valueOf(x) + end} per element and flushes, closes on
 * {@link #destroy()}.
 */
public final class TextfileSink<T> extends Node<T, T> {
    private final String path;
    private final String end;
    private Writer writer;   // guarded by this; null once closed

    public TextfileSink(Stream<T> upstream, String path, String end) {
        super(checked(upstream, path, end), "sinkToTextfile");
        this.path = path;
        this.end = end;
        try {
            this.writer = Files.newBufferedWriter(Path.of(path), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            super.destroy();
            throw new UncheckedIOException(this + ": cannot open \"" + path + "\" for appending: " + e,
                    e instanceof IOException ? (IOException) e : new IOException(e));
        }
    }

    /** Checks the arguments before the node is connected, so a bad call leaves no node behind. */
    private static <T> Stream<T> checked(Stream<T> upstream, String path, String end) {
        Checks.notNull(path, "sinkToTextfile", "path");
        Checks.notNull(end, "sinkToTextfile", "end");
        return upstream;
    }

    @Override
    protected String describeParams() {
        return "path=\"" + path + "\"";
    }

    @Override
    protected synchronized CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        if (writer == null) {
            throw new IllegalStateException(this + ": the file is closed, the sink was destroyed");
        }
        try {
            writer.write(String.valueOf(x));
            writer.write(end);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(this + ": cannot write to \"" + path + "\": " + e, e);
        }
        return null;
    }

    /** Disconnects the sink and closes its file. */
    @Override
    public void destroy() {
        super.destroy();
        synchronized (this) {
            if (writer == null) {
                return;
            }
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(this + ": cannot close \"" + path + "\": " + e, e);
            } finally {
                writer = null;
            }
        }
    }
}
