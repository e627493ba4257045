package io.streamz.benchmarks;

import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.subjects.PublishSubject;
import io.streamz.Stream;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Elements collected into 10 ms windows by a timer on another thread: {@code timedWindow("10ms")},
 * Reactor's and RxJava's {@code buffer(Duration)}. The score is the cost of one {@code emit} while
 * the timer ticks (events per second = 10^9 / score); the loop guards a list with a monitor and
 * swaps it on its own 10 ms timer.
 *
 * <pre>{@code
 * source.timedWindow(Duration.ofMillis(10)).sink(out)
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class TimedWindow {
    static final int EVENTS = 100_000;
    static final Duration INTERVAL = Duration.ofMillis(10);

    private Stream<Integer> source;
    private Stream<List<Integer>> window;
    private Sinks.Many<Integer> reactorSink;
    private reactor.core.Disposable reactorSubscription;
    private PublishSubject<Integer> subject;
    private Disposable rxSubscription;
    private volatile Object lock = new Object();
    private List<Integer> loopWindow = new ArrayList<>();
    private reactor.core.Disposable loopTimer;

    @Setup
    public void build(Blackhole bh) {
        build(bh::consume, Schedulers.parallel(), io.reactivex.rxjava3.schedulers.Schedulers.computation());
    }

    /** Builds every contender's pipeline into {@code out}, with the given timers. */
    void build(Consumer<Object> out, Scheduler timer, io.reactivex.rxjava3.core.Scheduler rxTimer) {
        source = Stream.create();
        window = source.timedWindow(INTERVAL, timer);
        window.sink(out);

        reactorSink = Sinks.many().multicast().directBestEffort();
        reactorSubscription = reactorSink.asFlux().buffer(INTERVAL, timer).subscribe(out);

        subject = PublishSubject.create();
        rxSubscription = subject.buffer(INTERVAL.toNanos(), TimeUnit.NANOSECONDS, rxTimer).subscribe(out::accept);

        long every = INTERVAL.toNanos();
        loopTimer = timer.schedulePeriodically(() -> {
            List<Integer> full;
            synchronized (lock) {
                full = loopWindow;
                loopWindow = new ArrayList<>();
            }
            out.accept(full);
        }, every, every, TimeUnit.NANOSECONDS);
    }

    @TearDown
    public void stopTimers() {
        window.destroy();
        reactorSubscription.dispose();
        rxSubscription.dispose();
        loopTimer.dispose();
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
            // read per element (volatile) so the JIT cannot merge consecutive lock regions
            synchronized (lock) {
                loopWindow.add(x);
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
