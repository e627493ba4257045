package io.streamz.dataframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.NodeException;
import io.streamz.RefCounter;
import io.streamz.Stream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamingDataFrameTest {
    private final Stream<Frame> source = Stream.create();
    private final Frame example = Frame.of("x", new double[] {0}, "y", new long[] {0}, "name", new String[] {"a"});
    private final StreamingDataFrame sdf = StreamingDataFrame.from(source, example);

    private static Frame batch(double[] x, long[] y, String[] name) {
        return Frame.of("x", x, "y", y, "name", name);
    }

    @Test
    void describesItsColumns() {
        assertThat(sdf.columns()).containsExactly("x", "y", "name");
        assertThat(sdf.dtypes()).containsEntry("y", ColumnType.LONG);
        assertThat(sdf.example().rowCount()).isZero();
        assertThat(sdf.toString()).isEqualTo("StreamingDataFrame[x DOUBLE, y LONG, name STRING]");
        assertThat(sdf.col("x").toString()).isEqualTo("StreamingSeries[x DOUBLE]");
        assertThat(sdf.col("x").add(sdf.col("y")).dtype()).isEqualTo(ColumnType.DOUBLE);
        assertThatThrownBy(() -> sdf.col("z")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column \"z\" is not in the frame [x, y, name]");
    }

    @Test
    void takesTheExampleFromTheFirstBatchWhenBuiltWithAs() {
        Stream<Frame> s = Stream.create();
        StreamingDataFrame d = s.as(StreamingDataFrame::from);
        assertThatThrownBy(d::columns).isInstanceOf(IllegalStateException.class).hasMessageContaining("no batch");
        List<Double> sums = d.col("x").sum().sinkToList();
        s.emit(Frame.of("x", new double[] {1, 2}));
        assertThat(d.columns()).containsExactly("x");
        s.emit(Frame.of("x", new double[] {3}));
        assertThat(sums).containsExactly(3.0, 6.0);
        assertThatThrownBy(() -> s.emit(Frame.of("x", new long[] {3})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataframe: column \"x\" should be DOUBLE but is LONG");
    }

    @Test
    void rejectsBatchesThatDoNotMatchTheExample() {
        List<Double> sums = sdf.col("x").sum().sinkToList();
        assertThatThrownBy(() -> source.emit(Frame.of("x", new double[] {1}, "y", new double[] {1}, "name", new String[] {"a"})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataframe: column \"y\" should be LONG but is DOUBLE");
        assertThatThrownBy(() -> source.emit(Frame.of("x", new double[] {1}, "name", new String[] {"a"})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column \"y\" (LONG) is missing");
        assertThatThrownBy(() -> source.emit(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a Frame, got null");
        assertThatThrownBy(() -> sdf.emit(Frame.of("x", new long[] {1}, "y", new long[] {1}, "name", new String[] {"a"})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column \"x\" should be DOUBLE");
        source.emit(batch(new double[] {1}, new long[] {1}, new String[] {"a"}));   // still usable
        source.emit(Frame.of("name", new String[] {"b"}, "y", new long[] {2}, "x", new double[] {2}));   // reordered
        assertThatThrownBy(() -> source.emit(Frame.of("x", new double[] {1}, "y", new long[] {1}, "name",
                new String[] {"a"}, "z", new double[] {1}))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unexpected column \"z\"");
        assertThat(sums).containsExactly(1.0, 3.0);
    }

    @Test
    void filtersAssignsAndComputesElementwise() {
        StreamingDataFrame big = sdf.where(sdf.col("x").gt(1).and(sdf.col("name").eq("a")));
        List<Double> bigSum = big.col("x").sum().sinkToList();
        StreamingDataFrame z1 = sdf.assign("z", f -> f.doubleColumn("x").multiply(2));
        StreamingDataFrame z = z1.assign("w", z1.col("x").add(z1.col("y")).divide(2));
        List<Series<Object>> zs = z.col("z").stream().sinkToList();
        List<Series<Object>> ws = z.col("w").stream().sinkToList();
        List<Series<Object>> mapped = sdf.col("x").map(Math::sqrt).round(1).stream().sinkToList();
        List<Series<Object>> mods = sdf.col("y").mod(3).stream().sinkToList();
        List<Series<Object>> flags = sdf.assign("pos", f -> f.doubleColumn("x").isGreaterThan(0)).col("pos").stream().sinkToList();
        List<Series<Object>> tails = sdf.col("x").tail(1).stream().sinkToList();

        source.emit(batch(new double[] {0.5, 4, 9}, new long[] {-1, 2, 5}, new String[] {"a", "a", "b"}));

        assertThat(bigSum).containsExactly(4.0);
        assertThat(zs.get(0)).containsExactly(1.0, 8.0, 18.0);
        assertThat(ws.get(0)).containsExactly(-0.25, 3.0, 7.0);
        assertThat(mapped.get(0)).containsExactly(0.7, 2.0, 3.0);
        assertThat(mods.get(0)).containsExactly(2L, 2L, 2L);
        assertThat(flags.get(0)).containsExactly(true, true, true);
        assertThat(tails.get(0)).containsExactly(9.0);
        assertThat(z.columns()).containsExactly("x", "y", "name", "z", "w");
    }

    @Test
    void refusesSeriesOfAnotherDataframe() {
        StreamingDataFrame other = StreamingDataFrame.from(Stream.create(), example);
        assertThatThrownBy(() -> sdf.col("x").add(other.col("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comes from another dataframe");
        assertThatThrownBy(() -> sdf.where(other.col("x").gt(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("where");
    }

    @Test
    void userFunctionFailuresNameTheNode() {
        sdf.where(f -> {
            throw new IllegalStateException("boom");
        }).col("x").sum().sinkToList();
        assertThatThrownBy(() -> source.emit(batch(new double[] {1}, new long[] {1}, new String[] {"a"})))
                .isInstanceOf(NodeException.class).hasMessageContaining("where")
                .hasRootCauseMessage("boom");
        assertThatThrownBy(() -> sdf.col("name").add(1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("add: column \"name\" is STRING, not a number");
        assertThatThrownBy(() -> sdf.col("name").sum()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sum: column \"name\" is STRING, not a number");
        assertThatThrownBy(() -> sdf.rolling(2).col("name").mean()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sdf.window(2).col("name").max()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sdf.groupby("x").col("name").var()).isInstanceOf(IllegalArgumentException.class);
        assertThat(sdf.groupby("x").col("name").count()).isNotNull();
    }

    @Test
    void fillnaReplacesMissingDoublesAndKeepsLongs() {
        // pandas: pd.Series([1.0, nan]).fillna(0) == [1.0, 0.0]; pd.Series([1, 2]).fillna(0.5) stays int64
        List<Series<Object>> xs = sdf.col("x").fillna(0).stream().sinkToList();
        List<Series<Object>> ys = sdf.col("y").fillna(0.5).stream().sinkToList();
        source.emit(batch(new double[] {1, Double.NaN}, new long[] {1, 2}, new String[] {"a", "b"}));
        assertThat(xs.get(0).toList()).containsExactly(1.0, 0.0);
        assertThat(ys.get(0).values().type()).isEqualTo(ColumnType.LONG);
        assertThat(ys.get(0).toList()).containsExactly(1L, 2L);
        assertThat(sdf.col("y").fillna(0).dtype()).isEqualTo(ColumnType.LONG);
        assertThatThrownBy(() -> sdf.col("name").fillna(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fillna: column \"name\" is STRING");
    }

    @Test
    void frameReductionsLeaveTheIndexOut() {
        // pandas: the index labels rows, so df.sum() and df.window(n).sum() do not sum it
        StreamingDataFrame indexed = sdf.setIndex("y");
        List<Series<Double>> sums = indexed.sum().sinkToList();
        List<Series<Double>> windowed = indexed.window(2).sum().sinkToList();
        List<Series<Double>> all = sdf.sum().sinkToList();
        source.emit(batch(new double[] {1, 2}, new long[] {10, 20}, new String[] {"a", "b"}));
        assertThat(sums.get(0).toMap()).containsExactly(Map.entry("x", 3.0));
        assertThat(windowed.get(0).toMap()).containsExactly(Map.entry("x", 3.0));
        assertThat(all.get(0).toMap()).containsExactly(Map.entry("x", 3.0), Map.entry("y", 30.0));
    }

    @Test
    void groupedVarianceOfAConstantGroupIsZeroNotNegative() {
        // streamz's x2/n - (x/n)^2 gives -1.7e-18 for three 0.1s, and its std NaN
        List<Series<Double>> vars = sdf.groupby("name").col("x").var(0).sinkToList();
        List<Series<Double>> stds = sdf.groupby("name").col("x").std(0).sinkToList();
        source.emit(batch(new double[] {0.1, 0.1, 0.1}, new long[] {1, 2, 3}, new String[] {"a", "a", "a"}));
        assertThat(vars.get(0).toMap()).containsExactly(Map.entry("a", 0.0));
        assertThat(stds.get(0).toMap()).containsExactly(Map.entry("a", 0.0));
    }

    @Test
    void passesMetadataOnAndHoldsNoRefs() {
        List<Double> sums = sdf.window(2).col("x").sum().sinkToList();
        List<Series<Double>> rolled = sdf.rolling(2).col("x").mean().sinkToList();
        RefCounter ref = new RefCounter();
        source.emit(batch(new double[] {1, 2, 3}, new long[] {1, 2, 3}, new String[] {"a", "b", "c"}),
                List.of(Map.of("ref", ref)));
        assertThat(sums).containsExactly(5.0);
        assertThat(rolled.get(0)).containsExactly(Double.NaN, 1.5, 2.5);
        assertThat(ref.count()).isZero();
    }

    @Test
    void reductionsCumulativesAndValueCounts() {
        List<Double> sums = sdf.col("x").sum(10).sinkToList();
        List<Double> means = sdf.col("x").mean().sinkToList();
        List<Long> counts = sdf.col("x").count().sinkToList();
        List<Long> sizes = sdf.col("x").size().sinkToList();
        List<Double> mins = sdf.col("x").min().sinkToList();
        List<Double> stds = sdf.col("x").std(0).sinkToList();
        List<Series<Number>> cum = sdf.col("y").cumsum().sinkToList();
        List<Series<Number>> cmax = sdf.col("x").cummax().sinkToList();
        List<Series<Long>> vc = sdf.col("name").valueCounts().sinkToList();

        source.emit(batch(new double[] {1, Double.NaN, 3}, new long[] {1, 2, 3}, new String[] {"b", "a", "b"}));
        source.emit(batch(new double[] {-1}, new long[] {4}, new String[] {"c"}));

        assertThat(sums).containsExactly(14.0, 13.0);
        assertThat(means).containsExactly(2.0, 1.0);
        assertThat(counts).containsExactly(2L, 3L);
        assertThat(sizes).containsExactly(3L, 4L);
        assertThat(mins).containsExactly(1.0, -1.0);
        assertThat(stds.get(0)).isEqualTo(1.0);
        assertThat(cum.get(1)).containsExactly(10L);
        assertThat(cmax.get(0)).containsExactly(1.0, Double.NaN, 3.0);
        assertThat(vc.get(1).toMap()).isEqualTo(Map.of("a", 1L, "b", 2L, "c", 1L));
    }

    @Test
    void groupbyBySeriesAndSizeWithoutColumn() {
        List<Series<Double>> byParity = sdf.groupby(sdf.col("y").mod(2)).col("x").sum().sinkToList();
        List<Series<Long>> sizes = sdf.groupby("name").size().sinkToList();
        List<Series<Double>> means = sdf.groupby("name").col("x").mean().sinkToList();
        source.emit(batch(new double[] {1, 2, 4}, new long[] {1, 2, 3}, new String[] {"b", "a", "b"}));
        assertThat(byParity.get(0).toMap()).isEqualTo(Map.of(0L, 2.0, 1L, 5.0));
        assertThat(sizes.get(0).toMap()).isEqualTo(Map.of("a", 1L, "b", 2L));
        assertThat(means.get(0).index()).containsExactly("a", "b");
        assertThatThrownBy(() -> sdf.groupby("name").sum()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("col(\"x\")");
    }

    @Test
    void timeWindowsNeedAnInstantIndex() {
        assertThatThrownBy(() -> sdf.rolling("2s")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs an index column");
        assertThatThrownBy(() -> sdf.window(Duration.ofMillis(500))).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("window(\"500ms\") needs an index column");
        assertThatThrownBy(() -> sdf.window("2 parsecs")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("window: value: Invalid interval \"2 parsecs\"");
        assertThatThrownBy(() -> sdf.rolling("soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rolling: window: Invalid interval \"soon\"");
        assertThatThrownBy(() -> sdf.window(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window: n must be >= 1, was 0");
        assertThatThrownBy(() -> sdf.rolling(0)).isInstanceOf(IllegalArgumentException.class);

        Stream<Frame> s = Stream.create();
        Frame e = Frame.of("t", new Instant[] {Instant.EPOCH}, "x", new double[] {0});
        StreamingDataFrame timed = StreamingDataFrame.from(s, e, "t");
        List<Series<Double>> sums = timed.rolling("2s").col("x").sum().sinkToList();
        List<Double> window = timed.window("2s").col("x").sum().sinkToList();
        List<Double> byDuration = timed.col("x").window(Duration.ofSeconds(2)).sum().sinkToList();
        List<Series<Number>> cum = timed.col("x").cumsum().sinkToList();
        s.emit(Frame.of("t", new Instant[] {Instant.ofEpochSecond(0), Instant.ofEpochSecond(1)}, "x", new double[] {1, 2}));
        s.emit(Frame.of("t", new Instant[] {Instant.ofEpochSecond(2), Instant.ofEpochSecond(5)}, "x", new double[] {4, 8}));
        assertThat(sums.get(1)).containsExactly(6.0, 8.0);
        assertThat(sums.get(1).index()).containsExactly(Instant.ofEpochSecond(2), Instant.ofEpochSecond(5));
        assertThat(window).containsExactly(3.0, 8.0);
        assertThat(byDuration).isEqualTo(window);
        assertThat(timed.rolling("2s").col("x").sum()).hasToString("rolling(window=2s)");
        assertThat(timed.window("2s").col("x").sum()).hasToString("window(value=2s)");
        assertThat(cum.get(0).toMap()).containsEntry(Instant.ofEpochSecond(1), 3.0);
        assertThat(timed.resetIndex().col("x").cumsum().sinkToList()).isEmpty();
        assertThat(sdf.setIndex("name").indexColumn()).isEqualTo("name");
    }

    @Test
    void windowApplyValueCountsAndEwm() {
        List<Integer> rows = sdf.window(3).apply(Frame::rowCount).sinkToList();
        List<Frame> full = sdf.window(2).full().sinkToList();
        List<Series<Long>> vc = sdf.window(2).col("name").valueCounts().sinkToList();
        List<Double> ewm = sdf.col("x").ewm("com", 0.5).mean().sinkToList();
        source.emit(batch(new double[] {1, 2}, new long[] {1, 2}, new String[] {"a", "b"}));
        source.emit(batch(new double[] {3, 4}, new long[] {3, 4}, new String[] {"c", "c"}));
        assertThat(rows).containsExactly(2, 3);
        assertThat(full.get(1).doubleColumn("x").toDoubleArray()).containsExactly(3, 4);
        assertThat(vc.get(1).toMap()).isEqualTo(Map.of("a", 0L, "b", 0L, "c", 2L));
        assertThat(ewm.get(0)).isEqualTo(1.75);
        assertThatThrownBy(() -> sdf.ewm("beta", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"com\", \"span\", \"halflife\" or \"alpha\"");
    }

    @Test
    void ewmTakesATypedDecayAsWellAsAKeyword() {
        List<Decay> decays = List.of(Decay.com(0.5), Decay.span(3), Decay.halflife(2), Decay.alpha(0.25));
        List<List<Double>> typed = new java.util.ArrayList<>();
        List<List<Double>> spelled = new java.util.ArrayList<>();
        for (Decay d : decays) {
            String[] kv = d.toString().split("=");
            typed.add(sdf.ewm(d).col("x").mean().sinkToList());
            spelled.add(sdf.col("x").ewm(kv[0], Double.parseDouble(kv[1])).mean().sinkToList());
            assertThat(Decay.of(kv[0], Double.parseDouble(kv[1]))).isEqualTo(d);
        }
        source.emit(batch(new double[] {1, 2, 4}, new long[] {1, 2, 3}, new String[] {"a", "b", "c"}));
        assertThat(typed).isEqualTo(spelled).allSatisfy(out -> assertThat(out).hasSize(1));
        // pandas: pd.Series([1.0, 2.0, 4.0]).ewm(com=0.5).mean().iloc[-1]
        assertThat(typed.get(0).get(0)).isCloseTo(3.307692307692307, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Decay.span(3)).hasToString("span=3.0");
        assertThat(Decay.span(3).com()).isEqualTo(1.0);
        assertThat(Decay.alpha(0.5).com()).isEqualTo(1.0);
        assertThatThrownBy(() -> Decay.alpha(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ewm: alpha must be in (0, 1], was 1.5");
        assertThatThrownBy(() -> Decay.span(0.5)).hasMessage("ewm: span must be >= 1, was 0.5");
        assertThatThrownBy(() -> Decay.halflife(0)).hasMessage("ewm: halflife must be > 0, was 0.0");
        assertThatThrownBy(() -> Decay.com(Double.NaN)).hasMessage("ewm: com must be >= 0, was NaN");
        assertThatThrownBy(() -> sdf.ewm((Decay) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("ewm: decay is null");
    }

    @Test
    void frameLevelAggregationsCoverEveryNumberColumn() {
        List<Series<Double>> sums = sdf.sum().sinkToList();
        List<Series<Double>> means = sdf.window(2).aggregate(IncrementalOracleTest.MEAN).sinkToList();
        List<Long> sizes = sdf.window(2).size().sinkToList();
        List<Frame> rolled = sdf.rolling(2).max().sinkToList();
        source.emit(batch(new double[] {1, 2, 4}, new long[] {1, 2, 3}, new String[] {"a", "b", "a"}));
        assertThat(sums.get(0).toMap()).isEqualTo(Map.of("x", 7.0, "y", 6.0));
        assertThat(means.get(0).toMap()).isEqualTo(Map.of("x", 3.0, "y", 2.5));
        assertThat(sizes).containsExactly(2L);
        assertThat(rolled.get(0).columnNames()).containsExactly("x", "y");
        assertThat(rolled.get(0).doubleColumn("y").toDoubleArray()).containsExactly(Double.NaN, 2, 3);
    }

    // ------------------------------------------------------------------ columns checked when the graph is built

    @Test
    void aMissingColumnFailsWhenTheGraphIsBuiltNamingTheOperatorAndTheColumn() {
        String frame = " is not in the frame [x, y, name]";
        assertThatThrownBy(() -> sdf.groupby("nmae")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("groupby: column \"nmae\"" + frame);
        assertThatThrownBy(() -> sdf.where(f -> f.doubleColumn("amout").isGreaterThan(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("where: column \"amout\"" + frame);
        assertThatThrownBy(() -> sdf.assign("z", f -> f.numberColumn("xx").add(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("assign: column \"xx\"" + frame);
        assertThatThrownBy(() -> sdf.mapPartitions(f -> f.select("x", "nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("mapPartitions: column \"nope\"" + frame);
        assertThatThrownBy(() -> sdf.setIndex("t")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("setIndex: column \"t\"" + frame);
        assertThatThrownBy(() -> StreamingDataFrame.from(source, example, "t")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("StreamingDataFrame.from: column \"t\"" + frame);
        assertThatThrownBy(() -> sdf.window(3).groupby("nmae")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("groupby: column \"nmae\"" + frame);
        assertThatThrownBy(() -> sdf.window(3).apply(f -> f.column("nope"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("apply: column \"nope\"" + frame);
        assertThatThrownBy(() -> sdf.groupby("name").col("amount")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("col: column \"amount\"" + frame);
    }

    @Test
    void aColumnOfTheWrongTypeFailsWhenTheGraphIsBuilt() {
        assertThatThrownBy(() -> sdf.where(f -> f.doubleColumn("name").isGreaterThan(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("where: column \"name\" is STRING, not DOUBLE");
        assertThatThrownBy(() -> sdf.assign("z", f -> f.numberColumn("name").add(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("assign: column \"name\" is STRING, not a number column");
    }

    @Test
    void aFunctionThatFailsOnTheEmptyExampleForAnotherReasonIsLeftForTheBatches() {
        List<Frame> out = sdf.where(f -> f.doubleColumn("x").getDouble(0) > 0 ? f.doubleColumn("x").isGreaterThan(0)
                : f.doubleColumn("x").isLessThan(0)).stream().sinkToList();
        source.emit(batch(new double[] {1, -1}, new long[] {0, 0}, new String[] {"a", "b"}));
        assertThat(out).hasSize(1);
        assertThat(out.get(0).doubleColumn("x").getDouble(0)).isEqualTo(1.0);
    }

    @Test
    void withoutAnExampleTheColumnFailsTheFirstBatchOnOneShortLine() {
        Stream<Frame> s = Stream.create();
        StreamingDataFrame d = s.as(StreamingDataFrame::from);
        d.where(f -> f.doubleColumn("amout").isGreaterThan(1)).stream().sinkToList();
        double[] many = new double[50];
        assertThatThrownBy(() -> s.emit(Frame.of("amount", many, "x", many)))
                .isInstanceOf(NodeException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .startsWith("map \"where\" failed on element amount x 0 0.0 0.0 1 0.0 0.0")
                        .endsWith("...: IllegalArgumentException: column \"amout\" is not in the frame [amount, x]")
                        .doesNotContain("\n", "  ").hasSizeLessThan(200))
                .hasRootCauseMessage("column \"amout\" is not in the frame [amount, x]");
    }
}
