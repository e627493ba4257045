package io.streamz.benchmarks;

import io.streamz.Stream;
import io.streamz.dataframe.DoubleColumn;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.InstantColumn;
import io.streamz.dataframe.StreamingDataFrame;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The mean of {@code x} over the last ten seconds of the {@code time} index (10,000 rows at one
 * row per millisecond), one value per batch; the score is ns per row. The loop keeps the rows of
 * the window in a ring with their running sum.
 *
 * <pre>{@code
 * StreamingDataFrame.from(source, example, "time").window("10s").col("x").mean().sink(out)
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class DataFrameWindowTimeMean {
    static final int ROWS = Batches.COUNT * Batches.ROWS;
    static final Duration WINDOW = Duration.ofSeconds(10);
    /** Room for every row of the window (one row per millisecond) and one batch more. */
    private static final int CAPACITY = 16_384;

    private Consumer<Object> out;
    private StreamingDataFrame sdf;
    private long[] ringTime;
    private double[] ringX;
    private long first;
    private long end;
    private double sum;

    @Setup(Level.Invocation)
    public void build(Blackhole bh) {
        build(bh::consume);
    }

    /** Builds both contenders' pipelines, from scratch, into {@code out}. */
    void build(Consumer<Object> out) {
        this.out = out;
        sdf = StreamingDataFrame.from(Stream.create(), Batches.example(), "time");
        sdf.window("10s").col("x").mean().sink(out);
        ringTime = new long[CAPACITY];
        ringX = new double[CAPACITY];
        first = 0;
        end = 0;
        sum = 0;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void streamz() {
        for (Frame f : Batches.FRAMES) {
            sdf.emit(f);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void loop() {
        long window = WINDOW.toNanos();
        for (Frame f : Batches.FRAMES) {
            InstantColumn time = f.instantColumn("time");
            DoubleColumn x = f.doubleColumn("x");
            long latest = Long.MIN_VALUE;
            for (int i = 0, n = f.rowCount(); i < n; i++) {
                int slot = (int) (end++ % CAPACITY);
                ringTime[slot] = time.getEpochNanos(i);
                ringX[slot] = x.getDouble(i);
                sum += ringX[slot];
                latest = Math.max(latest, ringTime[slot]);
            }
            while (first < end && ringTime[(int) (first % CAPACITY)] <= latest - window) {
                sum -= ringX[(int) (first++ % CAPACITY)];
            }
            out.accept(sum / (end - first));
        }
    }
}
