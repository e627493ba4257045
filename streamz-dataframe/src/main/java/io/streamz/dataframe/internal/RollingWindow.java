package io.streamz.dataframe.internal;

/**
 * One column's rolling window, computed as pandas' rolling kernels compute it (compensated
 * sums; Welford's variance with separate compensations for added and removed values; rows
 * leave before a new one enters; a restart whenever a window shares no row with the one
 * before), or through a {@link RowState} for the order statistics and counts.
 *
 * <p>streamz applies pandas to the rows it kept from the previous batch (the last {@code n}
 * rows, or those within the time span of the newest) followed by the new batch, so its
 * rounding restarts at each batch. {@link #startBatch} does the same by replaying the kept rows
 * into a fresh state when there are at most {@value #REPLAY_LIMIT} of them, which makes results
 * equal streamz's to the last bit at a bounded cost; longer windows just go on (the values then
 * differ from streamz's by rounding only).
 */
final class RollingWindow {
    /** Kept rows replayed at each batch, at most. */
    static final int REPLAY_LIMIT = 64;

    enum Kernel { SUM, MEAN, VAR, STD, STATE }

    private final int n;
    private final long windowNanos;
    private final int minPeriods;
    private final Kernel kernel;
    private final int ddof;
    private final RowState state;
    private final Ring window = new Ring();
    private final Ring kept = new Ring();     // time windows: the rows streamz keeps (t >= newest - window)
    private long newest = Long.MIN_VALUE;

    private long nobs;
    private long negCount;
    private double sumX;
    private double meanX;
    private double ssqdm;
    private double compAdd;
    private double compRemove;
    private double prevValue;
    private long numSame;
    /** One row for {@link #rollSums}, from {@link #roll}. */
    private final double[] one = new double[1];
    private final long[] oneTime = new long[1];

    RollingWindow(int n, long windowNanos, int minPeriods, Kernel kernel, int ddof, RowState state) {
        this.n = n;
        this.windowNanos = windowNanos;
        this.minPeriods = minPeriods;
        this.kernel = kernel;
        this.ddof = ddof;
        this.state = state;
    }

    /** Called before each batch: replays the kept rows into a fresh state, as streamz's recomputation does. */
    void startBatch() {
        if (kernel == Kernel.STATE) {
            return;
        }
        Ring rows = windowNanos < 0 ? window : kept;
        if (rows.size == 0 || rows.size > REPLAY_LIMIT) {
            return;
        }
        double[] vals = new double[rows.size];
        long[] times = new long[rows.size];
        for (int i = 0; i < vals.length; i++) {
            vals[i] = rows.value(i);
            times[i] = rows.time(i);
        }
        window.clear();
        kept.clear();
        newest = Long.MIN_VALUE;
        for (int i = 0; i < vals.length; i++) {
            roll(vals[i], times[i]);
        }
    }

    /** Adds a row and returns the result over the window ending at it. */
    double roll(double value, long time) {
        if (kernel == Kernel.SUM || kernel == Kernel.MEAN) {
            one[0] = value;
            oneTime[0] = time;
            rollSums(one, oneTime, one);
            return one[0];
        }
        int leaving = leaving(time);
        if (kernel == Kernel.STATE) {
            for (int i = 0; i < leaving; i++) {
                state.remove(window.removeFirst());
            }
            state.add(value);
        } else if (window.size == 0 || leaving == window.size) {
            window.clear();
            reset(value);
            add(value);
        } else {
            for (int i = 0; i < leaving; i++) {
                remove(window.removeFirst());
            }
            add(value);
        }
        window.add(value, time);
        keep(value, time);
        return result();
    }

    /** Time windows: keeps the row among those streamz keeps for the next batch. */
    private void keep(double value, long time) {
        if (windowNanos >= 0) {
            newest = Math.max(newest, time);
            kept.add(value, time);
            while (kept.size > 0 && kept.time(0) < newest - windowNanos) {
                kept.removeFirst();
            }
        }
    }

    /**
     * {@link #roll} for every value of a batch, for a count window of sums or means.
     *
     * @return {@code false} (and nothing done) when this window is not such a window
     */
    boolean rollCounts(io.streamz.dataframe.Column v, double[] out) {
        if (windowNanos >= 0 || kernel != Kernel.SUM && kernel != Kernel.MEAN) {
            return false;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = v.getDouble(i);
        }
        rollSums(out, null, out);
        return true;
    }

    /**
     * The sum and mean kernel (the only one): rolls {@code values} (with their {@code times}, or
     * {@code null} for a count window) into the window and writes each row's result to
     * {@code out} (which may be {@code values}: each value is read before its result is written).
     * pandas' arithmetic in pandas' order (so the same bits), with the running sums and the
     * window's ring positions in local variables rather than fields, which keeps the compensated
     * sums' chains of additions and the ring's bookkeeping in registers over a batch.
     */
    private void rollSums(double[] values, long[] times, double[] out) {
        boolean mean = kernel == Kernel.MEAN;
        long nobs = this.nobs;
        long negCount = this.negCount;
        long numSame = this.numSame;
        double sumX = this.sumX;
        double compAdd = this.compAdd;
        double compRemove = this.compRemove;
        double prevValue = this.prevValue;
        Ring w = window;
        boolean timed = times != null && windowNanos >= 0;
        w.reserve(timed ? w.size + values.length : Math.min(n, w.size + values.length));   // no growth in the loop
        double[] rv = w.vals;
        long[] rt = w.times;
        int mask = w.mask;
        int head = w.head;
        int size = w.size;
        for (int i = 0; i < values.length; i++) {
            double val = values[i];
            long time = times == null ? 0 : times[i];
            int leaving = 0;   // leaving(time)
            if (!timed) {
                leaving = size >= n ? size + 1 - n : 0;
            } else {
                while (leaving < size && rt[(head + leaving) & mask] <= time - windowNanos) {
                    leaving++;
                }
            }
            if (size == 0 || leaving == size) {   // a window sharing no row with the one before
                head = 0;
                size = 0;
                nobs = 0;
                negCount = 0;
                numSame = 0;
                sumX = 0;
                compAdd = 0;
                compRemove = 0;
                prevValue = val;
            } else {
                for (; leaving > 0; leaving--) {
                    double old = rv[head];   // removeFirst()
                    head = (head + 1) & mask;
                    size--;
                    if (old == old) {
                        nobs--;
                        double y = -old - compRemove;
                        double t = sumX + y;
                        compRemove = t - sumX - y;
                        sumX = t;
                        if (Double.doubleToRawLongBits(old) < 0) {
                            negCount--;
                        }
                    }
                }
            }
            if (val == val) {
                nobs++;
                numSame = val == prevValue ? numSame + 1 : 1;
                prevValue = val;
                double y = val - compAdd;
                double t = sumX + y;
                compAdd = t - sumX - y;
                sumX = t;
                if (Double.doubleToRawLongBits(val) < 0) {
                    negCount++;
                }
            }
            int at = (head + size) & mask;   // add(val, time)
            rv[at] = val;
            rt[at] = time;
            size++;
            if (timed) {
                keep(val, time);
            }
            double r;
            if (!mean) {
                r = nobs == 0 && minPeriods == 0 ? 0 : nobs < minPeriods ? Double.NaN
                        : numSame >= nobs ? prevValue * nobs : sumX;
            } else if (nobs < minPeriods || nobs == 0) {
                r = Double.NaN;
            } else if (numSame >= nobs) {
                r = prevValue;
            } else {
                r = sumX / nobs;
                if (negCount == 0 && r < 0 || negCount == nobs && r > 0) {
                    r = 0;
                }
            }
            out[i] = r;
        }
        w.head = head;
        w.size = size;
        this.nobs = nobs;
        this.negCount = negCount;
        this.numSame = numSame;
        this.sumX = sumX;
        this.compAdd = compAdd;
        this.compRemove = compRemove;
        this.prevValue = prevValue;
    }

    /** Adds a row for a custom aggregation (which keeps its own state) and returns how many rows left. */
    int push(long time) {
        int leaving = leaving(time);
        for (int i = 0; i < leaving; i++) {
            window.removeFirst();
        }
        window.add(0, time);
        return leaving;
    }

    int size() {
        return window.size;
    }

    private int leaving(long time) {
        if (windowNanos < 0) {
            return window.size >= n ? window.size + 1 - n : 0;
        }
        int k = 0;
        while (k < window.size && window.time(k) <= time - windowNanos) {
            k++;
        }
        return k;
    }

    private void reset(double first) {
        nobs = 0;
        negCount = 0;
        sumX = 0;
        meanX = 0;
        ssqdm = 0;
        compAdd = 0;
        compRemove = 0;
        prevValue = first;
        numSame = 0;
    }

    private void add(double val) {
        if (val != val) {
            return;
        }
        nobs++;
        if (val == prevValue) {
            numSame++;
        } else {
            numSame = 1;
        }
        prevValue = val;
        double prevMean = meanX - compAdd;
        double y = val - compAdd;
        double t = y - meanX;
        compAdd = t + meanX - y;
        meanX = meanX + t / nobs;
        ssqdm = ssqdm + (val - prevMean) * (val - meanX);
    }

    private void remove(double val) {
        if (val != val) {
            return;
        }
        nobs--;
        if (nobs != 0) {
            double prevMean = meanX - compRemove;
            double y = val - compRemove;
            double t = y - meanX;
            compRemove = t + meanX - y;
            meanX = meanX - t / nobs;
            ssqdm = ssqdm - (val - prevMean) * (val - meanX);
        } else {
            meanX = 0;
            ssqdm = 0;
        }
    }

    private double result() {
        switch (kernel) {
            case STATE:
                return state.nobs() >= minPeriods ? state.doubleResult() : Double.NaN;
            default: {
                double var;
                if (nobs >= Math.max(minPeriods, 1) && nobs > ddof) {
                    var = nobs == 1 || numSame >= nobs ? 0 : ssqdm / (nobs - (double) ddof);
                } else {
                    var = Double.NaN;
                }
                return kernel == Kernel.STD ? (var < 0 ? 0 : Math.sqrt(var)) : var;
            }
        }
    }

    /** A growable ring of (value, time) rows; its capacity is a power of two (a mask, no division). */
    private static final class Ring {
        double[] vals = new double[16];
        long[] times = new long[16];
        int mask = 15;
        int head;
        int size;

        void add(double v, long t) {
            if (size == vals.length) {
                grow();
            }
            int at = (head + size) & mask;
            vals[at] = v;
            times[at] = t;
            size++;
        }

        /** Doubles the capacity; apart from {@link #add}, so that {@code add} stays small enough to inline. */
        private void grow() {
            resize(size * 2);
        }

        /** Makes room for {@code capacity} rows at least. */
        void reserve(int capacity) {
            if (capacity > vals.length) {
                resize(Integer.highestOneBit(capacity - 1) << 1);
            }
        }

        private void resize(int capacity) {
            double[] nv = new double[capacity];
            long[] nt = new long[capacity];
            for (int i = 0; i < size; i++) {
                nv[i] = value(i);
                nt[i] = time(i);
            }
            vals = nv;
            times = nt;
            mask = nv.length - 1;
            head = 0;
        }

        double value(int i) {
            return vals[(head + i) & mask];
        }

        long time(int i) {
            return times[(head + i) & mask];
        }

        double removeFirst() {
            double v = vals[head];
            head = (head + 1) & mask;
            size--;
            return v;
        }

        void clear() {
            head = 0;
            size = 0;
        }
    }
}
