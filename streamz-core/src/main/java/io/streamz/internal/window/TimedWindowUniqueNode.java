package io.streamz.internal.window;

import io.streamz.Stream;
import io.streamz.internal.time.TimerNode;
import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Intervals;
import io.streamz.internal.util.Keys;
import io.streamz.internal.util.Refs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/** Implements {@link Stream#timedWindowUnique(Duration, Function, String, Scheduler)}. */
public final class TimedWindowUniqueNode<T> extends TimerNode<T, List<T>> {
    private final long interval;
    private final Function<? super T, ?> key;
    private final boolean keepLast;
    private LinkedHashMap<Object, Entry<T>> window = new LinkedHashMap<>();
    private Disposable timer;
    private boolean destroyed;
    private boolean ticked;

    public TimedWindowUniqueNode(Stream<T> upstream, Duration interval, Function<? super T, ?> key, String keep,
            Scheduler scheduler) {
        super(upstream, "timedWindowUnique", scheduler);
        this.interval = Intervals.positive(interval, "timedWindowUnique", "interval").toNanos();
        this.key = Checks.notNull(key, "timedWindowUnique", "key");
        this.keepLast = Checks.oneOf(keep, "timedWindowUnique", "keep", "first", "last").equals("last");
        timer = later(this.interval, this::tick);
    }

    /** A key function reading {@code field} of {@code Map} elements (streamz {@code key="id"}). */
    public static <T> Function<T, Object> field(String field) {
        Checks.notNull(field, "timedWindowUnique", "field");
        return x -> {
            if (!(x instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("key field \"" + field + "\" needs a Map element, got "
                        + (x == null ? "null" : x.getClass().getName()));
            }
            if (!m.containsKey(field)) {
                throw new IllegalArgumentException("no field \"" + field + "\" in " + m.keySet());
            }
            return m.get(field);
        };
    }

    @Override
    protected String describeParams() {
        return "interval=" + Duration.ofNanos(interval) + ", keep=" + (keepLast ? "last" : "first");
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        if (!ticked && !doneOrResume(firstTick(), this::scheduleTick)) {
            timer.dispose();   // as streamz: the next tick comes one interval after this window is done
        }
        Object k = Keys.of(key, x, this);
        if (keepLast) {
            // removed first so that the window keeps the elements' order of arrival
            Entry<T> old = window.remove(k);
            if (old != null) {
                Refs.release(old.metadata());
            }
        } else if (window.containsKey(k)) {
            return null;
        }
        Refs.retain(metadata);
        window.put(k, new Entry<>(x, metadata));
        return null;
    }

    /** The empty window of streamz's first tick, as in {@link TimedWindowNode}. */
    private CompletableFuture<?> firstTick() {
        ticked = true;
        return emitDownstream(List.of(), NO_METADATA);
    }

    private void tick() {
        if (destroyed) {
            return;
        }
        if (!ticked) {
            doneOrResume(firstTick(), () -> { });
        }
        List<T> values = new ArrayList<>(window.size());
        List<List<Map<String, Object>>> parts = new ArrayList<>(window.size());
        for (Entry<T> e : window.values()) {
            values.add(e.value());
            parts.add(e.metadata());
        }
        window = new LinkedHashMap<>();
        List<Map<String, Object>> md = Refs.concat(parts);
        // emitHeld releases the refs retained in accept once the window's downstream work is done
        if (doneOrResume(emitHeld(Collections.unmodifiableList(values), md), this::scheduleTick)) {
            scheduleTick();
        }
    }

    private void scheduleTick() {
        if (!destroyed) {
            timer = later(interval, this::tick);
        }
    }

    /** Stops the timer and releases the elements of the unfinished window. */
    @Override
    public void destroy() {
        super.destroy();
        enterGraph(() -> {
            destroyed = true;
            timer.dispose();
            window.values().forEach(e -> Refs.release(e.metadata()));
            window.clear();
            return null;
        });
    }

    private record Entry<T>(T value, List<Map<String, Object>> metadata) {
    }
}
