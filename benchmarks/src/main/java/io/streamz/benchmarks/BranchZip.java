package io.streamz.benchmarks;

import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.subjects.PublishSubject;
import io.reactivex.rxjava3.subjects.Subject;
import io.streamz.Stream;
import java.util.concurrent.TimeUnit;
import java.util.function.BinaryOperator;
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
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Two maps of one source, zipped back together and summed: branching and a join. streamz's
 * {@code zip} emits a tuple (a {@code List}) that a map then sums; Reactor and RxJava take the
 * summing function in {@code zip} itself, their usual spelling.
 *
 * <pre>{@code
 * Stream<Integer> a = source.map(x -> (x + 1) & 127);
 * Stream<Integer> b = source.map(x -> (x * 2) & 127);
 * a.zip(b).map(t -> ((Integer) t.get(0) + (Integer) t.get(1)) & 127).sink(out)
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class BranchZip {
    static final int EVENTS = 100_000;
    static final Function<Integer, Integer> INC = x -> (x + 1) & 127;
    static final Function<Integer, Integer> DOUBLE = x -> (x * 2) & 127;
    static final BinaryOperator<Integer> ADD = (a, b) -> (a + b) & 127;

    private Consumer<Object> out;
    private Stream<Integer> source;
    private Sinks.Many<Integer> reactorSink;
    private PublishSubject<Integer> subject;
    private Stream<Integer> confined;
    private Subject<Integer> serialized;

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
        Flux<Integer> flux = reactorSink.asFlux();
        Flux.zip(flux.map(INC), flux.map(DOUBLE), ADD).subscribe(out);

        subject = observable(PublishSubject.create(), out);
        serialized = observable(PublishSubject.<Integer>create(), out).toSerialized();
    }

    /** Our pipeline from {@code source} into {@code out}. */
    static Stream<Integer> graph(Stream<Integer> source, Consumer<Object> out) {
        source.map(INC).zip(source.map(DOUBLE))
                .map(t -> ADD.apply((Integer) t.get(0), (Integer) t.get(1)))
                .sink(out);
        return source;
    }

    /** RxJava's pipeline from {@code subject} into {@code out}. */
    static <S extends Subject<Integer>> S observable(S subject, Consumer<Object> out) {
        Observable.zip(subject.map(INC::apply), subject.map(DOUBLE::apply), ADD::apply).subscribe(out::accept);
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
            out.accept(ADD.apply(INC.apply(x), DOUBLE.apply(x)));
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
