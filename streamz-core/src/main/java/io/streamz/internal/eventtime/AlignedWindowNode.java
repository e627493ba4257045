package io.streamz.internal.eventtime;

import io.streamz.EventWindows;
import io.streamz.Stream;
import io.streamz.Windowed;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Implements {@link Stream#eventWindow} for tumbling and sliding windows: windows of one size
 * starting at every multiple of the slide (the size, for tumbling ones) since the epoch. Panes are
 * kept per window start, then per key in order of arrival, which is the order they fire in.
 */
final class AlignedWindowNode<T, K, R> extends EventWindowNode<T, K, R> {
    private final long size;
    private final long slide;
    private final TreeMap<Long, Group<K>> groups = new TreeMap<>();
    /** The group of the last element: most elements go where the one before went. */
    private Group<K> last;
    /** Keys in the last window created: the next one is sized for as many, saving its growth. */
    private int keysSeen;

    /** One window's panes, by key. */
    private static final class Group<K> {
        final long start;
        final long end;
        final LinkedHashMap<K, Pane<K>> panes;
        /** Whether every pane has had its on-time firing. */
        boolean fired;

        Group(long start, long end, int expectedKeys) {
            this.start = start;
            this.end = end;
            this.panes = new LinkedHashMap<>(expectedKeys * 4 / 3 + 1);
        }
    }

    AlignedWindowNode(Stream<T> upstream, EventWindows spec, Function<? super T, ? extends K> key,
                      WindowValues<T, R> values) {
        super(upstream, spec, key, values);
        this.size = spec.size().toNanos();
        this.slide = spec.slide().toNanos();
    }

    @Override
    CompletableFuture<?> place(T x, K k, long t, List<Map<String, Object>> metadata) {
        Group<K> g = last;
        if (size == slide && g != null && t >= g.start && t < g.end) {
            return add(pane(g, k), x, t, metadata);   // a tumbling window still open (closed ones are gone)
        }
        long newest = Math.floorDiv(t, slide) * slide;
        long oldest = newest - (newest - t + size - 1) / slide * slide;
        CompletableFuture<?> pending = null;
        boolean placed = false;
        for (long start = oldest; start <= newest; start += slide) {
            long end = Times.plus(start, size);
            if (closed(end)) {
                continue;
            }
            g = last != null && last.start == start ? last : group(start, end);
            last = g;
            pending = both(pending, add(pane(g, k), x, t, metadata));
            placed = true;
        }
        return placed ? pending : late(x, t, metadata);
    }

    /** Key {@code k}'s pane of window {@code g}, made if it has none yet. */
    private Pane<K> pane(Group<K> g, K k) {
        Pane<K> p = g.panes.get(k);
        if (p == null) {
            p = pane(k, g.start, g.end);
            g.panes.put(k, p);
        }
        return p;
    }

    private Group<K> group(long start, long end) {
        Group<K> g = groups.get(start);
        if (g == null) {
            Map.Entry<Long, Group<K>> before = groups.lowerEntry(start);
            if (before != null) {
                keysSeen = before.getValue().panes.size();
            }
            g = new Group<>(start, end, keysSeen);
            groups.put(start, g);
        }
        return g;
    }

    @Override
    CompletableFuture<?> advance() {
        CompletableFuture<?> pending = null;
        Iterator<Group<K>> it = groups.values().iterator();
        while (it.hasNext()) {
            Group<K> g = it.next();
            if (!onTime(g.end)) {
                break;
            }
            if (!g.fired) {
                for (Pane<K> p : g.panes.values()) {
                    if (!p.onTimeDone) {
                        p.onTimeDone = true;
                        pending = both(pending, fire(p, Windowed.Timing.ON_TIME));
                    }
                }
                g.fired = true;
            }
            if (closed(g.end)) {
                it.remove();
                if (last == g) {
                    last = null;
                }
                for (Pane<K> p : g.panes.values()) {
                    purge(p);
                }
            }
        }
        return pending;
    }

    @Override
    CompletableFuture<?> fireEarly() {
        CompletableFuture<?> pending = null;
        for (Group<K> g : groups.values()) {
            if (g.fired) {
                continue;
            }
            for (Pane<K> p : g.panes.values()) {
                if (!p.onTimeDone && p.sinceFiring > 0) {
                    pending = both(pending, fire(p, Windowed.Timing.EARLY));
                }
            }
        }
        return pending;
    }

    @Override
    void releaseAll() {
        for (Group<K> g : groups.values()) {
            for (Pane<K> p : g.panes.values()) {
                purge(p);
            }
        }
        groups.clear();
        last = null;
    }
}
