package io.streamz.features;

import io.streamz.internal.util.Intervals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The time windows of a {@link FieldAggregator}, kept as buckets of one period each: either
 * {@link SlidingWindows} or {@link FixedWindows}. Per key, storey's number of buckets is kept: the
 * least common multiple of the windows divided by the bucket length (for windows that each divide
 * the largest, the largest window).
 *
 * <pre>{@code
 * FeatureWindows w = SlidingWindows.of(List.of("1h", "2h"), "10m");
 * w.labels();   // [1h, 2h]
 * w.bucket();   // PT10M
 * }</pre>
 */
public abstract sealed class FeatureWindows permits SlidingWindows, FixedWindows {
    private final List<String> labels;
    private final long[] windowMillis;
    private final long bucketMillis;
    private final long[] windowBuckets;
    private final long kept;

    FeatureWindows(String kind, List<String> windows, long bucketMillis) {
        this.labels = List.copyOf(windows);
        this.windowMillis = new long[windows.size()];
        for (int i = 0; i < windowMillis.length; i++) {
            windowMillis[i] = millis(windows.get(i), kind, "window");
        }
        this.bucketMillis = bucketMillis > 0 ? bucketMillis : gcd(windowMillis);
        for (int i = 0; i < windowMillis.length; i++) {
            if (windowMillis[i] % this.bucketMillis != 0) {
                throw new IllegalArgumentException(kind + ": period " + Intervals.format(Duration.ofMillis(this.bucketMillis))
                        + " must divide every window, not \"" + labels.get(i) + "\"");
            }
        }
        this.windowBuckets = new long[windowMillis.length];
        long l = 1;
        for (int i = 0; i < windowMillis.length; i++) {
            windowBuckets[i] = windowMillis[i] / this.bucketMillis;
            l = l / gcd(l, windowBuckets[i]) * windowBuckets[i];
        }
        this.kept = l;
    }

    /**
     * The windows' labels as given, e.g. {@code ["1h", "2h", "24h"]}; they end the feature names.
     *
     * @return the window strings, in the order given; unmodifiable
     */
    public final List<String> labels() {
        return labels;
    }

    /**
     * The length of one bucket.
     *
     * @return the period given to {@link SlidingWindows#of(List, String)}, or else the greatest
     *         common divisor of the windows
     */
    public final Duration bucket() {
        return Duration.ofMillis(bucketMillis);
    }

    final long bucketMillis() {
        return bucketMillis;
    }

    final int size() {
        return windowMillis.length;
    }

    /** Buckets in window {@code i}. */
    final long buckets(int i) {
        return windowBuckets[i];
    }

    /**
     * Buckets kept per key, storey's rule: the least common multiple of the windows, in buckets.
     * For the usual windows (each dividing the largest) that is the largest window.
     */
    final long keptBuckets() {
        return kept;
    }

    /**
     * The oldest bucket still kept, when the newest is {@code head} and the key's first event fell
     * in {@code first}: an event before it is too old to aggregate.
     */
    abstract long lowestKept(long head, long first);

    /** The first bucket of a window of {@code n} buckets whose newest bucket is {@code bucket}. */
    abstract long start(long n, long bucket);

    /** The first bucket of window {@code i} when the newest bucket is {@code bucket}. */
    final long start(int i, long bucket) {
        return start(windowBuckets[i], bucket);
    }

    final long maxWindowMillis() {
        long m = 0;
        for (long w : windowMillis) {
            m = Math.max(m, w);
        }
        return m;
    }

    final long smallestWindowMillis() {
        long m = Long.MAX_VALUE;
        for (long w : windowMillis) {
            m = Math.min(m, w);
        }
        return m;
    }

    /** Whether windows are aligned to the epoch ({@link FixedWindows}). */
    abstract boolean fixed();

    static List<String> checkedList(List<String> windows, String kind) {
        if (windows == null) {
            throw new NullPointerException(kind + ": windows is null");
        }
        if (windows.isEmpty()) {
            throw new IllegalArgumentException(kind + ": windows must not be empty");
        }
        List<String> out = new ArrayList<>(windows);
        if (out.indexOf(null) >= 0) {
            throw new NullPointerException(kind + ": windows holds null, was " + out);
        }
        if (new HashSet<>(out).size() != out.size()) {
            throw new IllegalArgumentException(kind + ": windows must be distinct, were " + windows);
        }
        return out;
    }

    static long millis(String text, String kind, String param) {
        Duration d = Intervals.positive(Intervals.parse(text, kind, param), kind, param);
        if (d.toNanos() % 1_000_000 != 0) {
            throw new IllegalArgumentException(kind + ": " + param + " must be whole milliseconds, was \"" + text + "\"");
        }
        return d.toMillis();
    }

    private static long gcd(long[] values) {
        long g = 0;
        for (long v : values) {
            g = gcd(g, v);
        }
        return g;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }
}
