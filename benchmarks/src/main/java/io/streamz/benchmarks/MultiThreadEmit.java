package io.streamz.benchmarks;

import io.reactivex.rxjava3.subjects.PublishSubject;
import io.reactivex.rxjava3.subjects.Subject;
import io.streamz.Stream;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Sinks;

/**
 * Four threads emitting into one graph (map, then sink): the cost of the guard under contention.
 * Scores are throughput summed over the threads; the report turns them into ns per element.
 *
 * <p>Each contender serialises the way its library documents: streamz's {@code emit} takes the
 * graph's guard; Reactor's sink is retried while another thread is inside
 * ({@code FAIL_NON_SERIALIZED}); RxJava's subject is {@code toSerialized()}; the loop takes a
 * monitor around the same functions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(MultiThreadEmit.THREADS)
@Fork(1)
public class MultiThreadEmit {
    static final int THREADS = 4;
    static final int EVENTS = 10_000;
    static final Function<Integer, Integer> INC = x -> (x + 1) & 127;

    /** Reactor's answer to concurrent emitters: try again while another thread is emitting. */
    static final Sinks.EmitFailureHandler RETRY_WHILE_BUSY = (signal, result) -> {
        if (result != Sinks.EmitResult.FAIL_NON_SERIALIZED) {
            return false;
        }
        Thread.onSpinWait();
        return true;
    };

    private Consumer<Object> out;
    private volatile Object lock;
    private Stream<Integer> source;
    private Sinks.Many<Integer> reactorSink;
    private Subject<Integer> subject;

    @Setup
    public void build(Blackhole bh) {
        build(bh::consume);
    }

    /** Builds every contender's pipeline into {@code out}. */
    void build(Consumer<Object> out) {
        this.out = out;
        lock = new Object();
        source = Stream.create();
        source.map(INC).sink(out);

        reactorSink = Sinks.many().multicast().directBestEffort();
        reactorSink.asFlux().map(INC).subscribe(out);

        PublishSubject<Integer> plain = PublishSubject.create();
        plain.map(INC::apply).subscribe(out::accept);
        subject = plain.toSerialized();
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
            // read per element (volatile) so the JIT cannot merge consecutive lock regions
            synchronized (lock) {
                out.accept(INC.apply(Inputs.at(i)));
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void reactor() {
        for (int i = 0; i < EVENTS; i++) {
            reactorSink.emitNext(Inputs.at(i), RETRY_WHILE_BUSY);
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
