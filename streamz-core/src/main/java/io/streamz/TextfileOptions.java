package io.streamz;

import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Intervals;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import reactor.core.scheduler.Scheduler;

/**
 * Options of {@link Stream#fromTextfile(String, TextfileOptions)} (streamz {@code from_textfile}'s
 * keyword arguments): immutable, changed with withers.
 *
 * <pre>{@code
 * Source<String> lines = Stream.fromTextfile("app.log",
 *         TextfileOptions.defaults().withPollInterval("10ms").withFromEnd(true));
 * }</pre>
 *
 * <p>Defaults: poll every 100 ms, read from the file's start, delimiter {@code "\n"}, UTF-8, and
 * the scheduler {@code Schedulers.parallel()} returns when the source is built.
 */
public final class TextfileOptions {
    private static final TextfileOptions DEFAULTS =
            new TextfileOptions(Duration.ofMillis(100), false, "\n", StandardCharsets.UTF_8, null);

    private final Duration pollInterval;
    private final boolean fromEnd;
    private final String delimiter;
    private final Charset charset;
    private final Scheduler scheduler;

    private TextfileOptions(Duration pollInterval, boolean fromEnd, String delimiter, Charset charset,
            Scheduler scheduler) {
        this.pollInterval = pollInterval;
        this.fromEnd = fromEnd;
        this.delimiter = delimiter;
        this.charset = charset;
        this.scheduler = scheduler;
    }

    /** The defaults: 100 ms, from the start, {@code "\n"}, UTF-8, the parallel scheduler. */
    public static TextfileOptions defaults() {
        return DEFAULTS;
    }

    /** How long to wait between two reads of the file (streamz {@code poll_interval}), default 100 ms. */
    public TextfileOptions withPollInterval(Duration pollInterval) {
        return new TextfileOptions(Intervals.positive(pollInterval, "fromTextfile", "pollInterval"),
                fromEnd, delimiter, charset, scheduler);
    }

    /** See {@link #withPollInterval(Duration)}; {@code "10ms"}, {@code "1.5s"}, ... */
    public TextfileOptions withPollInterval(String pollInterval) {
        return withPollInterval(Intervals.parse(pollInterval));
    }

    /**
     * Whether to skip what the file holds when the source is first started and emit only what is
     * appended afterwards (streamz {@code from_end}), default {@code false}.
     */
    public TextfileOptions withFromEnd(boolean fromEnd) {
        return new TextfileOptions(pollInterval, fromEnd, delimiter, charset, scheduler);
    }

    /** What separates the parts of the file (streamz {@code delimiter}), default {@code "\n"}; not empty. */
    public TextfileOptions withDelimiter(String delimiter) {
        Checks.notNull(delimiter, "fromTextfile", "delimiter");
        if (delimiter.isEmpty()) {
            throw Checks.invalid("fromTextfile", "delimiter must not be empty");
        }
        return new TextfileOptions(pollInterval, fromEnd, delimiter, charset, scheduler);
    }

    /** The file's encoding, default UTF-8. */
    public TextfileOptions withCharset(Charset charset) {
        return new TextfileOptions(pollInterval, fromEnd, delimiter,
                Checks.notNull(charset, "fromTextfile", "charset"), scheduler);
    }

    /** The scheduler the polls run on (a {@code VirtualTimeScheduler} in tests). */
    public TextfileOptions withScheduler(Scheduler scheduler) {
        return new TextfileOptions(pollInterval, fromEnd, delimiter, charset,
                Checks.notNull(scheduler, "fromTextfile", "scheduler"));
    }

    /** The time between two polls. */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** Whether the source skips the file's existing content. */
    public boolean fromEnd() {
        return fromEnd;
    }

    /** The delimiter between parts. */
    public String delimiter() {
        return delimiter;
    }

    /** The file's encoding. */
    public Charset charset() {
        return charset;
    }

    /** The scheduler set with {@link #withScheduler}, if any. */
    public Optional<Scheduler> scheduler() {
        return Optional.ofNullable(scheduler);
    }

    @Override
    public String toString() {
        return "TextfileOptions(pollInterval=" + pollInterval + ", fromEnd=" + fromEnd + ", delimiter=\""
                + delimiter.replace("\n", "\\n") + "\", charset=" + charset + ")";
    }
}
