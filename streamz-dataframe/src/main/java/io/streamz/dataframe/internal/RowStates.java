package io.streamz.dataframe.internal;

import java.util.Arrays;
import java.util.function.Supplier;

/** The built-in {@link RowState}s. */
public final class RowStates {
    private RowStates() {
    }

    /** A factory of fresh states for {@code op}: sum, mean, count, size, min, max, var, std, median, quantile. */
    public static Supplier<RowState> factory(String op, double arg) {
        switch (op) {
            case "sum": return Sum::new;
            case "mean": return () -> new Mean(false);
            case "count": return Count::new;
            case "size": return Size::new;
            case "min": return () -> new Extreme(true);
            case "max": return () -> new Extreme(false);
            case "var": return () -> new Var((int) arg, false);
            case "std": return () -> new Var((int) arg, true);
            case "median": return () -> new Quantile(0.5);
            case "quantile": return () -> new Quantile(arg);
            default: throw new IllegalArgumentException("unknown aggregation \"" + op + "\"");
        }
    }

    /** Value {@code i} for a state: the number, or for a non-numeric column 0 ({@code NaN} when missing). */
    public static double valueAt(io.streamz.dataframe.Column c, int i) {
        if (c.type().isNumeric()) {
            return c.getDouble(i);
        }
        return c.isMissing(i) ? Double.NaN : 0;
    }

    /** Tracks whether all values in the state are equal, as pandas does to avoid rounding noise. */
    abstract static class Compensated extends RowState {
        double prev = Double.NaN;
        long same;

        void noteSame(double v) {
            if (v == prev) {
                same++;
            } else {
                same = 1;
                prev = v;
            }
        }

        boolean allSame() {
            return nobs > 0 && same >= nobs;
        }
    }

    /** Kahan-compensated sum of the non-missing values; 0 when there are none. */
    public static final class Sum extends Compensated {
        double sum;
        double comp;

        public Sum() {
        }

        public Sum(double start) {
            sum = start;
        }

        @Override
        protected void addValue(double v) {
            noteSame(v);
            double y = v - comp;
            double t = sum + y;
            comp = t - sum - y;
            sum = t;
        }

        @Override
        protected void removeValue(double v) {
            double y = -v - comp;
            double t = sum + y;
            comp = t - sum - y;
            sum = t;
            if (nobs == 0) {
                sum = 0;
                comp = 0;
            }
        }

        @Override
        public Object result() {
            return sum;
        }

        @Override
        public double doubleResult() {
            return sum;
        }
    }

    /** Mean of the non-missing values; {@code NaN} when there are none. */
    public static final class Mean extends Compensated {
        private final Sum sum = new Sum();
        private final boolean zeroWhenEmpty;

        /** @param zeroWhenEmpty 0 rather than {@code NaN} with no values (streamz's reductions and windows) */
        public Mean(boolean zeroWhenEmpty) {
            this.zeroWhenEmpty = zeroWhenEmpty;
        }

        @Override
        protected void addValue(double v) {
            noteSame(v);
            sum.add(v);
        }

        @Override
        protected void removeValue(double v) {
            sum.remove(v);
        }

        @Override
        public Object result() {
            return doubleResult();
        }

        @Override
        public double doubleResult() {
            if (nobs == 0) {
                return zeroWhenEmpty ? 0 : Double.NaN;
            }
            return allSame() ? prev : sum.sum / nobs;
        }
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

    /**
     * Variance by Welford's method with removal (pandas' rolling {@code var}); {@code NaN} when
     * there are no more values than {@code ddof}; 0 when all values are equal.
     */
    public static final class Var extends Compensated {
        private final int ddof;
        private final boolean sqrt;
        double mean;
        double ssq;
        double comp;

        public Var(int ddof, boolean sqrt) {
            this.ddof = ddof;
            this.sqrt = sqrt;
        }

        @Override
        protected void addValue(double v) {
            noteSame(v);
            double prevMean = mean - comp;
            double y = v - comp;
            double t = y - mean;
            comp = t + mean - y;
            mean = mean + t / nobs;
            ssq += (v - prevMean) * (v - mean);
        }

        @Override
        protected void removeValue(double v) {
            if (nobs == 0) {
                mean = 0;
                ssq = 0;
                comp = 0;
                return;
            }
            double prevMean = mean - comp;
            double y = v - comp;
            double t = y - mean;
            comp = t + mean - y;
            mean = mean - t / nobs;
            ssq -= (v - prevMean) * (v - mean);
        }

        @Override
        public Object result() {
            return doubleResult();
        }

        @Override
        public double doubleResult() {
            double r;
            if (nobs <= ddof || nobs == 0) {
                r = Double.NaN;
            } else if (nobs == 1 || allSame()) {
                r = 0;
            } else {
                r = Math.max(0, ssq / (nobs - ddof));
            }
            return sqrt ? Math.sqrt(r) : r;
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
