package io.streamz.benchmarks;

import io.reactivex.rxjava3.subjects.PublishSubject;
import io.reactivex.rxjava3.subjects.Subject;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamz.Stream;
import io.streamz.metrics.GraphMetrics;
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
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Sinks;

/**
 * One map, then a sink: the cost of {@code emit} itself and of two nodes.
 *
 * <p>What metrics cost, beside {@code streamz} (metrics off): {@code streamzCounts} is the same
 * graph bound to a Micrometer registry ({@code GraphMetrics}), which turns on the graph's
 * counters of elements in and out; {@code streamzTiming} the same with
 * {@code GraphMetrics.withTiming()}, which also times each node. The meters read the counters
 * only when the registry publishes, so this is the cost per element.
 *
 * <p>{@code streamzConfined} is the same graph confined to one thread ({@code Stream.confined()}):
 * no atomic instruction per {@code emit}, like RxJava's plain subject.
 *
 * <p>{@code rxjavaSerialized} is a reference point outside the four contenders: RxJava's subject
 * made safe for concurrent {@code onNext} ({@code toSerialized()}), the guarantee our {@code emit}
 * and Reactor's sink always give.
 *
 * <pre>{@code
 * source.map(x -> (x + 1) & 127).sink(out)
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class MapSink {
    static final int EVENTS = 100_000;
    static final Function<Integer, Integer> INC = x -> (x + 1) & 127;

    private Consumer<Object> out;
    private Stream<Integer> source;
    private Stream<Integer> confined;
    private Stream<Integer> counted;
    private Stream<Integer> timed;
    private Sinks.Many<Integer> reactorSink;
    private PublishSubject<Integer> subject;
    private Subject<Integer> serialized;

    @Setup
    public void build(Blackhole bh) {
        build(bh::consume);
    }

    /** Builds every contender's pipeline into {@code out}. */
    void build(Consumer<Object> out) {
        this.out = out;
        source = Stream.create();
        source.map(INC).sink(out);

        confined = Stream.<Integer>create().confined();
        confined.map(INC).sink(out);

        counted = Stream.create();
        counted.map(INC).sink(out);
        GraphMetrics.of(counted).bindTo(new SimpleMeterRegistry());

        timed = Stream.create();
        timed.map(INC).sink(out);
        GraphMetrics.of(timed).withTiming().bindTo(new SimpleMeterRegistry());

        reactorSink = Sinks.many().multicast().directBestEffort();
        reactorSink.asFlux().map(INC).subscribe(out);

        subject = PublishSubject.create();
        subject.map(INC::apply).subscribe(out::accept);

        PublishSubject<Integer> plain = PublishSubject.create();
        plain.map(INC::apply).subscribe(out::accept);
        serialized = plain.toSerialized();
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
    public void streamzConfined() {
        Inputs.emitAll(confined, EVENTS, false);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void streamzCounts() {
        for (int i = 0; i < EVENTS; i++) {
            counted.emit(Inputs.at(i));
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void streamzTiming() {
        for (int i = 0; i < EVENTS; i++) {
            timed.emit(Inputs.at(i));
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void loop() {
        for (int i = 0; i < EVENTS; i++) {
            out.accept(INC.apply(Inputs.at(i)));
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
    public void rxjavaSerialized() {
        for (int i = 0; i < EVENTS; i++) {
            serialized.onNext(Inputs.at(i));
        }
    }
}
