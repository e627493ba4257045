package io.streamz.benchmarks;

import io.streamz.Stream;
import io.streamz.dataframe.DoubleColumn;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.StreamingDataFrame;
import io.streamz.dataframe.StringColumn;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
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
 * The mean of {@code x} per {@code name} over the last 10,000 rows, one series per batch; the
 * score is ns per row. The loop keeps a ring of the last 10,000 rows and per-name running sums
 * and counts.
 *
 * <pre>{@code
 * sdf.window(10_000).groupby("name").col("x").mean().sink(out)
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class DataFrameWindowGroupbyMean {
    static final int ROWS = Batches.COUNT * Batches.ROWS;
    static final int WINDOW = 10_000;

    private Consumer<Object> out;
    private StreamingDataFrame sdf;
    private final Map<String, Integer> codes = new HashMap<>();
    private double[] ringX;
    private int[] ringCode;
    private long seen;
    private double[] sums;
    private long[] counts;

    @Setup(Level.Invocation)
    public void build(Blackhole bh) {
        build(bh::consume);
    }

    /** Builds both contenders' pipelines, from scratch, into {@code out}. */
    void build(Consumer<Object> out) {
        this.out = out;
        sdf = StreamingDataFrame.from(Stream.create(), Batches.example());
        sdf.window(WINDOW).groupby("name").col("x").mean().sink(out);
        for (int k = 0; k < Batches.NAMES.length; k++) {
            codes.put(Batches.NAMES[k], k);
        }
        ringX = new double[WINDOW];
        ringCode = new int[WINDOW];
        seen = 0;
        sums = new double[Batches.NAMES.length];
        counts = new long[Batches.NAMES.length];
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
        for (Frame f : Batches.FRAMES) {
            DoubleColumn x = f.doubleColumn("x");
            StringColumn name = f.stringColumn("name");
            for (int i = 0, n = f.rowCount(); i < n; i++) {
                int slot = (int) (seen % WINDOW);
                if (seen >= WINDOW) {
                    sums[ringCode[slot]] -= ringX[slot];
                    counts[ringCode[slot]]--;
                }
                int code = codes.get(name.get(i));
                ringX[slot] = x.getDouble(i);
                ringCode[slot] = code;
                sums[code] += ringX[slot];
                counts[code]++;
                seen++;
            }
            Map<String, Double> means = new TreeMap<>();
            for (int k = 0; k < sums.length; k++) {
                if (counts[k] > 0) {
                    means.put(Batches.NAMES[k], sums[k] / counts[k]);
                }
            }
            out.accept(means);
        }
    }
}
