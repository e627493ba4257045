package io.streamz.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which statistics a {@link FieldAggregator} keeps per bucket and per window (the count always;
 * sums, squares, extremes and first/last by event time only when an aggregation needs them), and
 * the arithmetic on them. A bucket or window is a slice of {@link #width()} doubles of a
 * {@code double[]}: no object per bucket, so a key's state is a few arrays.
 */
final class Stats {
    private static final int COUNT = 0;
    private final int sum;
    private final int sqr;
    private final int min;
    private final int max;
    private final int first;
    private final int firstTime;
    private final int last;
    private final int lastTime;
    private final int width;
    private final List<String> names;

    Stats(List<FeatureAggregation> aggregations) {
        List<String> n = new ArrayList<>(List.of("count"));
        sum = need(aggregations, n, "sum", FeatureAggregation.SUM, FeatureAggregation.AVG,
                FeatureAggregation.STDDEV, FeatureAggregation.STDVAR);
        sqr = need(aggregations, n, "sqr", FeatureAggregation.SQR, FeatureAggregation.STDDEV, FeatureAggregation.STDVAR);
        min = need(aggregations, n, "min", FeatureAggregation.MIN);
        max = need(aggregations, n, "max", FeatureAggregation.MAX);
        first = need(aggregations, n, "first", FeatureAggregation.FIRST);
        firstTime = first < 0 ? -1 : need(aggregations, n, "firstTime", FeatureAggregation.FIRST);
        last = need(aggregations, n, "last", FeatureAggregation.LAST);
        lastTime = last < 0 ? -1 : need(aggregations, n, "lastTime", FeatureAggregation.LAST);
        width = n.size();
        names = List.copyOf(n);
    }

    private static int need(List<FeatureAggregation> aggregations, List<String> names, String name,
            FeatureAggregation... users) {
        for (FeatureAggregation u : users) {
            if (aggregations.contains(u)) {
                names.add(name);
                return names.size() - 1;
            }
        }
        return -1;
    }

    /** Doubles per bucket or window. */
    int width() {
        return width;
    }

    /** The statistics kept, in slice order, as stored by {@link FeatureTable#commit}. */
    List<String> names() {
        return names;
    }

    static double count(double[] a, int o) {
        return a[o + COUNT];
    }

    /** Adds value {@code v} at event time {@code t}; ties keep the earliest arrival first and the latest last. */
    void add(double[] a, int o, long t, double v) {
        if (a[o + COUNT] == 0) {
            if (min >= 0) {
                a[o + min] = v;
            }
            if (max >= 0) {
                a[o + max] = v;
            }
            if (first >= 0) {
                a[o + first] = v;
                a[o + firstTime] = t;
            }
            if (last >= 0) {
                a[o + last] = v;
                a[o + lastTime] = t;
            }
        } else {
            if (min >= 0 && v < a[o + min]) {
                a[o + min] = v;
            }
            if (max >= 0 && v > a[o + max]) {
                a[o + max] = v;
            }
            if (first >= 0 && t < a[o + firstTime]) {
                a[o + first] = v;
                a[o + firstTime] = t;
            }
            if (last >= 0 && t >= a[o + lastTime]) {
                a[o + last] = v;
                a[o + lastTime] = t;
            }
        }
        a[o + COUNT]++;
        if (sum >= 0) {
            a[o + sum] += v;
        }
        if (sqr >= 0) {
            a[o + sqr] += v * v;
        }
    }

    /** Adds slice {@code b} (a bucket later than any already added) to slice {@code a}. */
    void merge(double[] a, int o, double[] b, int p) {
        if (b[p + COUNT] == 0) {
            return;
        }
        if (a[o + COUNT] == 0) {
            System.arraycopy(b, p, a, o, width);
            return;
        }
        a[o + COUNT] += b[p + COUNT];
        if (sum >= 0) {
            a[o + sum] += b[p + sum];
        }
        if (sqr >= 0) {
            a[o + sqr] += b[p + sqr];
        }
        if (min >= 0 && b[p + min] < a[o + min]) {
            a[o + min] = b[p + min];
        }
        if (max >= 0 && b[p + max] > a[o + max]) {
            a[o + max] = b[p + max];
        }
        if (first >= 0 && b[p + firstTime] < a[o + firstTime]) {
            a[o + first] = b[p + first];
            a[o + firstTime] = b[p + firstTime];
        }
        if (last >= 0 && b[p + lastTime] >= a[o + lastTime]) {
            a[o + last] = b[p + last];
            a[o + lastTime] = b[p + lastTime];
        }
    }

    /**
     * Removes the oldest bucket {@code b} of window {@code a}: count and sums are subtracted; the
     * extremes and first value cannot be, so the answer says whether the window must be
     * recomputed from its buckets before they are read (only when the bucket held the window's
     * minimum, maximum or first value).
     */
    boolean subtract(double[] a, int o, double[] b, int p) {
        double n = b[p + COUNT];
        if (n == 0) {
            return false;
        }
        a[o + COUNT] -= n;
        if (a[o + COUNT] <= 0) {
            clear(a, o);
            return false;
        }
        if (sum >= 0) {
            a[o + sum] -= b[p + sum];
        }
        if (sqr >= 0) {
            a[o + sqr] -= b[p + sqr];
        }
        return first >= 0 || min >= 0 && b[p + min] <= a[o + min] || max >= 0 && b[p + max] >= a[o + max];
    }

    void clear(double[] a, int o) {
        Arrays.fill(a, o, o + width, 0);
    }

    /**
     * Aggregation {@code g} of slice {@code a} as storey computes it: {@code NaN} for everything but
     * the count over an empty window; with a {@code maxValue} (not {@code NaN}), count, sum, sqr,
     * min and max are capped at it.
     */
    double value(FeatureAggregation g, double[] a, int o, double maxValue) {
        double n = a[o + COUNT];
        if (g == FeatureAggregation.COUNT) {
            return Double.isNaN(maxValue) ? n : Math.min(n, Math.floor(maxValue));
        }
        if (n == 0) {
            return Double.NaN;
        }
        switch (g) {
            case SUM: return cap(a[o + sum], maxValue);
            case SQR: return cap(a[o + sqr], maxValue);
            case AVG: return a[o + sum] / n;
            case MIN: return cap(a[o + min], maxValue);
            case MAX: return cap(a[o + max], maxValue);
            case FIRST: return a[o + first];
            case LAST: return a[o + last];
            case STDVAR: return variance(a, o);
            default: return Math.sqrt(variance(a, o));
        }
    }

    private static double cap(double v, double maxValue) {
        return Double.isNaN(maxValue) ? v : Math.min(v, maxValue);
    }

    private double variance(double[] a, int o) {
        double n = a[o + COUNT];
        if (n < 2) {
            return Double.NaN;
        }
        double s = a[o + sum];
        return Math.max(0, (a[o + sqr] - s * s / n) / (n - 1));
    }
}
