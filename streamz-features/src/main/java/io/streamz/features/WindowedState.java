package io.streamz.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One key's buckets for one {@link FieldAggregator}: a ring of storey's kept buckets (the windows'
 * least common multiple) and, per window, its running {@link Stats} at the newest bucket. An event
 * in the newest bucket costs O(1) per window; when the newest bucket moves on, each bucket leaving
 * a window is subtracted once, and windows that lost values rescan their min, max, first and last
 * once when next read. A late event is added to its bucket and to every current window that
 * holds it. Buckets without values take no {@link Stats}, so a quiet key costs little more than
 * its ring of references.
 */
final class WindowedState {
    private final FieldAggregator aggregator;
    private final FeatureWindows windows;
    private final long bucketMillis;
    private final Stats[] ring;
    private final Stats[] cache;
    private final boolean[] stale;
    private long first;
    private long head;
    private long lastTime = Long.MIN_VALUE;

    /** A key's state whose first event fell at epoch millisecond {@code t}. */
    WindowedState(FieldAggregator aggregator, long t) {
        this.aggregator = aggregator;
        this.windows = aggregator.windows();
        this.bucketMillis = windows.bucketMillis();
        this.ring = new Stats[Math.toIntExact(windows.keptBuckets())];
        this.cache = newStats(windows.size());
        this.stale = new boolean[windows.size()];
        this.first = bucket(t);
        this.head = first;
    }

    /** Whether an event at {@code t} is older than the buckets this state still keeps (storey drops it). */
    boolean tooOld(long t) {
        long b = bucket(t);
        return b < windows.lowestKept(Math.max(b, head), first);
    }

    /** Adds value {@code v} at event time {@code t}, which must not be {@link #tooOld}. */
    void add(long t, double v) {
        long b = bucket(t);
        if (b > head) {
            advance(b);
        }
        int slot = slot(b);
        if (ring[slot] == null) {
            ring[slot] = new Stats();
        }
        ring[slot].add(t, v);
        lastTime = Math.max(lastTime, t);
        for (int i = 0; i < cache.length; i++) {
            if (b >= windows.start(i, head)) {
                cache[i].add(t, v);
            }
        }
    }

    /**
     * The time this aggregator's features are reported at for an event at {@code t} that it did
     * not count (the field is missing, or the filter rejected it): as of its last value when
     * {@code t} is later, as storey reports them; else {@code t}.
     */
    long reportedTime(long t) {
        return lastTime != Long.MIN_VALUE && t > lastTime ? lastTime : t;
    }

    /** Moves the newest bucket to {@code b}, a later one: buckets leave the windows and the ring. */
    private void advance(long b) {
        long low = windows.lowestKept(b, first);
        for (int i = 0; i < cache.length; i++) {
            long newStart = Math.max(windows.start(i, b), low);
            long oldStart = Math.max(windows.start(i, head), windows.lowestKept(head, first));
            if (newStart > head) {
                cache[i].clear();
                stale[i] = false;
                continue;
            }
            for (long k = oldStart; k < newStart; k++) {
                Stats leaving = ring[slot(k)];
                if (leaving != null && leaving.count > 0) {
                    cache[i].subtract(leaving);
                    stale[i] = cache[i].count > 0;
                }
            }
        }
        for (long k = head + 1, end = Math.min(b, head + ring.length); k <= end; k++) {
            ring[slot(k)] = null;
        }
        head = b;
    }

    /**
     * Puts this aggregator's features at time {@code t} into {@code out}, renamed by
     * {@code aliases}; nothing when {@code t} is before the kept buckets (as storey).
     */
    void features(long t, Map<String, String> aliases, Map<String, Object> out) {
        long b = bucket(t);
        if (b < windows.lowestKept(Math.max(b, head), first)) {
            return;
        }
        Stats[] perWindow = new Stats[cache.length];
        for (int i = 0; i < cache.length; i++) {
            perWindow[i] = b == head ? current(i) : scan(windows.buckets(i), b, false);
        }
        for (FeatureAggregation a : aggregator.aggregations()) {
            for (int i = 0; i < perWindow.length; i++) {
                String name = aggregator.name() + "_" + a.storeyName() + "_" + windows.labels().get(i);
                out.put(aliases.getOrDefault(name, name), aggregator.value(a, perWindow[i]));
            }
        }
    }

    /**
     * The value of {@code aggregation} over a window of {@code n} buckets at time {@code t}, declared
     * or not; with {@code lastClosed}, of the last fixed window closed before {@code t}.
     *
     * @return the value, or {@code null} when {@code t} is before the kept buckets
     */
    Object feature(FeatureAggregation aggregation, long n, long t, boolean lastClosed) {
        long b = bucket(t);
        if (b < windows.lowestKept(Math.max(b, head), first)) {
            return null;
        }
        return aggregator.value(aggregation, scan(n, b, lastClosed));
    }

    long bucketMillis() {
        return bucketMillis;
    }

    /**
     * This state as table attributes: the key's first bucket, the newest, the time of the last
     * value, and each kept bucket's number and stats.
     */
    Map<String, Object> toAttributes() {
        List<Object> buckets = new ArrayList<>();
        long low = windows.lowestKept(head, first);
        for (long k = low; k <= head; k++) {
            Stats b = ring[slot(k)];
            if (b != null && b.count > 0) {
                buckets.add(List.of(k, b.count, b.sum, b.sqr, b.min, b.max, b.first, b.last, b.firstTime, b.lastTime));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("first", first);
        out.put("head", head);
        out.put("last", lastTime);
        out.put("buckets", buckets);
        return out;
    }

    /** Restores what {@link #toAttributes()} wrote; the running windows are rescanned. */
    void restore(Map<String, Object> a) {
        first = (Long) a.get("first");
        head = (Long) a.get("head");
        lastTime = (Long) a.get("last");
        java.util.Arrays.fill(ring, null);
        for (Object o : (List<?>) a.get("buckets")) {
            List<?> b = (List<?>) o;
            Stats s = new Stats();
            s.count = (Long) b.get(1);
            s.sum = (Double) b.get(2);
            s.sqr = (Double) b.get(3);
            s.min = (Double) b.get(4);
            s.max = (Double) b.get(5);
            s.first = (Double) b.get(6);
            s.last = (Double) b.get(7);
            s.firstTime = (Long) b.get(8);
            s.lastTime = (Long) b.get(9);
            ring[slot((Long) b.get(0))] = s;
        }
        for (int i = 0; i < cache.length; i++) {
            cache[i] = scan(windows.buckets(i), head, false);
            stale[i] = false;
        }
    }

    long keptBuckets() {
        return ring.length;
    }

    private Stats current(int i) {
        if (stale[i] && aggregator.needsRescan()) {
            cache[i] = scan(windows.buckets(i), head, false);
            stale[i] = false;
        }
        return cache[i];
    }

    /** The window of {@code n} buckets ending at bucket {@code b}, from the kept buckets only. */
    private Stats scan(long n, long b, boolean lastClosed) {
        long end = b;
        if (lastClosed && windows.fixed()) {
            end = windows.start(n, b) - 1;
        }
        long low = windows.lowestKept(Math.max(b, head), first);
        Stats s = new Stats();
        for (long k = Math.max(windows.start(n, end), low), last = Math.min(end, head); k <= last; k++) {
            Stats bucket = ring[slot(k)];
            if (bucket != null) {
                s.merge(bucket);
            }
        }
        return s;
    }

    private long bucket(long t) {
        return Math.floorDiv(t, bucketMillis);
    }

    private int slot(long b) {
        return (int) Math.floorMod(b, (long) ring.length);
    }

    private static Stats[] newStats(int n) {
        Stats[] out = new Stats[n];
        for (int i = 0; i < n; i++) {
            out[i] = new Stats();
        }
        return out;
    }
}
