package io.streamz;

import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Intervals;
import java.time.Duration;
import reactor.core.scheduler.Scheduler;
import reactor.util.annotation.Nullable;

/**
 * Which event-time windows {@link Stream#eventWindow} makes, and when they fire: tumbling,
 * sliding or session windows; the allowed lateness; early firings. Immutable; each
 * {@code with...} returns a new value.
 *
 * <pre>{@code
 * EventWindows.tumbling("1m");                         // [00:00, 00:01), [00:01, 00:02), ...
 * EventWindows.sliding("1m", "20s");                   // [00:00, 00:01), [00:20, 01:20), ...
 * EventWindows.session("30s");                         // per key, until 30 s without an element
 * EventWindows w = EventWindows.tumbling("1m")
 *         .withAllowedLateness("30s")                  // late elements update the window for 30 s more
 *         .withEarlyFirings(100);                      // and a partial result every 100 elements
 * w.toString();   // tumbling=1m, allowedLateness=30s, earlyFirings=100 elements
 * }</pre>
 *
 * <p><b>Triggers:</b> a window fires on time when the watermark passes its end (or at the end of
 * the input). With {@link #withEarlyFirings(int)} or {@link #withEarlyFirings(Duration)} it also
 * fires early, every n elements or every interval of processing time, when it has new elements.
 * With {@link #withAllowedLateness} it stays for that much more event time after its end, and
 * fires late on every element that comes then; after that, an element that belongs to no window
 * still open is late: it goes to {@link EventWindowStream#lateElements()}.
 */
public final class EventWindows {
    /** The kinds of windows. */
    public enum Kind {
        /** Back-to-back windows of one size, aligned to the epoch. */
        TUMBLING,
        /** Windows of one size starting every slide, aligned to the epoch: an element is in size/slide of them. */
        SLIDING,
        /** Per key, from an element until a gap without elements. */
        SESSION
    }

    private final Kind kind;
    private final Duration size;
    private final Duration slide;
    private final Duration allowedLateness;
    private final int earlyElements;
    private final Duration earlyInterval;
    private final Scheduler scheduler;

    private EventWindows(Kind kind, Duration size, Duration slide, Duration allowedLateness, int earlyElements,
                         Duration earlyInterval, Scheduler scheduler) {
        this.kind = kind;
        this.size = size;
        this.slide = slide;
        this.allowedLateness = allowedLateness;
        this.earlyElements = earlyElements;
        this.earlyInterval = earlyInterval;
        this.scheduler = scheduler;
    }

    /**
     * Back-to-back windows of {@code size}, aligned to the epoch: {@code [0, size)},
     * {@code [size, 2 size)}, ... (Flink's {@code TumblingEventTimeWindows}).
     *
     * <pre>{@code
     * EventWindows.tumbling(Duration.ofMinutes(1));
     * }</pre>
     *
     * @param size the windows' length, greater than zero
     * @return the windows, firing on the watermark, with no allowed lateness
     */
    public static EventWindows tumbling(Duration size) {
        Duration s = Intervals.positive(size, "tumbling", "size");
        return new EventWindows(Kind.TUMBLING, s, s, Duration.ZERO, 0, null, null);
    }

    /**
     * See {@link #tumbling(Duration)}.
     *
     * <pre>{@code
     * EventWindows.tumbling("1m");
     * }</pre>
     *
     * @param size the windows' length as a number and a unit, such as {@code "1m"}
     * @return the windows
     */
    public static EventWindows tumbling(String size) {
        return tumbling(Intervals.parse(size, "tumbling", "size"));
    }

    /**
     * Windows of {@code size} starting every {@code slide}, aligned to the epoch: an element is in
     * {@code size / slide} of them (Flink's {@code SlidingEventTimeWindows}, Kafka Streams'
     * hopping windows).
     *
     * <pre>{@code
     * EventWindows.sliding(Duration.ofMinutes(1), Duration.ofSeconds(20));
     * }</pre>
     *
     * @param size the windows' length, greater than zero
     * @param slide the time between two windows' starts, greater than zero and at most {@code size}
     * @return the windows
     */
    public static EventWindows sliding(Duration size, Duration slide) {
        Duration s = Intervals.positive(size, "sliding", "size");
        Duration d = Intervals.positive(slide, "sliding", "slide");
        if (d.compareTo(s) > 0) {
            throw Checks.invalid("sliding", "slide must be <= size (" + Intervals.format(s) + "), was "
                    + Intervals.format(d) + ": elements between two windows would belong to none");
        }
        return new EventWindows(Kind.SLIDING, s, d, Duration.ZERO, 0, null, null);
    }

    /**
     * See {@link #sliding(Duration, Duration)}.
     *
     * <pre>{@code
     * EventWindows.sliding("1m", "20s");
     * }</pre>
     *
     * @param size the windows' length, such as {@code "1m"}
     * @param slide the time between two windows' starts, such as {@code "20s"}
     * @return the windows
     */
    public static EventWindows sliding(String size, String slide) {
        return sliding(Intervals.parse(size, "sliding", "size"), Intervals.parse(slide, "sliding", "slide"));
    }

    /**
     * Session windows: per key, an element at {@code t} opens {@code [t, t + gap)}, and windows
     * that overlap merge, so a session ends after {@code gap} of event time without elements
     * (Flink's {@code EventTimeSessionWindows}).
     *
     * <pre>{@code
     * EventWindows.session(Duration.ofSeconds(30));
     * }</pre>
     *
     * @param gap the event time without elements that ends a session, greater than zero
     * @return the windows
     */
    public static EventWindows session(Duration gap) {
        Duration g = Intervals.positive(gap, "session", "gap");
        return new EventWindows(Kind.SESSION, g, g, Duration.ZERO, 0, null, null);
    }

    /**
     * See {@link #session(Duration)}.
     *
     * <pre>{@code
     * EventWindows.session("30s");
     * }</pre>
     *
     * @param gap the gap as a number and a unit, such as {@code "30s"}
     * @return the windows
     */
    public static EventWindows session(String gap) {
        return session(Intervals.parse(gap, "session", "gap"));
    }

    /**
     * These windows, kept for {@code lateness} of event time after their end: an element that
     * comes then updates its window, which fires again (late); after that, its elements' refs are
     * released and an element for it goes to {@link EventWindowStream#lateElements()} (Flink's
     * {@code allowedLateness}).
     *
     * <pre>{@code
     * EventWindows.tumbling("1m").withAllowedLateness(Duration.ofSeconds(30));
     * }</pre>
     *
     * @param lateness how long after its end a window still takes elements, zero or more
     * @return new windows
     */
    public EventWindows withAllowedLateness(Duration lateness) {
        Checks.notNull(lateness, "withAllowedLateness", "lateness");
        if (lateness.isNegative()) {
            throw Checks.invalid("withAllowedLateness", "lateness must be >= 0, was " + Intervals.format(lateness));
        }
        return new EventWindows(kind, size, slide, lateness, earlyElements, earlyInterval, scheduler);
    }

    /**
     * See {@link #withAllowedLateness(Duration)}.
     *
     * <pre>{@code
     * EventWindows.tumbling("1m").withAllowedLateness("30s");
     * }</pre>
     *
     * @param lateness the lateness as a number and a unit, such as {@code "30s"}
     * @return new windows
     */
    public EventWindows withAllowedLateness(String lateness) {
        return withAllowedLateness(Intervals.parse(lateness, "withAllowedLateness", "lateness"));
    }

    /**
     * These windows, firing early too: each time a window not yet on time has {@code n} elements
     * more than at its last firing.
     *
     * <pre>{@code
     * EventWindows.tumbling("1h").withEarlyFirings(1000);
     * }</pre>
     *
     * @param n elements between two early firings of a window, at least 1
     * @return new windows
     */
    public EventWindows withEarlyFirings(int n) {
        return new EventWindows(kind, size, slide, allowedLateness, Checks.positive(n, "withEarlyFirings", "n"),
                earlyInterval, scheduler);
    }

    /**
     * These windows, firing early too: every {@code interval} of processing time (the scheduler's
     * clock), each window not yet on time that has elements since its last firing.
     *
     * <pre>{@code
     * EventWindows.tumbling("1h").withEarlyFirings(Duration.ofSeconds(10));
     * }</pre>
     *
     * @param interval the processing time between two early firings, at least 1 ms
     * @return new windows
     */
    public EventWindows withEarlyFirings(Duration interval) {
        return new EventWindows(kind, size, slide, allowedLateness, earlyElements,
                Intervals.timer(interval, "withEarlyFirings", "interval"), scheduler);
    }

    /**
     * See {@link #withEarlyFirings(Duration)}.
     *
     * <pre>{@code
     * EventWindows.tumbling("1h").withEarlyFirings("10s");
     * }</pre>
     *
     * @param interval the interval as a number and a unit, such as {@code "10s"}
     * @return new windows
     */
    public EventWindows withEarlyFirings(String interval) {
        return withEarlyFirings(Intervals.parse(interval, "withEarlyFirings", "interval"));
    }

    /**
     * These windows, with the scheduler whose timers fire them early every interval (a
     * {@code VirtualTimeScheduler} in tests); without one, {@code Schedulers.parallel()} as it is
     * when the node is built. Only early firings by interval use it: event time comes from the
     * elements.
     *
     * <pre>{@code
     * EventWindows.tumbling("1h").withEarlyFirings("10s").withScheduler(clock);
     * }</pre>
     *
     * @param scheduler the scheduler
     * @return new windows
     */
    public EventWindows withScheduler(Scheduler scheduler) {
        return new EventWindows(kind, size, slide, allowedLateness, earlyElements, earlyInterval,
                Checks.notNull(scheduler, "withScheduler", "scheduler"));
    }

    /**
     * The kind of windows.
     *
     * <pre>{@code
     * EventWindows.session("30s").kind();   // SESSION
     * }</pre>
     *
     * @return tumbling, sliding or session
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The windows' length; for sessions, the gap.
     *
     * <pre>{@code
     * EventWindows.sliding("1m", "20s").size();   // PT1M
     * }</pre>
     *
     * @return the size
     */
    public Duration size() {
        return size;
    }

    /**
     * The time between two windows' starts: the size for tumbling windows and sessions.
     *
     * <pre>{@code
     * EventWindows.sliding("1m", "20s").slide();   // PT20S
     * }</pre>
     *
     * @return the slide
     */
    public Duration slide() {
        return slide;
    }

    /**
     * How long after its end a window still takes elements.
     *
     * <pre>{@code
     * EventWindows.tumbling("1m").allowedLateness();   // PT0S
     * }</pre>
     *
     * @return the allowed lateness, zero unless set
     */
    public Duration allowedLateness() {
        return allowedLateness;
    }

    /**
     * Elements between two early firings.
     *
     * <pre>{@code
     * EventWindows.tumbling("1m").withEarlyFirings(10).earlyElements();   // 10
     * }</pre>
     *
     * @return n, or 0 when windows do not fire early by count
     */
    public int earlyElements() {
        return earlyElements;
    }

    /**
     * Processing time between two early firings.
     *
     * <pre>{@code
     * EventWindows.tumbling("1m").earlyInterval();   // null
     * }</pre>
     *
     * @return the interval, or {@code null} when windows do not fire early by time
     */
    @Nullable
    public Duration earlyInterval() {
        return earlyInterval;
    }

    /**
     * The scheduler set with {@link #withScheduler}.
     *
     * <pre>{@code
     * EventWindows.tumbling("1m").scheduler();   // null
     * }</pre>
     *
     * @return the scheduler, or {@code null}
     */
    @Nullable
    public Scheduler scheduler() {
        return scheduler;
    }

    /** {@code tumbling=1m}, {@code sliding=1m, slide=20s} or {@code session=30s}, then what was set. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        switch (kind) {
            case TUMBLING:
                b.append("tumbling=").append(Intervals.format(size));
                break;
            case SLIDING:
                b.append("sliding=").append(Intervals.format(size)).append(", slide=").append(Intervals.format(slide));
                break;
            default:
                b.append("session=").append(Intervals.format(size));
        }
        if (!allowedLateness.isZero()) {
            b.append(", allowedLateness=").append(Intervals.format(allowedLateness));
        }
        if (earlyElements > 0) {
            b.append(", earlyFirings=").append(earlyElements).append(" elements");
        }
        if (earlyInterval != null) {
            b.append(", earlyFirings=").append(Intervals.format(earlyInterval));
        }
        return b.toString();
    }
}
