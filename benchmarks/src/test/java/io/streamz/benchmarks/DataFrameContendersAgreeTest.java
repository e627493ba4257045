package io.streamz.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamz.dataframe.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The dataframe pipelines' hand-written loops must compute what the streaming dataframe does, to
 * rounding: running sums drift by a few ulps between the two.
 */
class DataFrameContendersAgreeTest {
    private static final double TOLERANCE = 1e-9;

    @Test
    void sum() {
        DataFrameSum b = new DataFrameSum();
        List<Object> ours = run(b::build, b::streamz);
        List<Object> loop = run(b::build, b::loop);
        assertThat(ours).hasSize(Batches.COUNT);
        assertClose(values(ours), values(loop));
        assertThat((Double) loop.get(Batches.COUNT - 1)).isBetween(0.45 * DataFrameSum.ROWS, 0.55 * DataFrameSum.ROWS);
    }

    @Test
    void rollingMean() {
        DataFrameRollingMean b = new DataFrameRollingMean();
        List<Object> ours = run(b::build, b::streamz);
        List<Object> loop = run(b::build, b::loop);
        assertThat(ours).hasSize(Batches.COUNT);
        List<Double> expected = new ArrayList<>();
        loop.forEach(batch -> {
            for (double m : (double[]) batch) {
                expected.add(m);
            }
        });
        List<Double> actual = new ArrayList<>();
        ours.forEach(batch -> ((Series<?>) batch).forEach(m -> actual.add(((Number) m).doubleValue())));
        assertThat(actual.subList(0, DataFrameRollingMean.WINDOW - 1)).allMatch(m -> m.isNaN());
        assertClose(actual, expected);
    }

    /** The pandas-arithmetic loop is the floor for our exact results: it must give them to the last bit. */
    @Test
    void rollingMeanWithPandasArithmeticIsBitIdentical() {
        DataFrameRollingMean b = new DataFrameRollingMean();
        List<Object> ours = run(b::build, b::streamz);
        List<Object> pandas = run(b::build, b::loopPandas);
        List<Long> expected = new ArrayList<>();
        pandas.forEach(batch -> {
            for (double m : (double[]) batch) {
                expected.add(Double.doubleToLongBits(m));
            }
        });
        List<Long> actual = new ArrayList<>();
        ours.forEach(batch -> ((Series<?>) batch).forEach(
                m -> actual.add(Double.doubleToLongBits(((Number) m).doubleValue()))));
        assertThat(actual).hasSize(DataFrameRollingMean.ROWS).isEqualTo(expected);
    }

    @Test
    void windowGroupbyMean() {
        DataFrameWindowGroupbyMean b = new DataFrameWindowGroupbyMean();
        List<Object> ours = run(b::build, b::streamz);
        List<Object> loop = run(b::build, b::loop);
        assertThat(ours).hasSize(Batches.COUNT);
        for (int i = 0; i < Batches.COUNT; i++) {
            Map<Object, Object> actual = new LinkedHashMap<>(((Series<?>) ours.get(i)).toMap());
            Map<?, ?> expected = (Map<?, ?>) loop.get(i);
            assertThat(actual.keySet()).as("batch %d", i).containsExactlyInAnyOrderElementsOf(expected.keySet());
            for (Object name : expected.keySet()) {
                assertThat(((Number) actual.get(name)).doubleValue())
                        .as("batch %d, %s", i, name)
                        .isCloseTo((Double) expected.get(name), within(TOLERANCE));
            }
        }
    }

    @Test
    void windowTimeMean() {
        DataFrameWindowTimeMean b = new DataFrameWindowTimeMean();
        List<Object> ours = run(b::build, b::streamz);
        List<Object> loop = run(b::build, b::loop);
        assertThat(ours).hasSize(Batches.COUNT);
        assertClose(values(ours), values(loop));
    }

    private interface Build {
        void build(Consumer<Object> out);
    }

    /** Builds a fresh pipeline, runs one contender over all batches and returns what it emitted. */
    private static List<Object> run(Build build, Runnable contender) {
        List<Object> out = new ArrayList<>();
        build.build(out::add);
        contender.run();
        return out;
    }

    private static List<Double> values(List<Object> out) {
        List<Double> values = new ArrayList<>();
        out.forEach(v -> values.add(((Number) v).doubleValue()));
        return values;
    }

    private static void assertClose(List<Double> actual, List<Double> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.get(i);
            if (Double.isNaN(e)) {
                assertThat(actual.get(i)).as("element %d", i).isNaN();
            } else {
                assertThat(actual.get(i)).as("element %d", i).isCloseTo(e, within(TOLERANCE * Math.max(1, Math.abs(e))));
            }
        }
    }
}
