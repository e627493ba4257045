package io.streamz.dataframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.EventTime;
import io.streamz.NodeException;
import io.streamz.RefCounter;
import io.streamz.Stream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Dataframes in event time: rows released in index order, per period, on the watermark. */
class EventTimeFramesTest {
    private static final Frame EXAMPLE = Frame.of("t", new Instant[] {Instant.EPOCH}, "x", new double[] {0});

    private static Frame rows(long[] millis, double[] xs) {
        Instant[] t = new Instant[millis.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Instant.ofEpochMilli(millis[i]);
        }
        return Frame.of("t", t, "x", xs);
    }

    private static List<Long> times(Frame f) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < f.rowCount(); i++) {
            out.add(f.instantColumn("t").get(i).toEpochMilli());
        }
        return out;
    }

    @Test
    void theDocsExample() {
        Stream<Frame> times = Stream.create();
        StreamingDataFrame tdf = StreamingDataFrame.from(times, EXAMPLE, "t");
        EventTimeDataFrame ordered = tdf.inEventTime("1s", "5s");
        List<Double> sums = ordered.window("10s").col("x").sum().sinkToList();
        times.emit(rows(new long[] {0, 2000}, new double[] {1, 2}));
        times.emit(rows(new long[] {1000, 7000}, new double[] {3, 4}));
        assertThat(sums).containsExactly(1.0, 4.0);
        times.emitEnd();
        assertThat(sums).containsExactly(1.0, 4.0, 6.0, 10.0);
    }

    @Test
    void rowsComeSortedPerPeriodWhenTheUpstreamWatermarkPassesIt() {
        Stream<Frame> source = Stream.create();
        EventTimeDataFrame ordered = StreamingDataFrame.from(source, EXAMPLE, "t").inEventTime("1s");
        List<Frame> out = ordered.stream().sinkToList();
        List<List<Map<String, Object>>> md = new ArrayList<>();
        new Stream<Object>(ordered.stream()) {
            @Override
            protected java.util.concurrent.CompletableFuture<?> update(Object f, Stream<?> who, List<Map<String, Object>> m) {
                md.add(m);
                return null;
            }
        };
        source.emit(rows(new long[] {1500, 200, 1100, 100}, new double[] {1, 2, 3, 4}));
        source.emit(rows(new long[] {150}, new double[] {5}));
        assertThat(out).isEmpty();
        source.emitWatermark(Instant.ofEpochMilli(1000));
        assertThat(out).hasSize(1);
        assertThat(times(out.get(0))).containsExactly(100L, 150L, 200L);
        assertThat(out.get(0).doubleColumn("x").get(0)).isEqualTo(4.0);
        assertThat(EventTime.of(md.get(0))).isEqualTo(Instant.parse("1970-01-01T00:00:00.999999999Z"));
        source.emitEnd();
        assertThat(times(out.get(1))).containsExactly(1100L, 1500L);
    }

    @Test
    void aBatchsRefIsHeldUntilTheLastPeriodWithOneOfItsRowsWasEmitted() {
        Stream<Frame> source = Stream.create();
        EventTimeDataFrame ordered = StreamingDataFrame.from(source, EXAMPLE, "t").inEventTime("1s");
        ordered.stream().sink(f -> { });
        RefCounter ref = new RefCounter();
        source.emit(rows(new long[] {100, 1100}, new double[] {1, 2}), List.of(Map.of("ref", ref)));
        assertThat(ref.count()).isEqualTo(2);                  // in two periods
        assertThat(ordered.stream().stats().held()).isEqualTo(2);
        source.emitWatermark(Instant.ofEpochMilli(1000));
        assertThat(ref.count()).isEqualTo(1);
        source.emitWatermark(Instant.ofEpochMilli(2000));
        assertThat(ref.count()).isZero();
        assertThat(ordered.stream().stats().held()).isZero();
    }

    @Test
    void lateRowsGoToTheirBranchOrAreAFailure() {
        Stream<Frame> source = Stream.create();
        EventTimeDataFrame ordered = StreamingDataFrame.from(source, EXAMPLE, "t").inEventTime("1s", "0s");
        List<Frame> out = ordered.stream().sinkToList();
        source.emit(rows(new long[] {100, 2500}, new double[] {1, 2}));
        assertThatThrownBy(() -> source.emit(rows(new long[] {300, 2600}, new double[] {3, 4})))
                .isInstanceOf(NodeException.class)
                .hasRootCauseMessage("late rows: 1 row(s) for frames of event time already emitted "
                        + "(watermark 1970-01-01T00:00:02.499999999Z); take them with lateRows()");
        List<Frame> late = ordered.lateRows().sinkToList();
        source.emit(rows(new long[] {400, 2700}, new double[] {5, 6}));
        assertThat(late).hasSize(1);
        assertThat(times(late.get(0))).containsExactly(400L);
        assertThat(ordered.stream().stats().late()).isEqualTo(2);
        source.emitEnd();
        assertThat(out.stream().map(EventTimeFramesTest::times)).containsExactly(List.of(100L), List.of(2500L, 2600L, 2700L));
    }

    @Test
    void aRowWithoutATimeOrAMissingIndexIsRefused() {
        Stream<Frame> source = Stream.create();
        StreamingDataFrame sdf = StreamingDataFrame.from(source, EXAMPLE, "t");
        sdf.inEventTime("1s").stream().sink(f -> { });
        assertThatThrownBy(() -> source.emit(Frame.of("t", new Instant[] {null}, "x", new double[] {1})))
                .isInstanceOf(NodeException.class)
                .hasRootCauseMessage("inEventTime: row 0 has no time in index column \"t\"");
        assertThatThrownBy(() -> StreamingDataFrame.from(Stream.create(), EXAMPLE).inEventTime("1s"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inEventTime needs an index column");
        assertThatThrownBy(() -> sdf.inEventTime("0s")).hasMessage("inEventTime: frame must be > 0, was 0s");
        assertThatThrownBy(() -> sdf.inEventTime("1s", "-1s"))
                .hasMessage("inEventTime: maxOutOfOrderness: Invalid interval \"-1s\": must be positive");
        assertThatThrownBy(() -> sdf.inEventTime(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
                .hasMessage("inEventTime: maxOutOfOrderness must be >= 0, was -1s");
        assertThatThrownBy(() -> sdf.inEventTime((Duration) null, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("inEventTime: frame is null");
        assertThat(sdf.inEventTime("1s", "5s").stream().toString()).isEqualTo("inEventTime(frame=1s, maxOutOfOrderness=5s)");
    }

    /**
     * The replay property: rows shuffled within the bound and cut into random batches give the
     * frames, rolling means and window sums of the sorted rows in one batch, and the rolling means
     * are those of pandas-style rolling over the sorted rows. Rows delayed beyond the bound go to
     * the late branch, counted, exactly those a recomputation of the watermark says are late; the
     * others still give the frames of the sorted on-time rows.
     */
    @Test
    void aReplayInOtherBatchesAndOtherOrderGivesTheSameFrames() {
        for (int seed = 0; seed < 10; seed++) {
            for (double beyond : new double[] {0, 0.03}) {
                Random r = new Random(seed);
                int n = 2_000;
                long[] t = new long[n];
                double[] x = new double[n];
                long at = 0;
                for (int i = 0; i < n; i++) {
                    at += 1 + r.nextInt(200);
                    t[i] = at;
                    x[i] = r.nextInt(1000);
                }
                long[] arrives = new long[n];
                for (int i = 0; i < n; i++) {   // at most 5 s behind the newest before it, or well beyond
                    arrives[i] = t[i] + (r.nextDouble() < beyond ? 6_000 + r.nextInt(10_000) : r.nextInt(5_001));
                }
                List<Integer> arrival = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    arrival.add(i);
                }
                arrival.sort(Comparator.comparingLong(i -> arrives[i]));
                List<Integer> batches = new ArrayList<>();
                for (int left = n; left > 0; ) {
                    int b = Math.min(left, 1 + r.nextInt(20));
                    batches.add(b);
                    left -= b;
                }

                // the recomputation: late when the watermark after the batches before it passed its second
                List<Long> expectedLate = new ArrayList<>();
                List<Integer> onTime = new ArrayList<>();
                long watermark = Long.MIN_VALUE;
                long newest = Long.MIN_VALUE;
                for (int b = 0, from = 0; b < batches.size(); from += batches.get(b), b++) {
                    for (int i = from; i < from + batches.get(b); i++) {
                        int row = arrival.get(i);
                        long end = (Math.floorDiv(t[row], 1000) + 1) * 1_000_000_000L - 1;   // ns
                        newest = Math.max(newest, t[row]);
                        if (end <= watermark) {
                            expectedLate.add(t[row]);
                        } else {
                            onTime.add(row);
                        }
                    }
                    watermark = Math.max(watermark, newest * 1_000_000L - 5_000_000_000L - 1);
                }
                onTime.sort(Comparator.comparingLong(i -> t[i]));

                Run live = run(t, x, arrival, batches);
                Run replay = run(t, x, onTime, List.of(onTime.size()));
                String as = "seed " + seed + ", " + beyond + " beyond the bound";
                assertThat(live.frames).as("%s: frames", as).isEqualTo(replay.frames);
                assertThat(live.means).as("%s: rolling means", as).isEqualTo(replay.means);
                assertThat(live.sums).as("%s: window sums", as).isEqualTo(replay.sums);
                assertThat(live.late).as("%s: late rows", as).isEqualTo(expectedLate);
                assertThat(live.lateCount).as("%s: counted", as).isEqualTo(expectedLate.size());
                assertThat(replay.late).isEmpty();
                if (beyond == 0) {
                    assertThat(live.late).isEmpty();
                } else {
                    assertThat(live.late).as("%s: some rows are late", as).isNotEmpty();
                }

                Stream<Frame> all = Stream.create();
                List<Series<Double>> pandas = StreamingDataFrame.from(all, EXAMPLE, "t").rolling("10s").col("x").mean().sinkToList();
                all.emit(rows(onTime.stream().mapToLong(i -> t[i]).toArray(), onTime.stream().mapToDouble(i -> x[i]).toArray()));
                assertThat(live.means).as("%s: as rolling over the sorted rows", as).isEqualTo(pandas.get(0).toList());
            }
        }
    }

    /** What one run emitted: each frame's times, the rolling means row by row, the window sums per frame, the late rows. */
    private static final class Run {
        final List<List<Long>> frames = new ArrayList<>();
        final List<Double> means = new ArrayList<>();
        final List<Double> sums = new ArrayList<>();
        final List<Long> late = new ArrayList<>();
        long lateCount;
    }

    /** Emits rows {@code order} of {@code t} and {@code x} in batches of the sizes {@code batches}. */
    private static Run run(long[] t, double[] x, List<Integer> order, List<Integer> batches) {
        Run run = new Run();
        Stream<Frame> source = Stream.create();
        EventTimeDataFrame ordered = StreamingDataFrame.from(source, EXAMPLE, "t").inEventTime("1s", "5s");
        ordered.stream().sink(f -> run.frames.add(times(f)));
        ordered.rolling("10s").col("x").mean().sink(s -> run.means.addAll(s.toList()));
        ordered.window("10s").col("x").sum().sink(run.sums::add);
        ordered.lateRows().sink(f -> run.late.addAll(times(f)));
        int from = 0;
        for (int size : batches) {
            long[] bt = new long[size];
            double[] bx = new double[size];
            for (int i = 0; i < size; i++) {
                bt[i] = t[order.get(from + i)];
                bx[i] = x[order.get(from + i)];
            }
            source.emit(rows(bt, bx));
            from += size;
        }
        source.emitEnd();
        run.lateCount = ordered.stream().stats().late();
        return run;
    }
}
