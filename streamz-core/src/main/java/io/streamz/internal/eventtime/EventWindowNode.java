package io.streamz.internal.eventtime;

import io.streamz.EventTime;
import io.streamz.EventWindowStream;
import io.streamz.EventWindows;
import io.streamz.Signal;
import io.streamz.Stream;
import io.streamz.Windowed;
import io.streamz.internal.SideOutput;
import io.streamz.internal.util.Intervals;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collector;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Base of the event-time windows ({@link Stream#eventWindow}): reads each element's event time and
 * key, lets the subclass put it into its windows' panes, fires a pane on time when the watermark
 * passes its end, early and late as {@link EventWindows} says, purges it once the allowed lateness
 * has passed too, and sends elements that fit no open window to {@link #lateElements()}. The end
 * of the input is a watermark at the end of time. Subclasses keep the panes: aligned windows by
 * start, sessions by key.
 *
 * @param <T> the element type
 * @param <K> the key type
 * @param <R> the value of a firing
 */
public abstract class EventWindowNode<T, K, R> extends EventWindowStream<T, K, R> {
    private final EventWindows spec;
    private final Function<? super T, ? extends K> key;
    private final WindowValues<T, R> values;
    private final long lateness;
    private final int earlyElements;
    private final long earlyInterval;
    private final Scheduler scheduler;
    private Disposable earlyTimer;
    private volatile SideOutput<T> lateOutput;
    /** The watermark reached, in nanoseconds; {@code Long.MAX_VALUE} once the input ended. */
    long watermark = Long.MIN_VALUE;
    private boolean ended;
    private boolean destroyed;
    private long seq;
    /** Elements in panes (an element in several windows counts once per window), and late ones. */
    private long held;
    private long lateCount;
    /** The bounds of the last window fired, as instants and as the firings' event time: shared by its panes. */
    private long firedStart;
    private long firedEnd;
    private Instant firedStartInstant;
    private Instant firedEndInstant;
    private List<Map<String, Object>> firedTime;

    EventWindowNode(Stream<T> upstream, EventWindows spec, Function<? super T, ? extends K> key,
                    WindowValues<T, R> values) {
        super("eventWindow", upstream);
        this.spec = spec;
        this.key = key;
        this.values = values;
        this.lateness = spec.allowedLateness().toNanos();
        this.earlyElements = spec.earlyElements();
        Duration interval = spec.earlyInterval();
        this.earlyInterval = interval == null ? 0 : interval.toNanos();
        this.scheduler = interval == null ? null : spec.scheduler() != null ? spec.scheduler() : Schedulers.parallel();
        if (earlyInterval > 0) {
            scheduleEarlyFirings();
        }
    }

    /**
     * The node for {@code spec}: aligned windows (tumbling, sliding) or sessions.
     *
     * @param key the key function, or {@code null} for windows over all elements
     * @param collector what a window computes, or {@code null} for the list of its elements
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T, K, R> EventWindowNode<T, K, R> of(Stream<T> upstream, EventWindows spec,
                                                         Function<? super T, ? extends K> key,
                                                         Collector<? super T, ?, R> collector) {
        WindowValues<T, R> values = collector == null ? (WindowValues) WindowValues.list() : WindowValues.of(collector);
        if (spec.kind() == EventWindows.Kind.SESSION) {
            return new SessionWindowNode<>(upstream, spec, key, values);
        }
        return new AlignedWindowNode<>(upstream, spec, key, values);
    }

    @Override
    protected String describeParams() {
        return spec.toString() + (key != null ? ", keyed" : "");
    }

    @Override
    public final Stream<T> lateElements() {
        SideOutput<T> so = lateOutput;
        if (so == null) {
            synchronized (this) {
                so = lateOutput;
                if (so == null) {
                    so = new SideOutput<>("lateElements", this);
                    lateOutput = so;
                }
            }
        }
        return so;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected final CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
        long t;
        K k;
        try {
            t = Times.nanos(EventTime.of(metadata));
            k = key == null ? null : key.apply((T) x);
        } catch (RuntimeException e) {
            return fail(e, x, metadata);
        }
        if (ended) {   // a new run of the source: event time starts again
            ended = false;
            watermark = Long.MIN_VALUE;
            if (earlyInterval > 0) {
                scheduleEarlyFirings();
            }
        }
        return place((T) x, k, t, metadata);
    }

    /**
     * Adds {@code x}, at {@code t}, to the panes of every window of key {@code k} that is not
     * closed; calls {@link #late} when there is none.
     */
    abstract CompletableFuture<?> place(T x, K k, long t, List<Map<String, Object>> metadata);

    /** Fires the panes the watermark {@link #watermark}, just moved, has passed, and purges the closed ones. */
    abstract CompletableFuture<?> advance();

    /** Early firings by time: fires each pane not on time yet that has elements since its last firing. */
    abstract CompletableFuture<?> fireEarly();

    /** Releases every pane (on {@code destroy}). */
    abstract void releaseAll();

    /** A new pane. */
    final Pane<K> pane(K k, long start, long end) {
        return new Pane<>(k, start, end, seq++);
    }

    /** Whether a window ending at {@code end} is past its allowed lateness: it takes no more elements. */
    final boolean closed(long end) {
        return Times.plus(end - 1, lateness) <= watermark;
    }

    /** Whether the watermark has passed the end of a window ending at {@code end}. */
    final boolean onTime(long end) {
        return end - 1 <= watermark;
    }

    /** Adds {@code x} to {@code p}, and fires it late or early if its triggers say so. */
    final CompletableFuture<?> add(Pane<K> p, T x, long t, List<Map<String, Object>> metadata) {
        try {
            p.acc = values.add(p.acc, x, t);
        } catch (RuntimeException e) {
            return fail(e, x, metadata);
        }
        p.hold(metadata);
        p.count++;
        p.sinceFiring++;
        held++;
        if (onTime(p.end)) {
            p.onTimeDone = true;
            return fire(p, Windowed.Timing.LATE);
        }
        if (earlyElements > 0 && p.sinceFiring >= earlyElements) {
            return fire(p, Windowed.Timing.EARLY);
        }
        return null;
    }

    /** Emits {@code p}'s value; its refs stay retained by the pane, and by the emit while work on it is pending. */
    final CompletableFuture<?> fire(Pane<K> p, Windowed.Timing timing) {
        if (p.count == 0) {
            return null;
        }
        R value;
        try {
            value = values.result(p.acc);
        } catch (RuntimeException e) {
            return fail(e, "window [" + Times.instant(p.start) + ", " + Times.instant(p.end) + ")"
                    + (key != null ? " of key " + p.key : ""), p.firingMetadata(List.of(Map.of(EventTime.KEY,
                    Times.instant(p.end - 1)))));
        }
        p.sinceFiring = 0;
        if (p.start != firedStart || p.end != firedEnd) {
            firedStart = p.start;
            firedEnd = p.end;
            firedStartInstant = Times.instant(p.start);
            firedEndInstant = Times.instant(p.end);
            firedTime = List.of(Map.of(EventTime.KEY, Times.instant(p.end - 1)));
        }
        return emitAndHold(new Windowed<>(p.key, firedStartInstant, firedEndInstant, value, timing),
                p.firingMetadata(firedTime));
    }

    /** Lets go of {@code p} for good. */
    final void purge(Pane<K> p) {
        held -= p.count;
        p.release();
    }

    /** Merges {@code other} into {@code into} (sessions). */
    final void merge(Pane<K> into, Pane<K> other) {
        into.absorb(other, into.acc == null ? other.acc : other.acc == null ? into.acc : values.merge(into.acc, other.acc));
    }

    /**
     * An element that fits no open window: to {@link #lateElements()} when it was asked for, else a
     * failure handled by the node's error policy; counted either way.
     */
    final CompletableFuture<?> late(T x, long t, List<Map<String, Object>> metadata) {
        lateCount++;
        SideOutput<T> so = lateOutput;
        if (so != null) {
            return so.send(x, metadata);
        }
        return fail(new IllegalStateException("late element: event time " + Times.instant(t) + ", watermark "
                + (watermark == Long.MAX_VALUE ? "at the end of the input" : Times.instant(watermark))
                + ", allowed lateness " + Intervals.format(spec.allowedLateness())
                + "; take late elements with lateElements()"), x, metadata);
    }

    /** A watermark fires the windows it passed; the end fires them all. Both go on after the firings. */
    @Override
    protected final CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
        CompletableFuture<?> pending = null;
        if (signal instanceof Signal.Watermark) {
            long w = Times.clamped(((Signal.Watermark) signal).time());
            if (w > watermark) {
                watermark = w;
                pending = advance();
            }
        } else if (signal instanceof Signal.End) {
            watermark = Long.MAX_VALUE;
            ended = true;
            if (earlyTimer != null) {
                earlyTimer.dispose();
            }
            pending = advance();
        }
        return both(pending, forwardSignal(signal, who));
    }

    private void scheduleEarlyFirings() {
        earlyTimer = scheduler.schedule(() -> enterGraph(() -> {
            if (destroyed || ended) {
                return null;
            }
            CompletableFuture<?> pending = null;
            try {
                pending = fireEarly();
            } catch (RuntimeException | Error e) {
                unhandled(e);
            }
            scheduleEarlyFirings();
            if (pending != null) {
                pending.whenComplete((r, e) -> {
                    if (e != null) {
                        unhandled(e.getCause() != null ? e.getCause() : e);
                    }
                });
            }
            return null;
        }), earlyInterval, TimeUnit.NANOSECONDS);
    }

    @Override
    protected final long heldCount() {
        return held;
    }

    @Override
    protected final long lateCount() {
        return lateCount;
    }

    /** Stops the early-firing timer and releases every pane. */
    @Override
    public void destroy() {
        super.destroy();
        enterGraph(() -> {
            destroyed = true;
            if (earlyTimer != null) {
                earlyTimer.dispose();
            }
            releaseAll();
            held = 0;
            return null;
        });
    }
}
