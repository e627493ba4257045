package io.streamz.benchmarks;

import io.streamz.Stream;
import io.streamz.dataframe.DoubleColumn;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.StreamingDataFrame;
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
 * The running sum of a column over all batches so far, one value per batch; the score is ns per
 * row. Each invocation feeds {@link Batches#COUNT} batches of 1,000 rows into a fresh pipeline.
 *
 * <pre>{@code
 * sdf.col("x").sum().sink(out)
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class DataFrameSum {
    static final int ROWS = Batches.COUNT * Batches.ROWS;

    private Consumer<Object> out;
    private StreamingDataFrame sdf;
    private double total;

    @Setup(Level.Invocation)
    public void build(Blackhole bh) {
        build(bh::consume);
    }

    /** Builds both contenders' pipelines, from scratch, into {@code out}. */
    void build(Consumer<Object> out) {
        this.out = out;
        sdf = StreamingDataFrame.from(Stream.create(), Batches.example());
        sdf.col("x").sum().sink(out);
        total = 0;
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
            double sum = 0;
            for (int i = 0, n = f.rowCount(); i < n; i++) {
                sum += x.getDouble(i);
            }
            total += sum;
            out.accept(total);
        }
    }
}
