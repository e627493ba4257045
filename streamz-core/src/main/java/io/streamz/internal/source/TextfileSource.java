package io.streamz.internal.source;

import io.streamz.Stream;
import io.streamz.TextfileOptions;
import io.streamz.internal.util.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import reactor.core.scheduler.Scheduler;

/**
 * Implements {@link Stream#fromTextfile(String, TextfileOptions)}: tails a file, emitting each
 * complete part (ending with the delimiter, as in streamz) as the file grows.
 *
 * <p>Each poll opens the file, reads from where the last one stopped to the end, and closes it
 * again, so no handle stays open between polls. Bytes are split on the delimiter's bytes before
 * decoding, so a multi-byte character cut by a poll boundary is never decoded in halves.
 */
public final class TextfileSource extends PollingSource<String> {
    private static final int CHUNK = 64 * 1024;

    private final String pathText;
    private final Path path;
    private final boolean fromEnd;
    private final String delimiterText;
    private final byte[] delimiter;
    private final Charset charset;

    // guarded by the poll lock of PollingSource (prepare() runs before any poll of a run)
    private volatile long position = -1;
    private byte[] pending = new byte[0];
    private int pendingLength;

    public TextfileSource(String path, TextfileOptions options, Scheduler scheduler) {
        super("fromTextfile", options.pollInterval(), scheduler);
        this.pathText = Checks.notNull(path, "fromTextfile", "path");
        this.path = Path.of(path);
        this.fromEnd = options.fromEnd();
        this.delimiterText = options.delimiter();
        this.charset = options.charset();
        this.delimiter = delimiterText.getBytes(charset);
    }

    @Override
    protected String describeParams() {
        return "path=\"" + pathText + "\"";
    }

    @Override
    protected void prepare() {
        if (!Files.isReadable(path) || Files.isDirectory(path)) {
            throw new UncheckedIOException(this + ": cannot read \"" + pathText + "\": "
                    + (Files.exists(path) ? "not a readable file" : "no such file"),
                    new IOException(pathText));
        }
        if (position < 0) {
            position = fromEnd ? size() : 0;
        }
    }

    @Override
    protected void poll(BooleanSupplier running) {
        if (!emitPending(running)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            if (ch.size() < position) {
                position = 0;      // truncated or replaced: read it again from its start
            }
            ByteBuffer buf = ByteBuffer.allocate(CHUNK);
            for (;;) {
                buf.clear();
                int n = ch.read(buf, position);
                if (n <= 0) {
                    return;
                }
                position += n;
                append(buf.array(), n);
                if (!emitPending(running)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(this + ": cannot read \"" + pathText + "\": " + e, e);
        }
    }

    /** Emits the complete parts held; {@code false} if the source was stopped meanwhile. */
    private boolean emitPending(BooleanSupplier running) {
        int start = 0;
        try {
            for (int end; (end = indexOfDelimiter(start)) >= 0; ) {
                if (!running.getAsBoolean()) {
                    return false;
                }
                int next = end + delimiter.length;
                String part = new String(pending, start, next - start, charset);
                start = next;       // consumed even if a downstream function fails on it
                emit(part);
            }
            return running.getAsBoolean();
        } finally {
            System.arraycopy(pending, start, pending, 0, pendingLength - start);
            pendingLength -= start;
        }
    }

    private int indexOfDelimiter(int from) {
        outer:
        for (int i = from; i <= pendingLength - delimiter.length; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (pending[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void append(byte[] bytes, int n) {
        if (pendingLength + n > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pendingLength + n, pending.length * 2));
        }
        System.arraycopy(bytes, 0, pending, pendingLength, n);
        pendingLength += n;
    }

    private long size() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(this + ": cannot read \"" + pathText + "\": " + e, e);
        }
    }
}
