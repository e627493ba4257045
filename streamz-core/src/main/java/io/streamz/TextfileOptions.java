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

    /**
     * The defaults: 100 ms, from the start, {@code "\n"}, UTF-8, the parallel scheduler.
     *
     * @return the shared default options
     */
    public static TextfileOptions defaults() {
        return DEFAULTS;
    }

    /**
     * How long to wait between two reads of the file (streamz {@code poll_interval}), default 100 ms.
     *
     * @param pollInterval the time between two polls, at least 1ms (the shortest repeating timer)
     * @return a copy of these options with the new interval
     * @throws NullPointerException if {@code pollInterval} is {@code null}
     * @throws IllegalArgumentException if {@code pollInterval} is zero or negative
     */
    public TextfileOptions withPollInterval(Duration pollInterval) {
        return new TextfileOptions(Intervals.timer(pollInterval, "fromTextfile", "pollInterval"),
                fromEnd, delimiter, charset, scheduler);
    }

    /**
     * See {@link #withPollInterval(Duration)}; {@code "10ms"}, {@code "1.5s"}, ...
     *
     * @param pollInterval the time between two polls as a number and a unit, at least 1ms
     * @return a copy of these options with the new interval
     * @throws IllegalArgumentException if the text is not an interval or not greater than zero
     */
    public TextfileOptions withPollInterval(String pollInterval) {
        return withPollInterval(Intervals.parse(pollInterval, "TextfileOptions", "pollInterval"));
    }

    /**
     * Whether to skip what the file holds when the source is first started and emit only what is
     * appended afterwards (streamz {@code from_end}), default {@code false}.
     *
     * @param fromEnd {@code true} to start at the file's current end
     * @return a copy of these options with the new setting
     */
    public TextfileOptions withFromEnd(boolean fromEnd) {
        return new TextfileOptions(pollInterval, fromEnd, delimiter, charset, scheduler);
    }

    /**
     * What separates the parts of the file (streamz {@code delimiter}), default {@code "\n"}; not empty.
     *
     * @param delimiter the separator, not {@code null} or empty
     * @return a copy of these options with the new delimiter
     * @throws NullPointerException if {@code delimiter} is {@code null}
     * @throws IllegalArgumentException if {@code delimiter} is empty
     */
    public TextfileOptions withDelimiter(String delimiter) {
        Checks.notNull(delimiter, "fromTextfile", "delimiter");
        if (delimiter.isEmpty()) {
            throw Checks.invalid("fromTextfile", "delimiter must not be empty");
        }
        return new TextfileOptions(pollInterval, fromEnd, delimiter, charset, scheduler);
    }

    /**
     * The file's encoding, default UTF-8.
     *
     * @param charset the encoding, not {@code null}
     * @return a copy of these options with the new encoding
     */
    public TextfileOptions withCharset(Charset charset) {
        return new TextfileOptions(pollInterval, fromEnd, delimiter,
                Checks.notNull(charset, "fromTextfile", "charset"), scheduler);
    }

    /**
     * The scheduler the polls run on (a {@code VirtualTimeScheduler} in tests).
     *
     * @param scheduler the scheduler, not {@code null}
     * @return a copy of these options with the new scheduler
     */
    public TextfileOptions withScheduler(Scheduler scheduler) {
        return new TextfileOptions(pollInterval, fromEnd, delimiter, charset,
                Checks.notNull(scheduler, "fromTextfile", "scheduler"));
    }

    /**
     * The time between two polls.
     *
     * @return the poll interval, greater than zero
     */
    public Duration pollInterval() {
        return pollInterval;
    }

    /**
     * Whether the source skips the file's existing content.
     *
     * @return {@code true} if only appended content is emitted
     */
    public boolean fromEnd() {
        return fromEnd;
    }

    /**
     * The delimiter between parts.
     *
     * @return the delimiter, never empty
     */
    public String delimiter() {
        return delimiter;
    }

    /**
     * The file's encoding.
     *
     * @return the charset
     */
    public Charset charset() {
        return charset;
    }

    /**
     * The scheduler set with {@link #withScheduler}, if any.
     *
     * @return the scheduler, or empty if none was set (the source then uses
     *         {@code Schedulers.parallel()}, taken when it is built)
     */
    public Optional<Scheduler> scheduler() {
        return Optional.ofNullable(scheduler);
    }

    @Override
    public String toString() {
        return "TextfileOptions(pollInterval=" + pollInterval + ", fromEnd=" + fromEnd + ", delimiter=\""
                + delimiter.replace("\n", "\\n") + "\", charset=" + charset + ")";
    }
}
