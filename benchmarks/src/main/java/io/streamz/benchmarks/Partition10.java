package io.streamz.benchmarks;

import io.reactivex.rxjava3.subjects.PublishSubject;
import io.streamz.Stream;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Sinks;

/**
 * Groups of ten: {@code partition(10)}, Reactor's and RxJava's {@code buffer(10)}.
 *
 * <pre>{@code
 * source.partition(10).sink(out)
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class Partition10 {
    static final int EVENTS = 100_000;
    static final int N = 10;

    private Consumer<Object> out;
    private Stream<Integer> source;
    private Sinks.Many<Integer> reactorSink;
    private PublishSubject<Integer> subject;
    private List<Integer> part = new ArrayList<>(N);

    @Setup
    public void build(Blackhole bh) {
        build(bh::consume);
    }

    /** Builds every contender's pipeline into {@code out}. */
    void build(Consumer<Object> out) {
        this.out = out;
        source = Stream.create();
        source.partition(N).sink(out);

        reactorSink = Sinks.many().multicast().directBestEffort();
        reactorSink.asFlux().buffer(N).subscribe(out);

        subject = PublishSubject.create();
        subject.buffer(N).subscribe(out::accept);
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
            part.add(Inputs.at(i));
            if (part.size() == N) {
                out.accept(part);
                part = new ArrayList<>(N);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void reactor() {
        for (int i = 0; i < EVENTS; i++) {
            reactorSink.emitNext(Inputs.at(i), Sinks.EmitFailureHandler.FAIL_FAST);
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void rxjava() {
        for (int i = 0; i < EVENTS; i++) {
            subject.onNext(Inputs.at(i));
        }
    }
}
