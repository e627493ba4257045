package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.testing.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/** sinkAsync, mapAsync and their Publisher twins; emit, emitAsync and buffer under back-pressure. */
@Timeout(60)
class BackPressureTest {
    @RegisterExtension
    final VirtualClock clock = new VirtualClock();

    private static List<Map<String, Object>> ref(RefCounter r) {
        return List.of(Map.of("ref", r));
    }

    // ------------------------------------------------------------------ sinkAsync

    @Test
    void emitWaitsForAnAsyncSinksStage() {
        Stream<Integer> source = Stream.create();
        List<Integer> written = new CopyOnWriteArrayList<>();
        source.map(x -> x + 1).sinkAsync(x -> CompletableFuture.runAsync(() -> written.add(x)));
        for (int i = 0; i < 20; i++) {
            source.emit(i);
            assertThat(written).hasSize(i + 1);
        }
    }

    @Test
    void emitAsyncCompletesWhenTheSinkIsDoneAndHoldsRefsMeanwhile() {
        // streamz test_separate_thread_with_time, on virtual time
        Stream<Integer> source = Stream.create();
        List<Integer> written = new ArrayList<>();
        source.map(x -> x + 1).sinkAsync(x -> Mono.delay(Duration.ofMillis(100)).doOnNext(t -> written.add(x)).toFuture());
        RefCounter r = new RefCounter();
        CompletableFuture<Void> done = source.emitAsync(1, ref(r));
        assertThat(done).isNotDone();
        assertThat(r.count()).isEqualTo(1);
        clock.advance(99);
        assertThat(done).isNotDone();
        clock.advance(1);
        assertThat(done).isDone();
        assertThat(written).containsExactly(2);
        assertThat(r.count()).isZero();
    }

    @Test
    void emitWaitingForAnAsyncSinkLetsTimersIntoTheGraph() throws Exception {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> windows = source.timedWindow("10ms").sinkToList();
        CountDownLatch called = new CountDownLatch(1);
        source.sinkAsync(x -> {
            CompletableFuture<Long> written = Mono.delay(Duration.ofMillis(100)).toFuture();
            called.countDown();
            return written;
        });
        CompletableFuture<Void> emitter = CompletableFuture.runAsync(() -> source.emit(7));
        assertThat(called.await(10, TimeUnit.SECONDS)).isTrue();
        clock.advance(50);    // ticks enter the graph while emit(7) waits in it
        assertThat(windows).startsWith(List.of(), List.of(7), List.of());
        assertThat(emitter).isNotDone();
        clock.advance(50);
        emitter.get(10, TimeUnit.SECONDS);
    }

    @Test
    void asyncSinkFailuresReachEmitNamingTheNode() {
        Stream<Integer> source = Stream.create();
        source.sinkAsync(x -> x == 0
                ? CompletableFuture.failedFuture(new IllegalStateException("disk full"))
                : CompletableFuture.completedFuture(null)).named("store");
        source.emit(1);
        assertThatThrownBy(() -> source.emit(0))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("sinkAsync \"store\"")
                .hasMessageContaining("element 0")
                .hasCauseInstanceOf(IllegalStateException.class);
        Stream<Integer> other = Stream.create();
        other.sinkAsync(x -> null);
        assertThatThrownBy(() -> other.emit(1))
                .isInstanceOf(NodeException.class)
                .hasRootCauseMessage("sinkAsync: returned stage is null");
        assertThatThrownBy(() -> other.sinkAsync(null)).hasMessage("sinkAsync: func is null");
    }

    @Test
    void sinkPublisherWaitsForThePublisherToComplete() {
        Stream<Integer> source = Stream.create();
        List<Long> seen = new ArrayList<>();
        source.sinkPublisher(x -> Flux.interval(Duration.ofMillis(10)).take(x).doOnNext(seen::add));
        CompletableFuture<Void> done = source.emitAsync(3);
        clock.advance(20);
        assertThat(done).isNotDone();
        clock.advance(10);
        assertThat(done).isDone();
        assertThat(seen).containsExactly(0L, 1L, 2L);
        assertThatThrownBy(() -> source.emit(-1)).isInstanceOf(NodeException.class).hasMessageContaining("sinkPublisher");
    }

    @Test
    void aBufferInFrontOfASlowSinkLetsTheSourceRunAheadByN() {
        // streamz test_await_syntax: six awaited emits into buffer(3) and a 100ms sink take 200-400ms
        Stream<Integer> source = Stream.create();
        List<Integer> written = new ArrayList<>();
        source.map(x -> x + 1).buffer(3).sinkAsync(x -> Mono.delay(Duration.ofMillis(100))
                .doOnNext(t -> written.add(x)).toFuture());
        long start = clock.now(TimeUnit.MILLISECONDS);
        for (int x = 0; x < 6; x++) {
            CompletableFuture<Void> emitted = source.emitAsync(x);
            while (!emitted.isDone()) {
                clock.advance(1);
            }
        }
        long took = clock.now(TimeUnit.MILLISECONDS) - start;
        assertThat(took).isEqualTo(200L);   // x=4 waits for the first write, x=5 for the second
        assertThat(written).hasSizeBetween(2, 4).containsExactly(1, 2);
    }

    // ------------------------------------------------------------------ mapAsync

    @Test
    void mapAsyncEmitsResultsWhenTheirStagesComplete() {
        Stream<Integer> source = Stream.create();
        List<String> out = source.mapAsync(x -> Mono.delay(Duration.ofMillis(10 * x)).map(t -> "r" + x).toFuture())
                .sinkToList();
        RefCounter r = new RefCounter();
        CompletableFuture<Void> slow = source.emitAsync(3, ref(r));
        CompletableFuture<Void> fast = source.emitAsync(1);
        assertThat(r.count()).isEqualTo(1);
        clock.advance(10);
        assertThat(out).containsExactly("r1");
        assertThat(fast).isDone();
        assertThat(slow).isNotDone();
        clock.advance(20);
        assertThat(out).containsExactly("r1", "r3");
        assertThat(slow).isDone();
        assertThat(r.count()).isZero();
    }

    @Test
    void mapAsyncWaitsForTheResultsDownstreamWorkAndReportsFailures() {
        Stream<Integer> source = Stream.create();
        List<Integer> written = new ArrayList<>();
        source.mapAsync(x -> CompletableFuture.completedFuture(10 / x)).named("invert")
                .sinkAsync(y -> Mono.delay(Duration.ofMillis(5)).doOnNext(t -> written.add(y)).toFuture());
        CompletableFuture<Void> done = source.emitAsync(2);
        assertThat(done).isNotDone();
        clock.advance(5);
        assertThat(done).isDone();
        assertThat(written).containsExactly(5);
        assertThatThrownBy(() -> source.emit(0)).isInstanceOf(NodeException.class)
                .hasMessageContaining("mapAsync \"invert\"")
                .hasCauseInstanceOf(ArithmeticException.class);
        Stream<Integer> failing = Stream.create();
        failing.mapAsync(x -> CompletableFuture.failedFuture(new IllegalStateException("no"))).sinkToList();
        assertThatThrownBy(() -> failing.emit(1)).isInstanceOf(NodeException.class)
                .hasMessageContaining("mapAsync").hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void mapPublisherEmitsTheFirstValueOrNothing() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.mapPublisher(x -> x < 0 ? Mono.<Integer>empty()
                : Flux.just(x * 2, x * 3).delayElements(Duration.ofMillis(10))).sinkToList();
        CompletableFuture<Void> done = source.emitAsync(1);
        clock.advance(10);
        assertThat(done).isDone();
        source.emit(-1);
        clock.advance(100);
        assertThat(out).containsExactly(2);
    }

    // ------------------------------------------------------------------ joins behind asynchronous nodes

    @Test
    void zipPairsElementsThatArriveFromAsynchronousUpstreams() {
        Stream<Integer> a = Stream.create();
        Stream<String> b = Stream.create();
        Stream<Integer> slowA = a.mapAsync(x -> Mono.delay(Duration.ofMillis(10)).map(t -> x).toFuture());
        List<List<Object>> out = slowA.zip(b.delay("25ms")).sinkToList();
        List<CompletableFuture<Void>> emits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            emits.add(a.emitAsync(i));
            emits.add(b.emitAsync("b" + i));
        }
        clock.advance(10);
        assertThat(out).isEmpty();
        clock.advance(15);
        assertThat(out).containsExactly(List.of(0, "b0"), List.of(1, "b1"), List.of(2, "b2"));
        clock.advance(100);
        assertThat(emits).allSatisfy(f -> assertThat(f).isDone());
    }

    @Test
    void combineLatestCombinesElementsFromAsynchronousUpstreams() {
        Stream<Integer> a = Stream.create();
        Stream<String> b = Stream.create();
        List<List<Object>> out = a.rateLimit("10ms").combineLatest(b.delay("5ms")).sinkToList();
        a.emitAsync(1);
        a.emitAsync(2);
        b.emitAsync("x");
        assertThat(out).isEmpty();
        clock.advance(5);
        assertThat(out).containsExactly(List.of(1, "x"));
        clock.advance(5);
        assertThat(out).containsExactly(List.of(1, "x"), List.of(2, "x"));
    }

    // ------------------------------------------------------------------ serialisation

    @Test
    void timerCallbacksNeverRunAtOnceWithEmitsFromAnotherThread() throws Exception {
        Stream<Integer> source = Stream.create();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicLong total = new AtomicLong();
        source.map(x -> check(inside, overlaps, x))
                .timedWindow("1ms")
                .sink(w -> total.addAndGet(check(inside, overlaps, w).size()));
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<Integer> emitter = CompletableFuture.supplyAsync(() -> {
            int n = 0;
            while (!stop.get()) {
                source.emit(n++);
            }
            return n;
        });
        while (total.get() == 0) {
            clock.advance(1);     // until windows with elements flush on this thread
        }
        for (int tick = 0; tick < 2000; tick++) {
            clock.advance(1);     // windows flush on this thread while the other one emits
        }
        stop.set(true);
        int emitted = emitter.get(30, TimeUnit.SECONDS);
        clock.advance(1);
        assertThat(total.get()).isEqualTo(emitted);
        assertThat(overlaps.get()).isZero();
    }

    private static <X> X check(AtomicInteger inside, AtomicInteger overlaps, X x) {
        if (inside.incrementAndGet() != 1) {
            overlaps.incrementAndGet();
        }
        for (int i = 0; i < 200; i++) {
            Thread.onSpinWait();   // long enough for an overlap to be seen if there were one
        }
        inside.decrementAndGet();
        return x;
    }

    // ------------------------------------------------------------------ buffer bound

    /**
     * A fast producer pushes a million elements through {@code buffer(100)} into a slow
     * asynchronous sink that completes on another thread. An element counts as held from just
     * before its {@code emit} until the sink finished it; at most {@code n + 2} are ever held: the
     * buffer's {@code n} waiting, the one the sink works on and the one whose {@code emit} waits.
     */
    @Test
    void bufferNeverHoldsMoreThanNPlusTwo() throws Exception {
        VirtualTimeScheduler.reset();   // this test measures a bound, with a real executor
        int total = 1_000_000;
        int n = 100;
        ExecutorService sinkThread = Executors.newSingleThreadExecutor();
        try {
            Stream<Integer> source = Stream.create();
            AtomicLong finished = new AtomicLong();
            CompletableFuture<Void> allDone = new CompletableFuture<>();
            source.buffer(n).sinkAsync(x -> CompletableFuture.runAsync(() -> {
                if (finished.incrementAndGet() == total) {
                    allDone.complete(null);
                }
            }, sinkThread));
            long maxHeld = 0;
            for (int i = 0; i < total; i++) {
                maxHeld = Math.max(maxHeld, i + 1 - finished.get());
                source.emit(i);
            }
            allDone.get(30, TimeUnit.SECONDS);
            assertThat(finished.get()).isEqualTo(total);
            assertThat(maxHeld).isLessThanOrEqualTo(n + 2).isGreaterThan(n / 2);
        } finally {
            sinkThread.shutdownNow();
        }
    }
}
