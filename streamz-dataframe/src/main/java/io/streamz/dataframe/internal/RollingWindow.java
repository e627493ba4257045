package io.streamz.dataframe.internal;

/**
 * One column's rolling window: a ring of the window's (value, time) rows and the state they
 * feed; {@link #roll} adds a row, drops the rows that fell out, and gives the result at that row.
 */
final class RollingWindow {
    private final int n;
    private final long windowNanos;
    private final int minPeriods;
    private final RowState state;
    private double[] vals = new double[16];
    private long[] times = new long[16];
    private int head;
    private int size;

    RollingWindow(int n, long windowNanos, int minPeriods, RowState state) {
        this.n = n;
        this.windowNanos = windowNanos;
        this.minPeriods = minPeriods;
        this.state = state;
    }

    double roll(double value, long time) {
        state.add(value);
        add(value, time);
        while (size > 0 && leaves(time)) {
            state.remove(removeFirst());
        }
        return state.nobs() >= minPeriods ? state.doubleResult() : Double.NaN;
    }

    /** Adds a row without a state (custom aggregations keep their own), returning how many old rows left. */
    int push(long time) {
        add(0, time);
        int left = 0;
        while (size > 0 && leaves(time)) {
            removeFirst();
            left++;
        }
        return left;
    }

    int size() {
        return size;
    }

    private boolean leaves(long now) {
        return windowNanos < 0 ? size > n : times[head] <= now - windowNanos;
    }

    private void add(double v, long t) {
        if (size == vals.length) {
            double[] nv = new double[size * 2];
            long[] nt = new long[size * 2];
            for (int i = 0; i < size; i++) {
                nv[i] = vals[(head + i) % vals.length];
                nt[i] = times[(head + i) % vals.length];
            }
            vals = nv;
            times = nt;
            head = 0;
        }
        int at = (head + size) % vals.length;
        vals[at] = v;
        times[at] = t;
        size++;
    }

    private double removeFirst() {
        double v = vals[head];
        head = (head + 1) % vals.length;
        size--;
        return v;
    }
}
