package io.streamz.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one {@link FieldAggregator}'s state lies in a key's {@code double[]} (see
 * {@link FeatureTable}), and the operations on it. Near the start of the array, at a place fixed
 * for the aggregator: its {@link #META} doubles (where its ring starts, how large it is, and its
 * first, newest and last times), the running statistics ({@link Stats}) of each window at the
 * key's newest bucket, each followed by a flag saying it must be recomputed, and the statistics of
 * the newest bucket itself. After every aggregator's fixed part, each one's ring of the older
 * buckets that hold values, oldest first, each its bucket number and statistics. The ring starts
 * with room for {@link #FIRST_RING} buckets (or storey's kept buckets, the windows' least common
 * multiple, when fewer) and grows fourfold when full, up to the kept buckets: each step copies the
 * key's array, and the young collections copy the copies, in waves when the keys of a busy table
 * fill their rings at about the same time (a ring that started at 2 buckets and doubled made four
 * such waves in the first 10 million events of 100,000 keys; this one makes none there). Laying
 * out all the kept buckets up front (145 for 24h in 10 minutes) would spread the keys' fixed
 * parts over 6 KB each, and cost more cache and TLB misses per event than the copies. One array
 * per key, and no object per aggregator or bucket: with 100,000
 * keys, memory latency and not arithmetic is the cost, so an event in the newest bucket (the usual
 * case) reads and writes only the fixed part, whose addresses do not depend on what the array
 * holds: its cache lines are fetched at once, not one after the other.
 *
 * <p>An event in the newest bucket costs O(1) per window. When the newest bucket moves on, it goes
 * to the end of the ring, and each bucket leaving a window is subtracted once; only a bucket that
 * held the window's minimum, maximum or first value makes the window recompute those from its
 * buckets, once, when next read. A late event is added to its bucket in the ring and to every
 * current window that holds it.
 */
final class WindowedState {
    /** Doubles per aggregator at the start of a key's array. */
    static final int META = 7;
    private static final int OFFSET = 0;
    private static final int CAPACITY = 1;
    private static final int FRONT = 2;
    private static final int SIZE = 3;
    private static final int FIRST = 4;
    private static final int HEAD = 5;
    private static final int LAST = 6;
    private static final double NO_VALUE = Long.MIN_VALUE;
    /** Buckets of a new key's ring, at most; it grows fourfold when full, up to the kept buckets. */
    static final int FIRST_RING = 16;
    private static final int GROWTH = 4;
    /** Buckets from an end of the ring within which {@link #lowerBound} steps instead of bisecting. */
    private static final int NEAR = 24;

    private final FieldAggregator aggregator;
    private final FeatureWindows windows;
    private final Stats stats;
    private final int width;
    private final int entry;
    private final int window;
    private final int windowCount;
    private final int runningLength;
    private final int m;
    private final int running;
    private final int newestBucket;
    private final int[] metas;
    private final int index;
    private final int initialCapacity;

    /**
     * The state of aggregator {@code index} of a table, whose fixed part ({@link #fixedLength})
     * starts at {@code metas[index]} in a key's array; {@code metas} holds every aggregator's.
     */
    WindowedState(FieldAggregator aggregator, int[] metas, int index) {
        this.aggregator = aggregator;
        this.windows = aggregator.windows();
        this.stats = aggregator.stats();
        this.width = stats.width();
        this.entry = width + 1;
        this.window = width + 1;
        this.windowCount = windows.size();
        this.runningLength = windowCount * window;
        this.metas = metas;
        this.index = index;
        this.m = metas[index];
        this.running = m + META;
        this.newestBucket = running + runningLength;
        this.initialCapacity = (int) Math.min(windows.keptBuckets(), FIRST_RING);
    }

    /** Doubles of the fixed part: meta, running windows, the newest bucket's statistics. */
    static int fixedLength(FieldAggregator aggregator) {
        int width = aggregator.stats().width();
        return META + aggregator.windows().size() * (width + 1) + width;
    }

    /** Doubles of a new key's ring. */
    int initialRingLength() {
        return initialCapacity * entry;
    }

    /** Lays out a new key's state in {@code s}, its ring from {@code offset}, its first event at epoch millisecond {@code t}; answers where the next aggregator's ring starts. */
    int init(double[] s, int offset, long t) {
        s[m + OFFSET] = offset;
        s[m + CAPACITY] = initialCapacity;
        s[m + FIRST] = bucket(t);
        s[m + HEAD] = s[m + FIRST];
        s[m + LAST] = NO_VALUE;
        return offset + initialRingLength();
    }

    /** Whether an event at {@code t} is older than the buckets the key still keeps (storey drops it). */
    boolean tooOld(double[] s, long t) {
        long b = bucket(t);
        return b < windows.lowestKept(Math.max(b, (long) s[m + HEAD]), (long) s[m + FIRST]);
    }

    /**
     * Adds value {@code v} at event time {@code t}, which must not be {@link #tooOld}.
     *
     * @return the key's array: {@code s}, or a larger copy when the ring grew
     */
    double[] add(double[] s, long t, double v) {
        long b = bucket(t);
        long head = (long) s[m + HEAD];
        double[] data = s;
        if (b > head) {
            data = advance(s, b);
            head = b;
        }
        if (b == head) {
            stats.add(data, newestBucket, t, v);
        } else {
            data = entry(data, b);
            stats.add(data, position(data, lowerBound(data, b)) + 1, t, v);
        }
        if (t > data[m + LAST]) {
            data[m + LAST] = t;
        }
        for (int i = 0; i < windowCount; i++) {
            if (b >= windows.start(i, head)) {
                stats.add(data, running + i * window, t, v);
            }
        }
        return data;
    }

    /**
     * The time this aggregator's features are reported at for an event at {@code t} that it did
     * not count (the field is missing, or the filter rejected it): as of its last value when
     * {@code t} is later, as storey reports them; else {@code t}.
     */
    long reportedTime(double[] s, long t) {
        double last = s[m + LAST];
        return last != NO_VALUE && t > last ? (long) last : t;
    }

    /**
     * Moves the newest bucket to {@code b}, a later one: the newest goes to the ring, buckets
     * leave the windows and the ring.
     *
     * @return the key's array: {@code s}, or a larger copy when the ring grew
     */
    private double[] advance(double[] data, long b) {
        long head = (long) data[m + HEAD];
        double[] s = data;
        if (Stats.count(s, newestBucket) != 0) {
            s = entry(s, head);
            System.arraycopy(s, newestBucket, s, position(s, (int) s[m + SIZE] - 1) + 1, width);
            stats.clear(s, newestBucket);
        }
        long first = (long) s[m + FIRST];
        long oldLow = windows.lowestKept(head, first);
        long low = windows.lowestKept(b, first);
        int size = (int) s[m + SIZE];
        for (int i = 0; i < windowCount; i++) {
            int w = running + i * window;
            long newStart = Math.max(windows.start(i, b), low);
            if (newStart > head) {
                stats.clear(s, w);
                s[w + width] = 0;
                continue;
            }
            long oldStart = Math.max(windows.start(i, head), oldLow);
            for (int j = lowerBound(s, oldStart); j < size; j++) {
                int p = position(s, j);
                if (s[p] >= newStart) {
                    break;
                }
                if (stats.subtract(s, w, s, p + 1)) {
                    s[w + width] = 1;
                } else if (Stats.count(s, w) == 0) {
                    s[w + width] = 0;
                }
            }
        }
        int capacity = (int) s[m + CAPACITY];
        while (size > 0 && s[position(s, 0)] < low) {
            int front = (int) s[m + FRONT] + 1;
            s[m + FRONT] = front == capacity ? 0 : front;
            size--;
        }
        s[m + SIZE] = size;
        s[m + HEAD] = b;
        return s;
    }

    /**
     * Writes this aggregator's values at time {@code t} into {@code out} from {@code offset}:
     * aggregation by aggregation, window by window, unboxed ({@link FieldAggregator#box} makes
     * them features).
     *
     * @return {@code false}, writing nothing, when {@code t} is before the kept buckets (storey
     *         leaves the features out)
     */
    boolean values(double[] s, long t, double[] out, int offset) {
        long b = bucket(t);
        long head = (long) s[m + HEAD];
        if (b < windows.lowestKept(Math.max(b, head), (long) s[m + FIRST])) {
            return false;
        }
        List<FeatureAggregation> aggregations = aggregator.aggregations();
        double max = aggregator.maxValue();
        double[] scanned = b == head ? null : new double[width];
        for (int i = 0; i < windowCount; i++) {
            double[] from;
            int o;
            if (scanned == null) {
                o = current(s, i);
                from = s;
            } else {
                scan(s, windows.buckets(i), b, false, scanned, 0);
                from = scanned;
                o = 0;
            }
            for (int a = 0, k = aggregations.size(); a < k; a++) {
                out[offset + a * windowCount + i] = stats.value(aggregations.get(a), from, o, max);
            }
        }
        return true;
    }

    /**
     * The value of {@code aggregation} over a window of {@code n} buckets at time {@code t}, declared
     * or not; with {@code lastClosed}, of the last fixed window closed before {@code t}.
     *
     * @return the feature, or {@code null} when {@code t} is before the kept buckets
     */
    Object feature(double[] s, FeatureAggregation aggregation, long n, long t, boolean lastClosed) {
        if (tooOld(s, t)) {
            return null;
        }
        double[] w = new double[width];
        scan(s, n, bucket(t), lastClosed, w, 0);
        return aggregator.box(aggregation, stats.value(aggregation, w, 0, aggregator.maxValue()));
    }

    /**
     * This state as table attributes: the key's first bucket, the newest, the time of the last
     * value, the statistics kept per bucket, and each kept bucket's number and statistics.
     */
    Map<String, Object> toAttributes(double[] s) {
        List<Object> buckets = new ArrayList<>();
        for (int j = 0, size = (int) s[m + SIZE]; j < size; j++) {
            int p = position(s, j);
            List<Object> bucket = new ArrayList<>(entry);
            bucket.add((long) s[p]);
            for (int f = 1; f < entry; f++) {
                bucket.add(s[p + f]);
            }
            buckets.add(bucket);
        }
        if (Stats.count(s, newestBucket) != 0) {
            List<Object> bucket = new ArrayList<>(entry);
            bucket.add((long) s[m + HEAD]);
            for (int f = 0; f < width; f++) {
                bucket.add(s[newestBucket + f]);
            }
            buckets.add(bucket);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("first", (long) s[m + FIRST]);
        out.put("head", (long) s[m + HEAD]);
        out.put("last", (long) s[m + LAST]);
        out.put("stats", stats.names());
        out.put("buckets", buckets);
        return out;
    }

    /**
     * Restores what {@link #toAttributes} wrote into a new key's state; the running windows are
     * recomputed.
     *
     * @return the key's array: {@code s}, or a larger copy when the ring grew
     */
    double[] restore(double[] s, Map<String, Object> a) {
        if (!stats.names().equals(a.get("stats"))) {
            throw new IllegalStateException("FeatureTable: the stored buckets of \"" + aggregator.name() + "\" keep "
                    + a.get("stats") + ", but its aggregations " + aggregator.aggregations() + " need "
                    + stats.names() + "; use a new table (or storage prefix) for the changed aggregator");
        }
        double[] data = s;
        data[m + FIRST] = (Long) a.get("first");
        data[m + HEAD] = (Long) a.get("head");
        data[m + LAST] = (Long) a.get("last");
        long head = (long) data[m + HEAD];
        for (Object o : (List<?>) a.get("buckets")) {
            List<?> bucket = (List<?>) o;
            long b = (Long) bucket.get(0);
            int p;
            if (b == head) {
                p = newestBucket - 1;
            } else {
                data = entry(data, b);
                p = position(data, lowerBound(data, b));
            }
            for (int f = 1; f < entry; f++) {
                data[p + f] = (Double) bucket.get(f);
            }
        }
        for (int i = 0; i < windowCount; i++) {
            scan(data, windows.buckets(i), (long) data[m + HEAD], false, data, running + i * window);
            data[running + i * window + width] = 0;
        }
        return data;
    }

    /** Where window {@code i}'s statistics at the newest bucket start, recomputed first if a bucket that left made them stale. */
    private int current(double[] s, int i) {
        int w = running + i * window;
        if (s[w + width] != 0) {
            scan(s, windows.buckets(i), (long) s[m + HEAD], false, s, w);
            s[w + width] = 0;
        }
        return w;
    }

    /** Writes the window of {@code n} buckets ending at bucket {@code b}, from the kept buckets only, into {@code out}. */
    private void scan(double[] s, long n, long b, boolean lastClosed, double[] out, int o) {
        long end = b;
        if (lastClosed && windows.fixed()) {
            end = windows.start(n, b) - 1;
        }
        long newest = (long) s[m + HEAD];
        long from = Math.max(windows.start(n, end), windows.lowestKept(Math.max(b, newest), (long) s[m + FIRST]));
        long to = Math.min(end, newest);
        stats.clear(out, o);
        for (int j = lowerBound(s, from), size = (int) s[m + SIZE]; j < size; j++) {
            int p = position(s, j);
            if (s[p] > to) {
                break;
            }
            stats.merge(out, o, s, p + 1);
        }
        if (newest >= from && newest <= to) {
            stats.merge(out, o, s, newestBucket);
        }
    }

    /**
     * Makes sure bucket {@code b} has an entry in the ring (added empty in its place if it has
     * none).
     *
     * @return the key's array: {@code s}, or a larger copy when the ring grew
     */
    private double[] entry(double[] s, long b) {
        int size = (int) s[m + SIZE];
        int j = size;
        if (size > 0) {
            double last = s[position(s, size - 1)];
            if (last == b) {
                return s;
            }
            if (last > b) {
                j = lowerBound(s, b);
                if (s[position(s, j)] == b) {
                    return s;
                }
            }
        }
        double[] data = size == (int) s[m + CAPACITY] ? grow(s) : s;
        for (int k = size; k > j; k--) {            // a late event's new bucket: shift the later ones
            System.arraycopy(data, position(data, k - 1), data, position(data, k), entry);
        }
        int p = position(data, j);
        data[p] = b;
        stats.clear(data, p + 1);
        data[m + SIZE] = size + 1;
        return data;
    }

    /**
     * The first position in the ring whose bucket is at or after {@code b} ({@code size} if none).
     * The buckets sought are usually a few entries from one end of the ring (where a short window
     * starts, near the newest; where a long one starts, near the oldest), so the search steps from
     * the nearer end over neighbouring entries, whose cache lines the processor fetches ahead,
     * rather than jumping as a binary search does, each jump a cache miss waiting for the one
     * before; it falls back to a binary search when both ends are far (a late event or a query
     * in the middle of a long ring).
     */
    private int lowerBound(double[] s, long b) {
        int size = (int) s[m + SIZE];
        if (size == 0 || b <= s[position(s, 0)]) {
            return 0;
        }
        double front = s[position(s, 0)];
        double last = s[position(s, size - 1)];
        if (b > last) {
            return size;
        }
        if (b - front <= NEAR) {
            int j = 1;
            while (s[position(s, j)] < b) {
                j++;
            }
            return j;
        }
        if (last - b <= NEAR) {
            int j = size - 1;
            while (s[position(s, j - 1)] >= b) {
                j--;
            }
            return j;
        }
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[position(s, mid)] < b) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * A copy of {@code s} with this aggregator's ring grown ({@link #GROWTH} times, up to the kept
     * buckets, by one at least: a stored state may hold more) and unwrapped; the later aggregators'
     * rings move up.
     */
    private double[] grow(double[] s) {
        int capacity = (int) s[m + CAPACITY];
        int grown = (int) Math.max(capacity + 1, Math.min((long) capacity * GROWTH, windows.keptBuckets()));
        int ring = (int) s[m + OFFSET];
        int end = ring + capacity * entry;
        int added = (grown - capacity) * entry;
        double[] data = new double[s.length + added];
        System.arraycopy(s, 0, data, 0, ring);
        for (int j = 0, size = (int) s[m + SIZE]; j < size; j++) {
            System.arraycopy(s, position(s, j), data, ring + j * entry, entry);
        }
        System.arraycopy(s, end, data, end + added, s.length - end);
        for (int k = index + 1; k < metas.length; k++) {
            data[metas[k] + OFFSET] += added;
        }
        data[m + CAPACITY] = grown;
        data[m + FRONT] = 0;
        return data;
    }

    /** Where the {@code j}-th oldest entry of the ring starts ({@code j} at most the capacity). */
    private int position(double[] s, int j) {
        int slot = (int) s[m + FRONT] + j;
        int capacity = (int) s[m + CAPACITY];
        if (slot >= capacity) {
            slot -= capacity;
        }
        return (int) s[m + OFFSET] + slot * entry;
    }

    private long bucket(long t) {
        return Math.floorDiv(t, windows.bucketMillis());
    }
}
