package io.streamz.files;

import io.streamz.internal.source.PollingSource;
import io.streamz.internal.util.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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
 * <p>A malformed record (a CSV row with a stray quote, the wrong number of fields or a value of
 * the wrong type; a line that is not exactly one JSON value; a line that is not UTF-8 or is
 * longer than {@link FileOptions#withMaxLineLength the limit}) is skipped, logged with its line
 * number and counted in {@link #malformedCount()}, or, with
 * {@link FileOptions#withFailOnMalformed}, stops the source. Reading goes on at the next line,
 * so one broken record costs that record only. A UTF-8 byte order mark at the start of the file
 * is dropped. A failing graph stops the source, as in {@code Stream.fromTextfile}.
 *
 * @param <R> the element type
 */
public final class FileSource<R> extends PollingSource<R> {
    private static final Logger LOG = Loggers.getLogger(FileSource.class);
    private static final int CHUNK = 64 * 1024;
    private static final Charset UTF8 = StandardCharsets.UTF_8;

    private final String pathText;
    private final Path path;
    private final boolean tail;
    private final RecordFormat<R> format;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final AtomicLong malformed = new AtomicLong();
    private final int maxLineLength;
    private final boolean failOnMalformed;

    // touched by polls only, which never overlap
    private long position;
    private byte[] pending = new byte[0];
    private int pendingLength;
    private int scanned;                  // bytes of pending known to hold no line break
    private boolean skipping;             // dropping the rest of a line over the limit
    private final List<String> recordLines = new ArrayList<>();
    private final StringBuilder record = new StringBuilder();
    private long line;
    private long recordLine;

    FileSource(String kind, String path, FileOptions options, RecordFormat<R> format, Scheduler scheduler) {
        super(kind, options.pollInterval(), scheduler);
        this.pathText = Checks.notNull(path, kind, "path");
        this.path = Path.of(path);
        this.tail = options.tail();
        this.format = format;
        this.maxLineLength = options.maxLineLength();
        this.failOnMalformed = options.failOnMalformed();
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
                if (pendingLength > 0 || skipping) {
                    append(new byte[] {'\n'}, 1);          // a last line without a line break
                    if (!emitLines(running)) {
                        return;
                    }
                }
                while (!recordLines.isEmpty()) {
                    abandonRecord("a quoted field is not closed at the end of the file");
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

    /**
     * Turns the complete lines held into records and emits them; {@code false} if stopped. Each
     * byte is looked at once, and a line over the limit is dropped as it comes, so reading is
     * linear in time and holds at most the limit plus one chunk.
     */
    private boolean emitLines(BooleanSupplier running) {
        int start = 0;
        try {
            for (int i = scanned; i < pendingLength; i++) {
                if (pending[i] != '\n') {
                    continue;
                }
                if (!running.getAsBoolean()) {
                    scanned = i - start;
                    return false;
                }
                line++;
                int end = i > start && pending[i - 1] == '\r' ? i - 1 : i;
                if (skipping) {
                    skipping = false;
                } else if (end - start > maxLineLength) {
                    dropRecord();
                    malformed(line, "the line is longer than " + maxLineLength + " bytes");
                } else {
                    lineRead(start, end - start);
                }
                start = i + 1;
            }
            if (pendingLength - start > maxLineLength) {
                skipping = true;
                long at = line + 1;
                start = pendingLength;
                dropRecord();
                malformed(at, "the line is longer than " + maxLineLength + " bytes");
            }
            if (skipping) {
                start = pendingLength;
            }
            scanned = pendingLength - start;
            return running.getAsBoolean();
        } finally {
            System.arraycopy(pending, start, pending, 0, pendingLength - start);
            pendingLength -= start;
        }
    }

    /** One line of the file, {@code n} bytes at {@code from} in {@link #pending}. */
    private void lineRead(int from, int n) {
        String text;
        try {
            text = UTF8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(pending, from, n)).toString();
        } catch (CharacterCodingException e) {
            dropRecord();
            malformed(line, "the line is not UTF-8 (" + e.getMessage() + ")");
            return;
        }
        if (line == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);              // a byte order mark, not part of the data
        }
        recordLine(text, line);
    }

    /** Adds a line to the record being read, and handles the record once it is complete. */
    private void recordLine(String text, long at) {
        if (recordLines.isEmpty()) {
            recordLine = at;
        } else {
            record.append('\n');
        }
        recordLines.add(text);
        record.append(text);
        if (format.isComplete(record)) {
            String r = record.toString();
            recordLines.clear();
            record.setLength(0);
            handle(r, recordLine);
        } else if (record.length() > maxLineLength) {
            abandonRecord("a quoted field is not closed within " + maxLineLength + " bytes");
        }
    }

    /**
     * The record being read cannot be completed: its first line is malformed and the lines
     * after it are read again, so that one stray quote costs one line.
     */
    private void abandonRecord(String why) {
        List<String> rest = new ArrayList<>(recordLines.subList(1, recordLines.size()));
        long first = recordLine;
        recordLines.clear();
        record.setLength(0);
        malformed(first, why);
        for (int k = 0; k < rest.size(); k++) {
            recordLine(rest.get(k), first + 1 + k);
        }
    }

    /** Drops the record being read, if any, as malformed: a line of it is broken. */
    private void dropRecord() {
        if (!recordLines.isEmpty()) {
            recordLines.clear();
            record.setLength(0);
            malformed(recordLine, "a line of the record is malformed");
        }
    }

    private void handle(String text, long at) {
        List<R> elements;
        try {
            elements = format.parse(text);
        } catch (Exception e) {
            malformed(at, e.getMessage());
            return;
        }
        for (R x : elements) {
            emit(x);
        }
    }

    private void malformed(long at, String why) {
        malformed.incrementAndGet();
        String message = this + ": malformed record at line " + at + ": " + why;
        if (failOnMalformed) {
            throw new IllegalArgumentException(message);
        }
        LOG.warn(message + " (skipped)");
    }

    private void append(byte[] bytes, int n) {
        if (pendingLength + n > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pendingLength + n, pending.length * 2));
        }
        System.arraycopy(bytes, 0, pending, pendingLength, n);
        pendingLength += n;
    }
}
