package io.streamz.benchmarks;

import io.reactivex.rxjava3.subjects.PublishSubject;
import io.reactivex.rxjava3.subjects.Subject;
import io.streamz.Stream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
 * Drops elements seen among the last 100 distinct ones (least recently seen forgotten first, as
 * streamz's LRU): {@code unique(100)}. Reactor and RxJava have no bounded {@code unique}; their
 * {@code distinct} is given the same LRU set as its collection. The input is random in
 * -128..127, so about half the elements pass.
 *
 * <pre>{@code
 * source.unique(100).sink(out)
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class Unique100 {
    static final int EVENTS = 100_000;
    static final int MAXSIZE = 100;

    private Consumer<Object> out;
    private Stream<Integer> source;
    private Sinks.Many<Integer> reactorSink;
    private PublishSubject<Integer> subject;
    private Stream<Integer> confined;
    private Subject<Integer> serialized;
    private final Set<Integer> seen = lruSet();

    /** A set that remembers the {@link #MAXSIZE} most recently added or re-added elements. */
    static <K> Set<K> lruSet() {
        return Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Boolean> eldest) {
                return size() > MAXSIZE;
            }
        });
    }

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
        reactorSink.asFlux().distinct(Function.identity(), Unique100::lruSet).subscribe(out);

        subject = observable(PublishSubject.create(), out);
        serialized = observable(PublishSubject.<Integer>create(), out).toSerialized();
    }

    /** Our pipeline from {@code source} into {@code out}. */
    static Stream<Integer> graph(Stream<Integer> source, Consumer<Object> out) {
        source.unique(MAXSIZE).sink(out);
        return source;
    }

    /** RxJava's pipeline from {@code subject} into {@code out}. */
    static <S extends Subject<Integer>> S observable(S subject, Consumer<Object> out) {
        subject.distinct(x -> x, Unique100::lruSet).subscribe(out::accept);
        return subject;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void streamz() {
        for (int i = 0; i < EVENTS; i++) {
            source.emit(Inputs.randomAt(i));
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void loop() {
        for (int i = 0; i < EVENTS; i++) {
            Integer x = Inputs.randomAt(i);
            if (seen.add(x)) {
                out.accept(x);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void reactor() {
        for (int i = 0; i < EVENTS; i++) {
            reactorSink.emitNext(Inputs.randomAt(i), Sinks.EmitFailureHandler.FAIL_FAST);
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void rxjava() {
        for (int i = 0; i < EVENTS; i++) {
            subject.onNext(Inputs.randomAt(i));
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void streamzConfined() {
        Inputs.emitAll(confined, EVENTS, true);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void rxjavaSerialized() {
        Inputs.onNextAll(serialized, EVENTS, true);
    }
}
