package io.streamz.benchmarks;

import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.processors.PublishProcessor;
import io.streamz.Stream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Up to 100 elements buffered in front of a slow asynchronous sink: a single "device" thread that
 * spends about a microsecond on each element. Measures how close each contender keeps the device
 * to its own pace, back-pressure included: the emitting thread must wait once 100 are held.
 *
 * <pre>{@code
 * source.buffer(100).sinkAsync(x -> CompletableFuture.runAsync(() -> write(x), device))
 * }</pre>
 *
 * <p>Reactor: a sink retried while full, into {@code concatMap(.., 100)}; RxJava: a
 * {@code PublishProcessor} offered to until it accepts, into {@code concatMapCompletable(.., 100)};
 * the loop: a semaphore of 100 permits around the device.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class Buffer100SlowSink {
    static final int EVENTS = 10_000;
    static final int N = 100;
    /** The device's work per element, in {@link Blackhole#consumeCPU} tokens: about 1 µs. */
    static final long WORK = 300;

    /** Reactor's answer to a full buffer: try again until there is room. */
    static final Sinks.EmitFailureHandler RETRY_WHILE_FULL = (signal, result) -> {
        if (result != Sinks.EmitResult.FAIL_OVERFLOW) {
            return false;
        }
        Thread.onSpinWait();
        return true;
    };

    private Consumer<Object> out;
    private ExecutorService device;
    private Stream<Integer> source;
    private Sinks.Many<Integer> reactorSink;
    private PublishProcessor<Integer> processor;
    private final Semaphore permits = new Semaphore(N);

    @Setup
    public void build(Blackhole bh) {
        build(bh::consume);
    }

    /** Builds every contender's pipeline into {@code out}. */
    void build(Consumer<Object> out) {
        this.out = out;
        device = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "device");
            t.setDaemon(true);
            return t;
        });
        source = Stream.create();
        source.buffer(N).sinkAsync(this::write);

        reactorSink = Sinks.many().multicast().directBestEffort();
        reactorSink.asFlux().concatMap(x -> Mono.fromCompletionStage(write(x)), N).subscribe();

        processor = PublishProcessor.create();
        processor.concatMapCompletable(x -> Completable.fromCompletionStage(write(x)), N).subscribe();
    }

    /** The slow sink: the element's work, done on the device thread. */
    CompletableFuture<Void> write(Integer x) {
        return CompletableFuture.runAsync(() -> {
            Blackhole.consumeCPU(WORK);
            out.accept(x);
        }, device);
    }

    @TearDown
    public void stopDevice() {
        device.shutdownNow();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void streamz() {
        for (int i = 0; i < EVENTS; i++) {
            source.emit(Inputs.at(i));
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void loop() {
        for (int i = 0; i < EVENTS; i++) {
            Integer x = Inputs.at(i);
            permits.acquireUninterruptibly();
            device.execute(() -> {
                Blackhole.consumeCPU(WORK);
                out.accept(x);
                permits.release();
            });
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void reactor() {
        for (int i = 0; i < EVENTS; i++) {
            reactorSink.emitNext(Inputs.at(i), RETRY_WHILE_FULL);
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void rxjava() {
        for (int i = 0; i < EVENTS; i++) {
            Integer x = Inputs.at(i);
            while (!processor.offer(x)) {
                Thread.onSpinWait();
            }
        }
    }
}
