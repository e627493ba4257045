package io.streamz.benchmarks;

import io.reactivex.rxjava3.subjects.PublishSubject;
import io.reactivex.rxjava3.subjects.Subject;
import io.streamz.Stream;
import java.util.concurrent.TimeUnit;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Predicate;
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
 * A filter that keeps every other element, then a running reduction: a stateful node. Reactor
 * and RxJava spell {@code accumulate} without a start as {@code scan}.
 *
 * <pre>{@code
 * source.filter(x -> x % 2 == 0).accumulate((acc, x) -> (acc + x) & 127).sink(out)
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class FilterAccumulate {
    static final int EVENTS = 100_000;
    static final Predicate<Integer> EVEN = x -> (x & 1) == 0;
    static final BinaryOperator<Integer> ADD = (acc, x) -> (acc + x) & 127;

    private Consumer<Object> out;
    private Stream<Integer> source;
    private Sinks.Many<Integer> reactorSink;
    private PublishSubject<Integer> subject;
    private Stream<Integer> confined;
    private Subject<Integer> serialized;
    private Integer state;

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
        reactorSink.asFlux().filter(EVEN).scan(ADD).subscribe(out);

        subject = observable(PublishSubject.create(), out);
        serialized = observable(PublishSubject.<Integer>create(), out).toSerialized();
    }

    /** Our pipeline from {@code source} into {@code out}. */
    static Stream<Integer> graph(Stream<Integer> source, Consumer<Object> out) {
        source.filter(EVEN).accumulate(ADD).sink(out);
        return source;
    }

    /** RxJava's pipeline from {@code subject} into {@code out}. */
    static <S extends Subject<Integer>> S observable(S subject, Consumer<Object> out) {
        subject.filter(EVEN::test).scan(ADD::apply).subscribe(out::accept);
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
            Integer x = Inputs.at(i);
            if (EVEN.test(x)) {
                state = state == null ? x : ADD.apply(state, x);
                out.accept(state);
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
