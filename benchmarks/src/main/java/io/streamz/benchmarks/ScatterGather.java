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
 * The per-element cost of the distributed round trip, the seed's pipeline with a function that
 * does nothing: {@code scatter -> map(identity) -> buffer(8) -> gather}, on the local engine, one
 * embedded Hazelcast member, and two member processes reached through a client. Python streamz
 * + Dask's figure for the same pipeline comes from {@code benchmarks/python/bench_dask.py}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = ScatterGatherEngines.DRIVER_JVM)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScatterGather {
    static final int EVENTS = 2_000;

    @Param({"local", "member", "processes2"})
    public String engine;

    private ScatterGatherEngines engines;
    private Stream<Integer> source;
    private final AtomicInteger gathered = new AtomicInteger();
    private volatile CompletableFuture<Void> allGathered;
    private volatile int target;

    @Setup
    public void build() {
        engines = new ScatterGatherEngines(engine, 2);
        source = Stream.create();
        Distributed.scatter(source, engines.engine).map(x -> x).buffer(8).gather().sink(x -> {
            if (gathered.incrementAndGet() == target) {
                allGathered.complete(null);
            }
        });
    }

    @TearDown
    public void stop() {
        engines.close();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void identity() {
        allGathered = new CompletableFuture<>();
        target = gathered.get() + EVENTS;
        for (int i = 0; i < EVENTS; i++) {
            source.emit(i);
        }
        allGathered.join();
    }
}
