package io.streamz.benchmarks;

import io.reactivex.rxjava3.subjects.PublishSubject;
import io.reactivex.rxjava3.subjects.Subject;
import io.streamz.Stream;
import java.util.ArrayDeque;
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
 * The last ten elements, emitted on every element once ten have arrived:
 * {@code slidingWindow(10, false)}, Reactor's and RxJava's {@code buffer(10, 1)}.
 *
 * <pre>{@code
 * source.slidingWindow(10, false).sink(out)
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class SlidingWindow10 {
    static final int EVENTS = 100_000;
    static final int N = 10;

    private Consumer<Object> out;
    private Stream<Integer> source;
    private Sinks.Many<Integer> reactorSink;
    private PublishSubject<Integer> subject;
    private Stream<Integer> confined;
    private Subject<Integer> serialized;
    private final ArrayDeque<Integer> window = new ArrayDeque<>(N + 1);

    @Setup
    public void build(Blackhole bh) {
        build(bh::consume);
    }

    /** Builds every contender's pipeline into {@code out}. */
    void build(Consumer<Object> out) {
        this.out = out;
        source = graph(Stream.create(), out);
        confined = graph(Stream.<Integer>create().confined(), out);

        reactorSink = Sinks.many().multicast().directBestEffort();
        reactorSink.asFlux().buffer(N, 1).subscribe(out);

        subject = observable(PublishSubject.create(), out);
        serialized = observable(PublishSubject.<Integer>create(), out).toSerialized();
    }

    /** Our pipeline from {@code source} into {@code out}. */
    static Stream<Integer> graph(Stream<Integer> source, Consumer<Object> out) {
        source.slidingWindow(N, false).sink(out);
        return source;
    }

    /** RxJava's pipeline from {@code subject} into {@code out}. */
    static <S extends Subject<Integer>> S observable(S subject, Consumer<Object> out) {
        subject.buffer(N, 1).subscribe(out::accept);
        return subject;
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
            window.addLast(Inputs.at(i));
            if (window.size() > N) {
                window.removeFirst();
            }
            if (window.size() == N) {
                out.accept(List.copyOf(window));
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

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void streamzConfined() {
        Inputs.emitAll(confined, EVENTS, false);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void rxjavaSerialized() {
        Inputs.onNextAll(serialized, EVENTS, false);
    }
}
