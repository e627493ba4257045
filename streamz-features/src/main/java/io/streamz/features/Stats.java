package io.streamz.features;

/** Count, sums, extremes and first/last (by event time) of the values in a bucket or window. */
final class Stats {
    long count;
    double sum;
    double sqr;
    double min;
    double max;
    double first;
    double last;
    long firstTime;
    long lastTime;

    /** Adds one value at event time {@code t}; ties keep the earliest arrival first and the latest last. */
    void add(long t, double v) {
        if (count == 0) {
            min = max = first = last = v;
            firstTime = lastTime = t;
        } else {
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (t < firstTime) {
                first = v;
                firstTime = t;
            }
            if (t >= lastTime) {
                last = v;
                lastTime = t;
            }
        }
        count++;
        sum += v;
        sqr += v * v;
    }

    /** Adds all of {@code o}, a later bucket than any already added. */
    void merge(Stats o) {
        if (o.count == 0) {
            return;
        }
        if (count == 0) {
            copy(o);
            return;
        }
        count += o.count;
        sum += o.sum;
        sqr += o.sqr;
        min = Math.min(min, o.min);
        max = Math.max(max, o.max);
        if (o.firstTime < firstTime) {
            first = o.first;
            firstTime = o.firstTime;
        }
        if (o.lastTime >= lastTime) {
            last = o.last;
            lastTime = o.lastTime;
        }
    }

    /** Removes {@code o}'s count and sums; the extremes become stale (the caller rescans). */
    void subtract(Stats o) {
        count -= o.count;
        sum -= o.sum;
        sqr -= o.sqr;
        if (count == 0) {
            clear();
        }
    }

    void clear() {
        count = 0;
        sum = sqr = 0;
    }

    private void copy(Stats o) {
        count = o.count;
        sum = o.sum;
        sqr = o.sqr;
        min = o.min;
        max = o.max;
        first = o.first;
        last = o.last;
        firstTime = o.firstTime;
        lastTime = o.lastTime;
    }
}
