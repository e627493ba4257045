package io.streamz.dataframe.internal;

import java.util.Arrays;

/** The built-in {@link RowState}s. */
public final class RowStates {
    private RowStates() {
    }

    /** Value {@code i} for a state: the number, or for a non-numeric column 0 ({@code NaN} when missing). */
    public static double valueAt(io.streamz.dataframe.Column c, int i) {
        if (c.type().isNumeric()) {
            return c.getDouble(i);
        }
        return c.isMissing(i) ? Double.NaN : 0;
    }

    /** Number of non-missing values ({@code Long}). */
    public static final class Count extends RowState {
        @Override
        protected void addValue(double v) {
        }

        @Override
        protected void removeValue(double v) {
        }

        @Override
        public Object result() {
            return nobs;
        }

        @Override
        public double doubleResult() {
            return nobs;
        }
    }

    /** Number of rows, missing ones included ({@code Long}). */
    public static final class Size extends RowState {
        @Override
        protected void addValue(double v) {
        }

        @Override
        protected void removeValue(double v) {
        }

        @Override
        public Object result() {
            return rows;
        }

        @Override
        public double doubleResult() {
            return rows;
        }
    }

    /** Minimum or maximum over a FIFO window with a monotonic deque. */
    public static final class Extreme extends RowState {
        private final boolean min;
        private long[] seqs = new long[8];
        private double[] vals = new double[8];
        private int head;
        private int tail;
        private long nextSeq;
        private long removedSeq;

        public Extreme(boolean min) {
            this.min = min;
        }

        @Override
        protected void addValue(double v) {
            while (tail > head && (min ? vals[tail - 1] >= v : vals[tail - 1] <= v)) {
                tail--;
            }
            if (tail == vals.length) {
                compactOrGrow();
            }
            seqs[tail] = nextSeq++;
            vals[tail++] = v;
        }

        @Override
        protected void addMissing() {
            nextSeq++;
        }

        @Override
        protected void removeValue(double v) {
            dropOldest();
        }

        @Override
        protected void removeMissing() {
            dropOldest();
        }

        private void dropOldest() {
            if (tail > head && seqs[head] == removedSeq) {
                head++;
            }
            removedSeq++;
        }

        private void compactOrGrow() {
            int n = tail - head;
            if (n * 2 > vals.length) {
                seqs = Arrays.copyOf(seqs, vals.length * 2);
                vals = Arrays.copyOf(vals, vals.length * 2);
            }
            System.arraycopy(seqs, head, seqs, 0, n);
            System.arraycopy(vals, head, vals, 0, n);
            head = 0;
            tail = n;
        }

        @Override
        public Object result() {
            return doubleResult();
        }

        @Override
        public double doubleResult() {
            return tail > head ? vals[head] : Double.NaN;
        }
    }

    /**
     * A quantile with linear interpolation (pandas' default) over an order-statistics tree of the
     * values: O(log n) to add, remove and find a rank.
     */
    public static final class Quantile extends RowState {
        private final double q;
        private final OrderStatistics values = new OrderStatistics();

        public Quantile(double q) {
            if (!(q >= 0 && q <= 1)) {
                throw new IllegalArgumentException("quantile: q must be in [0, 1], was " + q);
            }
            this.q = q;
        }

        @Override
        protected void addValue(double v) {
            values.add(v);
        }

        @Override
        protected void removeValue(double v) {
            if (!values.remove(v)) {
                throw new IllegalStateException("quantile: removing " + v + ", which is not in the window");
            }
        }

        @Override
        public Object result() {
            return doubleResult();
        }

        @Override
        public double doubleResult() {
            int n = values.size();
            if (n == 0) {
                return Double.NaN;
            }
            if (q == 0.5) {
                return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
            }
            double idx = q * (n - 1);
            int lo = (int) Math.floor(idx);
            double lower = values.get(lo);
            return lo == idx ? lower : lower + (values.get(Math.min(lo + 1, n - 1)) - lower) * (idx - lo);
        }
    }
}
