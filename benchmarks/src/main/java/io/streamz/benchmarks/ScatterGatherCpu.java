package io.streamz.benchmarks;

import io.streamz.Stream;
import io.streamz.distributed.Distributed;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A CPU-bound map, about 1 ms of work per element (a busy loop on the clock, as the Python
 * script's), through {@code scatter -> map(work) -> buffer(8) -> gather} ({@code -p buffer=16} for
 * a wider window): on one member process
 * and on two, each running one task at a time, against {@code local1}, the plain {@code map} on
 * the emitting thread. On two cores, two processes should approach twice the local rate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = ScatterGatherEngines.DRIVER_JVM)
@Warmup(iterations = 8, time = 2)   // the member processes and the driver need about 16 s to reach their steady state
@Measurement(iterations = 5, time = 2)
public class ScatterGatherCpu {
    static final int EVENTS = 200;

    @Param({"local1", "processes1", "processes2"})
    public String engine;

    /**
     * Elements in flight between scatter and gather: 8 as the pipeline; 16 keeps a
     * member busy over a longer round trip (docs/scale-out.md, "How fast"). {@code local1}
     * ignores it.
     */
    @Param({"8"})
    public int buffer;

    private ScatterGatherEngines engines;
    private Stream<Integer> source;
    private final AtomicInteger gathered = new AtomicInteger();
    private volatile CompletableFuture<Void> allGathered;
    private volatile int target;

    /** About a millisecond of CPU: spins until the clock moved 1 ms. */
    static int work(int x) {
        long end = System.nanoTime() + 1_000_000;
        long spins = 0;
        while (System.nanoTime() < end) {
            spins++;
        }
        return spins < 0 ? -x : x + 1;
    }

    @Setup
    public void build() {
        source = Stream.create();
        Stream<Integer> out;
        if (engine.equals("local1")) {
            out = source.map(ScatterGatherCpu::work);
        } else {
            engines = new ScatterGatherEngines(engine, 1);
            out = Distributed.scatter(source, engines.engine).map(ScatterGatherCpu::work).buffer(buffer).gather();
        }
        out.sink(x -> {
            if (gathered.incrementAndGet() == target) {
                allGathered.complete(null);
            }
        });
    }

    @TearDown
    public void stop() {
        if (engines != null) {
            engines.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void work() {
        allGathered = new CompletableFuture<>();
        target = gathered.get() + EVENTS;
        for (int i = 0; i < EVENTS; i++) {
            source.emit(i);
        }
        allGathered.join();
    }
}
