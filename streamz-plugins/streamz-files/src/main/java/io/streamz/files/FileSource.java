package io.streamz.files;

import io.streamz.internal.source.PollingSource;
import io.streamz.internal.util.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import reactor.core.scheduler.Scheduler;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * A source of the records of a CSV or JSON-lines file ({@link Csv#fromCsv},
 * {@link JsonLines#fromJsonl}): on {@code start()} it reads the file and emits one element per
 * record; by default it then stops by itself, or with {@link FileOptions#withTail tail} it
 * polls for records appended later until stopped.
 *
 * <pre>{@code
 * FileSource<Map<String, Object>> rows = Csv.fromCsv("prices.csv");
 * rows.map(r -> r.get("symbol")).sink(System.out::println);
 * rows.start();
 * rows.finished().join();   // the whole file was emitted
 * }</pre>
 *
 * <p>A malformed record (a CSV row with the wrong number of fields, a value of the wrong type,
 * a line that is not JSON) is skipped, logged with its line number and counted in
 * {@link #malformedCount()}. A failing graph stops the source, as in
 * {@code Stream.fromTextfile}.
 *
 * @param <R> the element type
 */
public final class FileSource<R> extends PollingSource<R> {
    private static final Logger LOG = Loggers.getLogger(FileSource.class);
    private static final int CHUNK = 64 * 1024;

    private final String pathText;
    private final Path path;
    private final boolean tail;
    private final RecordFormat<R> format;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final AtomicLong malformed = new AtomicLong();

    // touched by polls only, which never overlap
    private long position;
    private byte[] pending = new byte[0];
    private int pendingLength;
    private final StringBuilder record = new StringBuilder();
    private long line;
    private long recordLine;

    FileSource(String kind, String path, FileOptions options, RecordFormat<R> format, Scheduler scheduler) {
        super(kind, options.pollInterval(), scheduler);
        this.pathText = Checks.notNull(path, kind, "path");
        this.path = Path.of(path);
        this.tail = options.tail();
        this.format = format;
    }

    /**
     * Completes when a source that does not tail has emitted the whole file; fails if reading
     * or the graph failed. A tailing source's completes only if it fails.
     *
     * @return the future completing once the whole file was emitted; the same one on each call
     */
    public CompletableFuture<Void> finished() {
        return finished;
    }

    /**
     * How many malformed records were skipped so far.
     *
     * @return the number of skipped records, counted since the source was built
     */
    public long malformedCount() {
        return malformed.get();
    }

    @Override
    protected String describeParams() {
        return "path=\"" + pathText + "\"";
    }

    @Override
    protected void prepare() {
        if (!Files.isReadable(path) || Files.isDirectory(path)) {
            UncheckedIOException e = new UncheckedIOException(this + ": cannot read \"" + pathText + "\": "
                    + (Files.exists(path) ? "not a readable file" : "no such file"), new IOException(pathText));
            finished.completeExceptionally(e);
            throw e;
        }
    }

    @Override
    protected void poll(BooleanSupplier running) {
        try {
            if (!readNew(running)) {
                return;
            }
            if (!tail) {
                if (pendingLength > 0) {
                    append((byte) '\n');                 // a last line without a line break
                    if (!emitLines(running)) {
                        return;
                    }
                }
                if (record.length() > 0) {
                    handle(record.toString(), recordLine);   // unbalanced quotes: malformed
                    record.setLength(0);
                }
                finished.complete(null);
                stop();
            }
        } catch (RuntimeException | Error e) {
            finished.completeExceptionally(e);
            throw e;
        }
    }

    /** Reads what was appended since the last poll; {@code false} if stopped meanwhile. */
    private boolean readNew(BooleanSupplier running) {
        if (!emitLines(running)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(CHUNK);
            for (;;) {
                buf.clear();
                int n = ch.read(buf, position);
                if (n <= 0) {
                    return true;
                }
                position += n;
                append(buf.array(), n);
                if (!emitLines(running)) {
                    return false;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(this + ": cannot read \"" + pathText + "\": " + e, e);
        }
    }

    /** Turns the complete lines held into records and emits them; {@code false} if stopped. */
    private boolean emitLines(BooleanSupplier running) {
        int start = 0;
        try {
            for (int i = start; i < pendingLength; i++) {
                if (pending[i] != '\n') {
                    continue;
                }
                if (!running.getAsBoolean()) {
                    return false;
                }
                int end = i > start && pending[i - 1] == '\r' ? i - 1 : i;
                String text = new String(pending, start, end - start, StandardCharsets.UTF_8);
                start = i + 1;
                line++;
                if (record.length() == 0) {
                    recordLine = line;
                } else {
                    record.append('\n');
                }
                record.append(text);
                if (format.isComplete(record)) {
                    String r = record.toString();
                    record.setLength(0);
                    handle(r, recordLine);
                }
            }
            return running.getAsBoolean();
        } finally {
            System.arraycopy(pending, start, pending, 0, pendingLength - start);
            pendingLength -= start;
        }
    }

    private void handle(String text, long at) {
        List<R> elements;
        try {
            elements = format.parse(text);
        } catch (Exception e) {
            malformed.incrementAndGet();
            LOG.warn(this + ": skipping the malformed record at line " + at + ": " + e.getMessage());
            return;
        }
        for (R x : elements) {
            emit(x);
        }
    }

    private void append(byte b) {
        append(new byte[] {b}, 1);
    }

    private void append(byte[] bytes, int n) {
        if (pendingLength + n > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pendingLength + n, pending.length * 2));
        }
        System.arraycopy(bytes, 0, pending, pendingLength, n);
        pendingLength += n;
    }
}
