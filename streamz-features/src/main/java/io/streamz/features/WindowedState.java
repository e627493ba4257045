package io.streamz.features;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One key's buckets for one {@link FieldAggregator}: a ring of {@code 2 n} buckets (n in the
 * largest window) and, per window, its running {@link Stats} at the newest bucket. An event in
 * the newest bucket costs O(1) per window; when the newest bucket moves on, each bucket leaving a
 * window is subtracted once, and windows that lost values rescan their min, max, first and last
 * once when next read. Buckets without values take no {@link Stats}, so a quiet key costs
 * little more than its ring of references.
 */
final class WindowedState {
    private final FieldAggregator aggregator;
    private final FeatureWindows windows;
    private final long bucketMillis;
    private final long horizon;
    private final Stats[] ring;
    private final Stats[] cache;
    private final boolean[] stale;
    private long head;
    private boolean empty = true;

    WindowedState(FieldAggregator aggregator) {
        this.aggregator = aggregator;
        this.windows = aggregator.windows();
        this.bucketMillis = windows.bucketMillis();
        this.horizon = windows.maxBuckets();
        this.ring = new Stats[(int) (2 * horizon)];
        this.cache = newStats(windows.size());
        this.stale = new boolean[windows.size()];
    }

    /** Whether an event at {@code t} is older than the buckets this state still accepts. */
    boolean isLate(long t) {
        return !empty && bucket(t) <= head - horizon;
    }

    /** The event time of the newest bucket's start, or {@code null} before the first value. */
    Instant newestBucket() {
        return empty ? null : Instant.ofEpochMilli(head * bucketMillis);
    }

    /** Adds value {@code v} at event time {@code t}, which must not be late. */
    void add(long t, double v) {
        long b = bucket(t);
        if (empty) {
            head = b;
            empty = false;
        } else if (b > head) {
            advance(b);
        }
        int slot = slot(b);
        if (ring[slot] == null) {
            ring[slot] = new Stats();
        }
        ring[slot].add(t, v);
        for (int i = 0; i < cache.length; i++) {
            if (b >= windows.start(i, head)) {
                cache[i].add(t, v);
            }
        }
    }

    private void advance(long b) {
        for (int i = 0; i < cache.length; i++) {
            long newStart = windows.start(i, b);
            if (newStart > head) {
                cache[i].clear();
                stale[i] = false;
                continue;
            }
            for (long k = windows.start(i, head); k < newStart; k++) {
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
     * Puts this aggregator's features at time {@code t} into {@code out}.
     *
     * @throws IllegalArgumentException if {@code t} is before the buckets still kept
     */
    void features(long t, Map<String, Object> out) {
        long b = bucket(t);
        Stats[] perWindow = new Stats[cache.length];
        for (int i = 0; i < cache.length; i++) {
            perWindow[i] = empty ? new Stats() : b == head ? current(i) : scan(i, b);
        }
        List<String> labels = windows.labels();
        for (FeatureAggregation a : aggregator.aggregations()) {
            for (int i = 0; i < perWindow.length; i++) {
                out.put(aggregator.name() + "_" + a.storeyName() + "_" + labels.get(i), a.of(perWindow[i]));
            }
        }
    }

    private Stats current(int i) {
        if (stale[i] && aggregator.needsRescan()) {
            cache[i] = scan(i, head);
            stale[i] = false;
        }
        return cache[i];
    }

    private Stats scan(int i, long b) {
        if (b <= head - horizon) {
            throw new IllegalArgumentException("features for " + aggregator.name() + " at "
                    + Instant.ofEpochMilli(b * bucketMillis) + " are no longer kept: the newest bucket is "
                    + newestBucket() + " and " + horizon + " buckets are kept");
        }
        Stats s = new Stats();
        for (long k = windows.start(i, b), end = Math.min(b, head); k <= end; k++) {
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
