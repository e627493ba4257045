package io.streamz.dataframe.internal;

import io.streamz.dataframe.Aggregation;
import io.streamz.dataframe.Column;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

/**
 * The sum, mean and variance of streamz's {@code aggregations} module ({@code Sum}, {@code Mean},
 * {@code Var}), over whole batches: each batch's sum (numpy's) is added to, or subtracted from,
 * running totals, so the results equal streamz's to the last bit. O(1) per row.
 */
public final class StreamzAggregations {
    private StreamzAggregations() {
    }

    /** Running totals; mutated in place by its own aggregation only. */
    public static final class Totals {
        double x;
        double x2;
        long n;
        // Welford/Chan statistics of the same rows, to catch cancellation in x2/n - (x/n)^2
        double mean;
        double m2;
    }

    /** Totals whose sum starts at {@code start} (streamz {@code sum(start=...)}). */
    public static Totals startingAt(double start) {
        Totals t = new Totals();
        t.x = start;
        return t;
    }

    /** streamz {@code Sum}: 0 plus each batch's sum. */
    public static Aggregation<Totals, Double> sum() {
        return new Base<>(Level.SUM) {
            @Override
            Double result(Totals t) {
                return t.x;
            }
        };
    }

    /** streamz {@code Mean}: total / count (the total itself while the count is 0, as streamz). */
    public static Aggregation<Totals, Double> mean() {
        return new Base<>(Level.MEAN) {
            @Override
            Double result(Totals t) {
                return t.n == 0 ? t.x : t.x / t.n;
            }
        };
    }

    /**
     * streamz {@code Var}: {@code (x2 / n - (x / n)^2) * n / (n - ddof)}; {@code NaN} when there
     * are no more values than {@code ddof}. Where that formula has lost precision to
     * cancellation (it disagrees with Welford's method beyond 1e-9 relative), Welford's value
     * is returned instead.
     */
    public static Aggregation<Totals, Double> var(int ddof, boolean sqrt) {
        return new Base<>(Level.MOMENTS) {
            @Override
            Double result(Totals t) {
                if (t.n <= ddof || t.n == 0) {
                    return Double.NaN;
                }
                double n = t.n;
                double naive = t.x2 / n - (t.x / n) * (t.x / n);
                if (ddof != 0) {
                    naive = naive * n / (n - ddof);
                }
                double welford = Math.max(0, t.m2 / (n - ddof));
                double v = Math.abs(naive - welford) <= 1e-9 * Math.max(Math.abs(naive), Math.abs(welford))
                        ? naive : welford;
                return sqrt ? Math.sqrt(v) : v;
            }
        };
    }

    /** What an aggregation keeps up to date: the sum; also the count; also the second moments. */
    private enum Level { SUM, MEAN, MOMENTS }

    private abstract static class Base<R> implements Aggregation<Totals, R> {
        private final Level level;

        Base(Level level) {
            this.level = level;
        }

        abstract R result(Totals t);

        @Override
        public Totals initial(Column example) {
            return new Totals();
        }

        @Override
        public Tuple2<Totals, R> onNew(Totals t, Column values) {
            if (values.size() > 0) {
                t.x = t.x + Numpy.sum(values);
                if (level == Level.MOMENTS) {
                    t.x2 = t.x2 + Numpy.sumOfSquares(values);
                    merge(t, values, 1);
                } else if (level == Level.MEAN) {
                    t.n += Numpy.count(values);
                }
            }
            return Tuples.of(t, result(t));
        }

        @Override
        public Tuple2<Totals, R> onOld(Totals t, Column values) {
            t.x = t.x - Numpy.sum(values);
            if (level == Level.MOMENTS) {
                t.x2 = t.x2 - Numpy.sumOfSquares(values);
                merge(t, values, -1);
            } else if (level == Level.MEAN) {
                t.n -= Numpy.count(values);
            }
            return Tuples.of(t, result(t));
        }

        /** Adds ({@code sign} 1) or removes (-1) the batch's count, mean and M2 (Chan et al.). */
        private static void merge(Totals t, Column values, int sign) {
            long nb = 0;
            double sum = 0;
            for (int i = 0; i < values.size(); i++) {
                double v = values.getDouble(i);
                if (!Double.isNaN(v)) {
                    nb++;
                    sum += v;
                }
            }
            if (nb == 0) {
                return;
            }
            double meanB = sum / nb;
            double m2B = 0;
            for (int i = 0; i < values.size(); i++) {
                double v = values.getDouble(i);
                if (!Double.isNaN(v)) {
                    m2B += (v - meanB) * (v - meanB);
                }
            }
            if (sign > 0) {
                long n = t.n + nb;
                double delta = meanB - t.mean;
                t.mean += delta * nb / n;
                t.m2 += m2B + delta * delta * ((double) t.n * nb / n);
                t.n = n;
            } else {
                long na = t.n - nb;
                if (na <= 0) {
                    t.n = 0;
                    t.mean = 0;
                    t.m2 = 0;
                    return;
                }
                double meanA = (t.n * t.mean - nb * meanB) / na;
                double delta = meanB - meanA;
                t.m2 -= m2B + delta * delta * ((double) na * nb / t.n);
                t.mean = meanA;
                t.n = na;
            }
        }
    }
}
