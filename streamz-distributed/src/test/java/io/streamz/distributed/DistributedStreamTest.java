package io.streamz.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.streamz.NodeException;
import io.streamz.RefCounter;
import io.streamz.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The distributed operators on the local engine: results, order, back-pressure, failures, refs. */
class DistributedStreamTest {
    /** Gates the tasks of a test wait on, by element; static so that the task lambdas capture nothing. */
    static final Map<Integer, CountDownLatch> GATES = new ConcurrentHashMap<>();
    static final AtomicInteger RUNNING = new AtomicInteger();
    static final AtomicInteger MOST_RUNNING = new AtomicInteger();

    private LocalEngine engine;

    @BeforeEach
    void start() {
        engine = LocalEngine.threads(8);
        GATES.clear();
        RUNNING.set(0);
        MOST_RUNNING.set(0);
    }

    @AfterEach
    void stop() {
        GATES.values().forEach(CountDownLatch::countDown);
        engine.close();
    }

    /** Waits for its gate, counting how many tasks wait at once. */
    static int gated(int x) throws InterruptedException {
        MOST_RUNNING.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
        try {
            assertThat(GATES.computeIfAbsent(x, k -> new CountDownLatch(1)).await(30, TimeUnit.SECONDS)).isTrue();
            return x;
        } finally {
            RUNNING.decrementAndGet();
        }
    }

    static void open(int x) {
        GATES.computeIfAbsent(x, k -> new CountDownLatch(1)).countDown();
    }

    static int gatedUnchecked(int x) {
        try {
            return gated(x);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void scatterMapBufferGatherIsTheSeedExample() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = Distributed.scatter(source, engine).map(x -> x + 1).buffer(8).gather().sinkToList();
        for (int i = 0; i < 10; i++) {
            source.emit(i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> out.size() == 10);
        assertThat(out).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void gatherKeepsTheOrderWhenTasksFinishInReverse() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = Distributed.scatter(source, engine).map(DistributedStreamTest::gatedUnchecked)
                .buffer(4).gather().sinkToList();
        for (int i = 0; i < 4; i++) {
            source.emit(i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> RUNNING.get() == 4);
        for (int i = 3; i >= 0; i--) {
            open(i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> out.size() == 4);
        assertThat(out).containsExactly(0, 1, 2, 3);
    }

    @Test
    void bufferBoundsTheTasksInFlightAndBlocksEmit() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = Distributed.scatter(source, engine).map(DistributedStreamTest::gatedUnchecked)
                .buffer(2).gather().sinkToList();
        for (int i = 0; i < 3; i++) {
            source.emit(i);   // one at gather, two in the buffer
        }
        // as in streamz, the map has sent the fourth task before the full buffer holds its emit
        CompletableFuture<Void> fourth = source.emitAsync(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> RUNNING.get() == 4);
        assertThat(fourth).isNotDone();   // back-pressure reached the source

        open(0);
        await().atMost(Duration.ofSeconds(30)).until(fourth::isDone);
        for (int i = 1; i < 5; i++) {
            open(i);
        }
        source.emit(4);
        await().atMost(Duration.ofSeconds(30)).until(() -> out.size() == 5);
        assertThat(out).containsExactly(0, 1, 2, 3, 4);
        assertThat(MOST_RUNNING.get()).isEqualTo(4);   // n + 2: at gather, n buffered, one waiting to enter
    }

    @Test
    void withoutBufferEachEmitWaitsForItsTask() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = Distributed.scatter(source, engine).map(x -> x * 2).gather().sinkToList();
        source.emit(1);
        assertThat(out).containsExactly(2);   // emit returned after the task and the sink
        source.emit(2);
        assertThat(out).containsExactly(2, 4);
    }

    @Test
    void starmapSplaysPairs() {
        Stream<List<Integer>> pairs = Stream.create();
        List<Integer> out = Distributed.scatter(pairs, engine)
                .<Integer, Integer, Integer>starmap((a, b) -> a + b).gather().sinkToList();
        pairs.emit(List.of(1, 2));
        pairs.emit(List.of(10, 20));
        assertThat(out).containsExactly(3, 30);
    }

    @Test
    void filterDropsElementsAndLaterTasksSkipThem() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = Distributed.scatter(source, engine).filter(x -> x % 2 == 0).map(x -> x * 10)
                .buffer(4).gather().sinkToList();
        for (int i = 0; i < 6; i++) {
            source.emit(i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> out.size() == 3);
        assertThat(out).containsExactly(0, 20, 40);
    }

    @Test
    void windowsAfterFilterCountOnlyKeptElements() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> out = Distributed.scatter(source, engine).filter(x -> x % 2 == 0).partition(2)
                .gather().sinkToList();
        for (int i = 0; i < 8; i++) {
            source.emit(i);
        }
        assertThat(out).containsExactly(List.of(0, 2), List.of(4, 6));
    }

    @Test
    void accumulateChainsTheStateFromTheFirstElement() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = Distributed.scatter(source, engine).accumulate(Integer::sum).buffer(8).gather().sinkToList();
        for (int i = 1; i <= 4; i++) {
            source.emit(i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> out.size() == 4);
        assertThat(out).containsExactly(1, 3, 6, 10);
    }

    @Test
    void accumulateWithStartAndAFailureThatLeavesTheState() {
        Stream<String> words = Stream.create();
        List<Integer> out = Distributed.scatter(words, engine)
                .accumulate((Integer n, String w) -> n + Integer.parseInt(w), 0).gather().sinkToList();
        words.emit("2");
        assertThatThrownBy(() -> words.emit("x")).isInstanceOf(NodeException.class)
                .hasMessage("accumulate failed on element \"x\": java.lang.NumberFormatException: For input string: \"x\"");
        words.emit("3");
        assertThat(out).containsExactly(2, 5);
    }

    @Test
    void zipAndCombineLatestPairFutures() {
        Stream<Integer> a = Stream.create();
        Stream<String> b = Stream.create();
        DistributedStream<Integer> da = Distributed.scatter(a, engine);
        List<List<Object>> zipped = da.zip(da.map(x -> x * 10)).gather().sinkToList();
        List<List<Object>> latest = da.combineLatest(Distributed.scatter(b, engine)).gather().sinkToList();
        a.emit(1);
        b.emit("x");
        a.emit(2);
        assertThat(zipped).containsExactly(List.of(1, 10), List.of(2, 20));
        assertThat(latest).containsExactly(List.of(1, "x"), List.of(2, "x"));
    }

    @Test
    void slidingWindowAndUnion() {
        Stream<Integer> a = Stream.create();
        Stream<Integer> c = Stream.create();
        List<List<Integer>> windows = Distributed.scatter(a, engine).slidingWindow(2).gather().sinkToList();
        List<Integer> merged = Distributed.scatter(a, engine).union(Distributed.scatter(c, engine)).gather().sinkToList();
        a.emit(0);
        c.emit(5);
        a.emit(1);
        assertThat(windows).containsExactly(List.of(0), List.of(0, 1));
        assertThat(merged).containsExactly(0, 5, 1);
    }

    @Test
    void timeOperatorsRunOnTheGraphsClock() {
        VirtualTimeScheduler clock = VirtualTimeScheduler.getOrSet();
        try {
            Stream<Integer> source = Stream.create();
            List<List<Integer>> out = Distributed.scatter(source, engine).map(x -> x + 1)
                    .timedWindow(Duration.ofSeconds(1), clock).gather().sinkToList();
            List<Integer> delayed = Distributed.scatter(source, engine).delay(Duration.ofSeconds(2), clock)
                    .gather().sinkToList();
            source.emit(1);
            source.emit(2);
            clock.advanceTimeBy(Duration.ofSeconds(1));
            await().atMost(Duration.ofSeconds(30)).until(() -> out.size() == 2);
            assertThat(out).containsExactly(List.of(), List.of(2, 3));   // streamz's first, empty window
            assertThat(delayed).isEmpty();
            clock.advanceTimeBy(Duration.ofSeconds(1));
            await().atMost(Duration.ofSeconds(30)).until(() -> delayed.size() == 2);
            assertThat(delayed).containsExactly(1, 2);
        } finally {
            VirtualTimeScheduler.reset();
        }
    }

    @Test
    void aTaskFailureReachesEmitNamingTheNodeThatRanIt() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = Distributed.scatter(source, engine).map(x -> 10 / x).named("invert").gather().sinkToList();
        assertThatThrownBy(() -> source.emit(0)).isInstanceOf(NodeException.class)
                .hasMessage("map \"invert\" failed on element 0: java.lang.ArithmeticException: / by zero")
                .hasCauseInstanceOf(ArithmeticException.class);
        source.emit(5);
        assertThat(out).containsExactly(2);
    }

    @Test
    void aFunctionThatCannotTravelFailsWhenTheGraphIsBuilt() {
        Object local = new Object();
        DistributedStream<Integer> d = Distributed.scatter(Stream.<Integer>create(), engine);
        assertThatThrownBy(() -> d.map(x -> x + local.hashCode()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("map: func cannot be sent to the engine (it, or what it captures, is not"
                        + " serialisable): java.io.NotSerializableException: java.lang.Object");
        assertThatThrownBy(() -> d.filter(x -> x == local.hashCode()))
                .hasMessageStartingWith("filter: predicate cannot be sent to the engine");
    }

    @Test
    void refsAreReleasedOnlyAfterGatherEmitted() {
        Stream<Integer> source = Stream.create();
        List<Integer> seenAtRelease = new ArrayList<>();
        List<Integer> out = Distributed.scatter(source, engine).map(DistributedStreamTest::gatedUnchecked)
                .buffer(4).gather().sinkToList();
        RefCounter ref = new RefCounter(() -> seenAtRelease.addAll(out));
        source.emit(7, List.of(Map.of("ref", ref)));
        assertThat(ref.count()).isPositive();   // held while the task runs
        open(7);
        await().atMost(Duration.ofSeconds(30)).until(() -> ref.count() == 0);
        assertThat(seenAtRelease).containsExactly(7);
    }

    @Test
    void parallelIsTheShortFormWithItsOwnBuffer() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.as(Distributed.parallel(3)).map(DistributedStreamTest::gatedUnchecked)
                .gather().sinkToList();
        for (int i = 0; i < 4; i++) {
            source.emit(i);   // the fifth would wait: 1 at gather and 3 buffered
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> RUNNING.get() == 4);
        for (int i = 0; i < 4; i++) {
            open(i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> out.size() == 4);
        assertThat(out).containsExactly(0, 1, 2, 3);
    }

    @Test
    void scatterFitsStreamAs() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.as(Distributed::scatter).map(x -> x + 1).gather().sinkToList();
        List<Integer> out2 = source.as(Distributed.scatter(engine)).map(x -> x + 2).gather().sinkToList();
        source.emit(1);
        assertThat(out).containsExactly(2);
        assertThat(out2).containsExactly(3);
    }

    @Test
    void aDistributedStreamIsNotAStreamSoLocalNodesCannotReceiveFutures() {
        assertThat(Stream.class.isAssignableFrom(DistributedStream.class)).isFalse();
        assertThat(Distributed.scatter(Stream.<Integer>create(), engine).map(x -> x).toString())
                .isEqualTo("distributed(local(threads=8)) -> map");
    }

    @Test
    void nullIsAnOrdinaryElement() {
        Stream<String> source = Stream.create();
        List<String> out = Distributed.scatter(source, engine).map(x -> x).gather().sinkToList();
        source.emit(null);
        assertThat(out).containsExactly((String) null);
    }

    @Test
    void badArguments() {
        DistributedStream<Integer> d = Distributed.scatter(Stream.<Integer>create(), engine);
        assertThatThrownBy(() -> d.buffer(0)).hasMessage("buffer: n must be >= 1, was 0");
        assertThatThrownBy(() -> d.map(null)).hasMessage("map: func is null");
        assertThatThrownBy(() -> Distributed.parallel(0)).hasMessage("parallel: n must be >= 1, was 0");
        assertThatThrownBy(() -> LocalEngine.threads(0)).hasMessage("LocalEngine.threads: n must be >= 1, was 0");
        assertThatThrownBy(() -> Distributed.scatter(null, engine)).hasMessage("scatter: stream is null");
    }
}
