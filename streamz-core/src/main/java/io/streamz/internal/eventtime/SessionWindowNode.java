package io.streamz.internal.eventtime;

import io.streamz.EventWindows;
import io.streamz.Stream;
import io.streamz.Windowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Implements {@link Stream#eventWindow} for session windows: an element at {@code t} opens
 * {@code [t, t + gap)} for its key, merged with the key's sessions it overlaps. Sessions are kept
 * per key by start, and all of them by end, the order they fire in.
 */
final class SessionWindowNode<T, K, R> extends EventWindowNode<T, K, R> {
    private final long gap;
    private final Map<K, TreeMap<Long, Pane<K>>> sessions = new HashMap<>();
    private final TreeSet<Pane<K>> byEnd = new TreeSet<>(
            Comparator.<Pane<K>>comparingLong(p -> p.end).thenComparingLong(p -> p.seq));

    SessionWindowNode(Stream<T> upstream, EventWindows spec, Function<? super T, ? extends K> key,
                      WindowValues<T, R> values) {
        super(upstream, spec, key, values);
        this.gap = spec.size().toNanos();
    }

    @Override
    CompletableFuture<?> place(T x, K k, long t, List<Map<String, Object>> metadata) {
        long start = t;
        long end = Times.plus(t, gap);
        TreeMap<Long, Pane<K>> mine = sessions.get(k);
        List<Pane<K>> overlapping = new ArrayList<>(2);
        if (mine != null) {
            // sessions do not overlap: going back from the last one starting before end, until one ends by start
            for (Pane<K> p : mine.headMap(end, false).descendingMap().values()) {
                if (p.end <= start) {
                    break;
                }
                overlapping.add(p);
                start = Math.min(start, p.start);
                end = Math.max(end, p.end);
            }
        }
        if (closed(end)) {
            return late(x, t, metadata);
        }
        if (mine == null) {
            mine = new TreeMap<>();
            sessions.put(k, mine);
        }
        Pane<K> target;
        if (overlapping.isEmpty()) {
            target = pane(k, start, end);
        } else {
            target = overlapping.get(overlapping.size() - 1);   // the earliest
            for (Pane<K> p : overlapping) {
                mine.remove(p.start);
                byEnd.remove(p);
                if (p != target) {
                    merge(target, p);
                }
            }
            if (target.end != end) {
                target.onTimeDone = false;   // a longer window: it fires on time again
            }
            target.start = start;
            target.end = end;
        }
        mine.put(start, target);
        byEnd.add(target);
        return add(target, x, t, metadata);
    }

    @Override
    CompletableFuture<?> advance() {
        CompletableFuture<?> pending = null;
        Iterator<Pane<K>> it = byEnd.iterator();
        List<Pane<K>> done = new ArrayList<>();
        while (it.hasNext()) {
            Pane<K> p = it.next();
            if (!onTime(p.end)) {
                break;
            }
            if (!p.onTimeDone) {
                p.onTimeDone = true;
                pending = both(pending, fire(p, Windowed.Timing.ON_TIME));
            }
            if (closed(p.end)) {
                done.add(p);
            }
        }
        for (Pane<K> p : done) {
            byEnd.remove(p);
            TreeMap<Long, Pane<K>> mine = sessions.get(p.key);
            mine.remove(p.start);
            if (mine.isEmpty()) {
                sessions.remove(p.key);
            }
            purge(p);
        }
        return pending;
    }

    @Override
    CompletableFuture<?> fireEarly() {
        CompletableFuture<?> pending = null;
        for (Pane<K> p : new ArrayList<>(byEnd)) {
            if (!p.onTimeDone && p.sinceFiring > 0) {
                pending = both(pending, fire(p, Windowed.Timing.EARLY));
            }
        }
        return pending;
    }

    @Override
    void releaseAll() {
        for (Pane<K> p : byEnd) {
            purge(p);
        }
        byEnd.clear();
        sessions.clear();
    }
}
