package io.streamz.dataframe.internal;

import io.streamz.dataframe.Column;

/**
 * numpy's summation, reproduced operation for operation so that sums of batches equal what
 * streamz computes with pandas ({@code Series.sum()}: missing values count as 0, then numpy's
 * pairwise summation, 8-way unrolled below 128 values).
 */
final class Numpy {
    private static final int BLOCK = 128;

    private Numpy() {
    }

    /** {@code values.sum()} as pandas computes it (missing values skipped). */
    static double sum(Column values) {
        return pairwise(values, false, 0, values.size());
    }

    /** {@code (values ** 2).sum()} as pandas computes it. */
    static double sumOfSquares(Column values) {
        return pairwise(values, true, 0, values.size());
    }

    /** The number of values that are not missing. */
    static long count(Column values) {
        long n = 0;
        for (int i = 0, size = values.size(); i < size; i++) {
            if (!Double.isNaN(values.getDouble(i))) {
                n++;
            }
        }
        return n;
    }

    /** Value {@code i} as numpy adds it: a missing value as 0, squared if {@code squares}. */
    private static double term(Column c, boolean squares, int i) {
        double v = c.getDouble(i);
        return Double.isNaN(v) ? 0 : squares ? v * v : v;
    }

    /**
     * {@link #pairwise(double[], int, int)} over the terms of {@code c} (read in place, in the
     * same order and grouping, so the result is the same to the last bit).
     */
    private static double pairwise(Column c, boolean squares, int from, int n) {
        if (n < 8) {
            double res = 0.;
            for (int i = 0; i < n; i++) {
                res += term(c, squares, from + i);
            }
            return res;
        }
        if (n <= BLOCK) {
            double r0 = term(c, squares, from);
            double r1 = term(c, squares, from + 1);
            double r2 = term(c, squares, from + 2);
            double r3 = term(c, squares, from + 3);
            double r4 = term(c, squares, from + 4);
            double r5 = term(c, squares, from + 5);
            double r6 = term(c, squares, from + 6);
            double r7 = term(c, squares, from + 7);
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                int k = from + i;
                r0 += term(c, squares, k);
                r1 += term(c, squares, k + 1);
                r2 += term(c, squares, k + 2);
                r3 += term(c, squares, k + 3);
                r4 += term(c, squares, k + 4);
                r5 += term(c, squares, k + 5);
                r6 += term(c, squares, k + 6);
                r7 += term(c, squares, k + 7);
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += term(c, squares, from + i);
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise(c, squares, from, n2) + pairwise(c, squares, from + n2, n - n2);
    }

    /** numpy's {@code pairwise_sum} of {@code a[from, from + n)}. */
    static double pairwise(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double r0 = a[from];
            double r1 = a[from + 1];
            double r2 = a[from + 2];
            double r3 = a[from + 3];
            double r4 = a[from + 4];
            double r5 = a[from + 5];
            double r6 = a[from + 6];
            double r7 = a[from + 7];
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                int k = from + i;
                r0 += a[k];
                r1 += a[k + 1];
                r2 += a[k + 2];
                r3 += a[k + 3];
                r4 += a[k + 4];
                r5 += a[k + 5];
                r6 += a[k + 6];
                r7 += a[k + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise(a, from, n2) + pairwise(a, from + n2, n - n2);
    }
}
