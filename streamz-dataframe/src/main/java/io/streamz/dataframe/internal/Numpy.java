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
        int n = values.size();
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            double v = values.getDouble(i);
            a[i] = Double.isNaN(v) ? 0 : v;
        }
        return pairwise(a, 0, n);
    }

    /** {@code (values ** 2).sum()} as pandas computes it. */
    static double sumOfSquares(Column values) {
        int n = values.size();
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            double v = values.getDouble(i);
            a[i] = Double.isNaN(v) ? 0 : v * v;
        }
        return pairwise(a, 0, n);
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
