package io.streamz.dataframe;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamz.Stream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

/**
 * The incremental states ({@code onNew}/{@code onOld}, deques, order-statistics trees) against a
 * plain recomputation over the whole window, on seeded random batches of random sizes.
 */
class IncrementalOracleTest {
    private static final Offset<Double> CLOSE = Offset.offset(1e-7);

    private final Random random = new Random(42);
    private final List<Double> all = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();
    private final List<Integer> ends = new ArrayList<>();
    private final List<Frame> batches = new ArrayList<>();

    IncrementalOracleTest() {
        long t = 0;
        for (int b = 0; b < 60; b++) {
            int n = random.nextInt(12);             // empty batches too
            double[] x = new double[n];
            Instant[] ts = new Instant[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(10) == 0 ? Double.NaN : Math.round(random.nextGaussian() * 1000) / 100.0;
                t += random.nextInt(3) * 500L;
                ts[i] = Instant.ofEpochMilli(t);
                all.add(x[i]);
                times.add(t);
            }
            ends.add(all.size());
            batches.add(Frame.of("x", x, "t", ts));
        }
    }

    private StreamingDataFrame sdf(Stream<Frame> source) {
        return StreamingDataFrame.from(source, Frame.of("x", new double[0], "t", new Instant[0]), "t");
    }

    private void emitAll(Stream<Frame> source) {
        batches.forEach(source::emit);
    }

    private static double[] finite(List<Double> xs) {
        return xs.stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).toArray();
    }

    private static double var(double[] v, int ddof) {
        if (v.length <= ddof) {
            return Double.NaN;
        }
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        return Arrays.stream(v).map(a -> (a - mean) * (a - mean)).sum() / (v.length - ddof);
    }

    private static double quantile(double[] v, double q) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        double idx = q * (s.length - 1);
        int lo = (int) Math.floor(idx);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (s[hi] - s[lo]) * (idx - lo);
    }

    private static void assertClose(String what, double expected, double actual) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
        } else {
            assertThat(actual).as(what).isCloseTo(expected, CLOSE);
        }
    }

    @Test
    void windowOfRowsEqualsRecomputation() {
        Stream<Frame> source = Stream.create();
        StreamingDataFrame sdf = sdf(source);
        SeriesWindow w = sdf.window(13).col("x");
        List<Double> sums = w.sum().sinkToList();
        List<Double> vars = w.var().sinkToList();
        List<Double> mins = w.min().sinkToList();
        List<Double> maxs = w.max().sinkToList();
        List<Long> counts = w.count().sinkToList();
        emitAll(source);
        for (int b = 0; b < ends.size(); b++) {
            double[] window = finite(all.subList(Math.max(0, ends.get(b) - 13), ends.get(b)));
            assertClose("sum " + b, Arrays.stream(window).sum(), sums.get(b));
            assertClose("var " + b, var(window, 1), vars.get(b));
            assertClose("min " + b, Arrays.stream(window).min().orElse(Double.NaN), mins.get(b));
            assertClose("max " + b, Arrays.stream(window).max().orElse(Double.NaN), maxs.get(b));
            assertThat(counts.get(b)).isEqualTo(window.length);
        }
    }

    @Test
    void windowOfTimeEqualsRecomputation() {
        Stream<Frame> source = Stream.create();
        List<Double> means = sdf(source).window("3s").col("x").mean().sinkToList();
        List<Double> maxs = sdf(source).window("3s").col("x").max().sinkToList();
        emitAll(source);
        for (int b = 0; b < ends.size(); b++) {
            int end = ends.get(b);
            long newest = times.subList(0, end).stream().mapToLong(Long::longValue).max().orElse(Long.MIN_VALUE);
            List<Double> in = new ArrayList<>();
            for (int i = 0; i < end; i++) {
                if (times.get(i) > newest - 3000) {
                    in.add(all.get(i));
                }
            }
            double[] window = finite(in);
            assertClose("mean " + b, window.length == 0 ? 0 : Arrays.stream(window).average().getAsDouble(), means.get(b));
            assertClose("max " + b, Arrays.stream(window).max().orElse(Double.NaN), maxs.get(b));
        }
    }

    @Test
    void rollingEqualsRecomputation() {
        Stream<Frame> source = Stream.create();
        StreamingDataFrame sdf = sdf(source);
        SeriesRolling r = sdf.rolling(5).col("x");
        List<Series<Double>> medians = r.median().sinkToList();
        List<Series<Double>> q = r.quantile(0.9).sinkToList();
        List<Series<Double>> mins = r.min().sinkToList();
        List<Series<Double>> stds = r.std().sinkToList();
        List<Series<Double>> timeMax = sdf.rolling("2s").col("x").max().sinkToList();
        emitAll(source);
        check(medians, 5, w -> w.length < 5 ? Double.NaN : quantile(w, 0.5));
        check(q, 5, w -> w.length < 5 ? Double.NaN : quantile(w, 0.9));
        check(mins, 5, w -> w.length < 5 ? Double.NaN : Arrays.stream(w).min().getAsDouble());
        check(stds, 5, w -> w.length < 5 ? Double.NaN : Math.sqrt(var(w, 1)));
        List<Double> flat = flatten(timeMax);
        for (int i = 0; i < all.size(); i++) {
            List<Double> in = new ArrayList<>();
            for (int j = 0; j <= i; j++) {
                if (times.get(j) > times.get(i) - 2000) {
                    in.add(all.get(j));
                }
            }
            assertClose("rolling 2s max at " + i, Arrays.stream(finite(in)).max().orElse(Double.NaN), flat.get(i));
        }
    }

    private void check(List<Series<Double>> out, int n, ToDoubleFunction<double[]> oracle) {
        List<Double> flat = flatten(out);
        assertThat(flat).hasSize(all.size());
        for (int i = 0; i < all.size(); i++) {
            double[] w = finite(all.subList(Math.max(0, i + 1 - n), i + 1));
            assertClose("row " + i, oracle.applyAsDouble(w), flat.get(i));
        }
    }

    private static List<Double> flatten(List<Series<Double>> out) {
        List<Double> flat = new ArrayList<>();
        out.forEach(s -> s.forEach(flat::add));
        return flat;
    }

    @Test
    void windowedGroupbyEqualsRecomputation() {
        Stream<Frame> source = Stream.create();
        Frame example = Frame.of("x", new double[0], "k", new long[0]);
        StreamingDataFrame sdf = StreamingDataFrame.from(source, example);
        List<Series<Double>> sums = sdf.window(9).groupby("k").col("x").sum().sinkToList();
        List<Double> xs = new ArrayList<>();
        List<Long> ks = new ArrayList<>();
        List<Integer> stops = new ArrayList<>();
        for (int b = 0; b < 40; b++) {
            int n = random.nextInt(6);
            double[] x = new double[n];
            long[] k = new long[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(100);
                k[i] = random.nextInt(4);
                xs.add(x[i]);
                ks.add(k[i]);
            }
            stops.add(xs.size());
            source.emit(Frame.of("x", x, "k", k));
        }
        for (int b = 0; b < stops.size(); b++) {
            TreeMap<Object, Double> expected = new TreeMap<>();
            for (int i = Math.max(0, stops.get(b) - 9); i < stops.get(b); i++) {
                expected.merge(ks.get(i), xs.get(i), Double::sum);
            }
            assertThat(sums.get(b).toMap()).as("batch " + b).isEqualTo(expected);
        }
    }

    /** streamz's Mean example, with its state as an immutable pair. */
    static final Aggregation<double[], Double> MEAN = new Aggregation<>() {
        @Override
        public double[] initial(Column example) {
            return new double[] {0, 0};
        }

        @Override
        public Tuple2<double[], Double> onNew(double[] acc, Column values) {
            double[] s = {acc[0], acc[1]};
            for (int i = 0; i < values.size(); i++) {
                s[0] += values.getDouble(i);
                s[1]++;
            }
            return Tuples.of(s, s[1] == 0 ? 0 : s[0] / s[1]);
        }

        @Override
        public Tuple2<double[], Double> onOld(double[] acc, Column values) {
            double[] s = {acc[0], acc[1]};
            for (int i = 0; i < values.size(); i++) {
                s[0] -= values.getDouble(i);
                s[1]--;
            }
            return Tuples.of(s, s[1] == 0 ? 0 : s[0] / s[1]);
        }
    };

    @Test
    void customAggregationWorksInEveryWindowingScheme() {
        Stream<Frame> source = Stream.create();
        StreamingDataFrame sdf = StreamingDataFrame.from(source, Frame.of("x", new double[0]));
        List<Double> history = sdf.col("x").aggregate(MEAN).sinkToList();
        List<Double> expanding = sdf.expanding().col("x").aggregate(MEAN).sinkToList();
        List<Double> window = sdf.window(3).col("x").aggregate(MEAN).sinkToList();
        List<Series<Double>> rolling = sdf.rolling(2).col("x").aggregate(MEAN).sinkToList();
        List<Double> started = sdf.col("x").aggregate(MEAN, new double[] {10, 1}).sinkToList();

        source.emit(Frame.of("x", new double[] {1, 2}));
        source.emit(Frame.of("x", new double[] {3, 4, 8}));

        assertThat(history).containsExactly(1.5, 3.6);
        assertThat(expanding).containsExactly(1.5, 3.6);
        assertThat(window).containsExactly(1.5, 5.0);
        assertThat(rolling.get(0)).containsExactly(Double.NaN, 1.5);
        assertThat(rolling.get(1)).containsExactly(2.5, 3.5, 6.0);
        assertThat(started).containsExactly(13.0 / 3, 28.0 / 6);
    }
}
