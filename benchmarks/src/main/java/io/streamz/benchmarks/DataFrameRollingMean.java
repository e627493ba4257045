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
 * The mean of the last 100 rows at every row (pandas {@code rolling(100).mean()}, {@code NaN}
 * until 100 rows have arrived), one series per batch; the score is ns per row. The loop keeps a
 * ring of the last 100 values and their running sum. {@code loopPandas} is the same loop with
 * pandas' arithmetic (a compensated sum for the values that enter and another for those that
 * leave, as pandas' {@code roll_mean} does, which is what makes our results equal pandas' to the
 * last bit): the floor of any implementation that gives pandas' results, since each row's
 * additions wait for the previous row's.
 *
 * <pre>{@code
 * sdf.rolling(100).col("x").mean().sink(out)
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class DataFrameRollingMean {
    static final int ROWS = Batches.COUNT * Batches.ROWS;
    static final int WINDOW = 100;

    private Consumer<Object> out;
    private StreamingDataFrame sdf;
    private double[] ring;
    private long seen;
    private double sum;
    private double compAdd;
    private double compRemove;

    @Setup(Level.Invocation)
    public void build(Blackhole bh) {
        build(bh::consume);
    }

    /** Builds both contenders' pipelines, from scratch, into {@code out}. */
    void build(Consumer<Object> out) {
        this.out = out;
        sdf = StreamingDataFrame.from(Stream.create(), Batches.example());
        sdf.rolling(WINDOW).col("x").mean().sink(out);
        ring = new double[WINDOW];
        seen = 0;
        sum = 0;
        compAdd = 0;
        compRemove = 0;
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
            double[] means = new double[f.rowCount()];
            for (int i = 0; i < means.length; i++) {
                int slot = (int) (seen % WINDOW);
                sum += x.getDouble(i) - ring[slot];
                ring[slot] = x.getDouble(i);
                seen++;
                means[i] = seen >= WINDOW ? sum / WINDOW : Double.NaN;
            }
            out.accept(means);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void loopPandas() {
        for (Frame f : Batches.FRAMES) {
            DoubleColumn x = f.doubleColumn("x");
            double[] means = new double[f.rowCount()];
            for (int i = 0; i < means.length; i++) {
                int slot = (int) (seen % WINDOW);
                double val = x.getDouble(i);
                if (seen >= WINDOW) {   // pandas' remove_sum
                    double y = -ring[slot] - compRemove;
                    double t = sum + y;
                    compRemove = t - sum - y;
                    sum = t;
                }
                double y = val - compAdd;   // pandas' add_sum
                double t = sum + y;
                compAdd = t - sum - y;
                sum = t;
                ring[slot] = val;
                seen++;
                means[i] = seen >= WINDOW ? sum / WINDOW : Double.NaN;
            }
            out.accept(means);
        }
    }
}
