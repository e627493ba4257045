package io.streamz.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.streamz.ErrorPolicy;
import io.streamz.Failure;
import io.streamz.NodeException;
import io.streamz.RefCounter;
import io.streamz.Signal;
import io.streamz.Source;
import io.streamz.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Errors as data, counters and the end of the input through scatter/gather, on the local engine
 * (well under a second). The same across cluster members is in streamz-hazelcast's tests.
 */
class DistributedErrorsAndSignalsTest {
    /** Calls per element, so that a task can fail on its first attempts only. */
    static final Map<Integer, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    private LocalEngine engine;

    @BeforeEach
    void start() {
        engine = LocalEngine.threads(4);
        CALLS.clear();
        DistributedStreamTest.GATES.clear();
    }

    @AfterEach
    void stop() {
        DistributedStreamTest.GATES.values().forEach(java.util.concurrent.CountDownLatch::countDown);
        engine.close();
    }

    /** Fails the first {@code failures} calls on each element, then returns it. */
    static int failingFirst(int x, int failures) {
        if (CALLS.computeIfAbsent(x, k -> new AtomicInteger()).incrementAndGet() <= failures) {
            throw new IllegalStateException("attempt failed on " + x);
        }
        return x;
    }

    @Test
    void skipDropsTheFailedElementWhereItIsGatheredAndCountsItOnTheMapNode() {
        Stream<Integer> source = Stream.create();
        DistributedStream<Integer> inverted = Distributed.scatter(source, engine).map(x -> 10 / x).onError(ErrorPolicy.skip());
        List<Integer> out = inverted.buffer(4).gather().sinkToList();
        for (int x : new int[] {5, 0, 2}) {
            source.emit(x);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> out.size() == 2);
        assertThat(out).containsExactly(2, 5);
        assertThat(inverted.stats().skipped()).isEqualTo(1);
        assertThat(inverted.stats().failed()).isZero();
    }

    @Test
    void aSkippedFailureInsideAWindowOrAJoinDropsTheWholeGroup() {
        Stream<Integer> source = Stream.create();
        DistributedStream<Integer> inverted = Distributed.scatter(source, engine).map(x -> 10 / x).onError(ErrorPolicy.skip());
        List<List<Integer>> windows = inverted.partition(2).gather().sinkToList();
        List<List<Object>> pairs = inverted.zip(inverted.map(x -> x + 1)).gather().sinkToList();
        for (int x : new int[] {5, 0, 2, 1, 0, 0}) {
            source.emit(x);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> windows.size() == 1 && pairs.size() == 3);
        assertThat(windows).containsExactly(List.of(5, 10));   // the windows of 5, 0 and of 0, 0 went with their failures
        assertThat(pairs).containsExactly(List.of(2, 3), List.of(5, 6), List.of(10, 11));
        // a failed group counts once, for its first failed element: two windows and the pairs of the three zeros
        assertThat(inverted.stats().skipped()).isEqualTo(5);
    }

    @Test
    void aRoutedFailureInsideAWindowIsTheFirstFailedElementsAndTheGroupIsDropped() {
        Stream<Integer> source = Stream.create();
        DistributedStream<Integer> inverted = Distributed.scatter(source, engine).map(x -> 10 / x);
        List<Object> bad = inverted.errors().map(Failure::element).sinkToList();
        List<List<Integer>> windows = inverted.partition(3).gather().sinkToList();
        for (int x : new int[] {0, 5, 0, 2, 5, 10}) {
            source.emit(x);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> windows.size() == 1 && bad.size() == 1);
        assertThat(windows).containsExactly(List.of(5, 2, 1));
        assertThat(bad).containsExactly(0);   // one failure for the window of 0, 5, 0: the second zero is not reported
    }

    @Test
    void routeSendsAFailureWithElementAndMetadataAndHoldsItsRefsUntilThen() {
        Stream<Integer> source = Stream.create();
        DistributedStream<Integer> inverted = Distributed.scatter(source, engine).map(x -> 10 / x).named("invert");
        List<Failure> bad = inverted.errors().sinkToList();   // routes the failures here
        List<Integer> good = inverted.buffer(4).gather().sinkToList();
        AtomicInteger released = new AtomicInteger();
        for (int x : new int[] {0, 5}) {
            source.emit(x, List.of(Map.of("ref", new RefCounter(released::incrementAndGet))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> good.size() == 1 && bad.size() == 1);
        assertThat(good).containsExactly(2);
        Failure f = bad.get(0);
        assertThat(f.element()).isEqualTo(0);
        assertThat(f.error()).isInstanceOf(ArithmeticException.class);
        assertThat(f.node().toString()).contains("invert");
        assertThat(f.metadata()).hasSize(1);
        assertThat(inverted.stats().routed()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> released.get() == 2);
    }

    @Test
    void retrySendsTheTaskAgainThenAppliesItsFallback() {
        Stream<Integer> source = Stream.create();
        DistributedStream<Integer> flaky = Distributed.scatter(source, engine).map(x -> failingFirst(x, x))
                .onError(ErrorPolicy.retry(3, Duration.ofMillis(1)).orElse(ErrorPolicy.route()));
        List<Failure> bad = flaky.errors().sinkToList();
        List<Integer> good = flaky.buffer(4).gather().sinkToList();
        for (int x = 0; x < 4; x++) {
            source.emit(x);   // x fails x times: 3 is out of attempts
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> good.size() == 3 && bad.size() == 1);
        assertThat(good).containsExactly(0, 1, 2);
        assertThat(bad.get(0).element()).isEqualTo(3);
        assertThat(bad.get(0).attempts()).isEqualTo(3);
        assertThat(CALLS.get(3).get()).isEqualTo(3);
        assertThat(flaky.stats().retried()).isEqualTo(1 + 2 + 2);
        assertThat(flaky.stats().routed()).isEqualTo(1);
    }

    @Test
    void propagateStillReachesEmitAndAccumulateRefusesRetry() {
        Stream<Integer> source = Stream.create();
        DistributedStream<Integer> inverted = Distributed.scatter(source, engine).map(x -> 10 / x);
        inverted.gather().sinkToList();
        assertThatThrownBy(() -> source.emit(0)).isInstanceOf(NodeException.class).hasCauseInstanceOf(ArithmeticException.class);
        assertThat(inverted.stats().failed()).isEqualTo(1);
        DistributedStream<Integer> sums = Distributed.scatter(source, engine).accumulate(Integer::sum);
        assertThatThrownBy(() -> sums.onError(ErrorPolicy.retry(2, Duration.ofMillis(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retry needs an asynchronous node");
    }

    @Test
    void statsCountTheTasksInFlightOnTheEngineAsHeld() {
        Stream<Integer> source = Stream.create();
        DistributedStream<Integer> gated = Distributed.scatter(source, engine).map(DistributedStreamTest::gatedUnchecked);
        List<Integer> out = gated.buffer(8).gather().sinkToList();
        for (int i = 0; i < 3; i++) {
            source.emit(i);
        }
        assertThat(gated.stats().held()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            DistributedStreamTest.open(i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> out.size() == 3);
        assertThat(gated.stats().held()).isZero();
    }

    @Test
    void theEndReachesDownstreamOnlyAfterEveryElementWasGathered() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = Collections.synchronizedList(new ArrayList<>());
        List<Integer> seenAtEnd = new ArrayList<>();
        Stream<Integer> gathered = Distributed.scatter(source, engine).map(DistributedStreamTest::gatedUnchecked)
                .buffer(8).gather();
        gathered.connect(new EndWatcher(out, seenAtEnd));
        for (int i = 0; i < 4; i++) {
            source.emit(i);
        }
        CompletableFuture<Void> end = source.emitEnd();
        assertThat(end).isNotDone();
        for (int i = 3; i >= 0; i--) {
            DistributedStreamTest.open(i);
        }
        assertThat(end).succeedsWithin(Duration.ofSeconds(30));
        assertThat(seenAtEnd).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aBoundedSourcesCompletionWaitsForGather() throws Exception {
        Source<Integer> numbers = Stream.fromIterable(List.of(1, 2, 3, 4, 5));
        List<Integer> out = Collections.synchronizedList(new ArrayList<>());
        Distributed.scatter(numbers, engine).map(x -> x * 10).buffer(8).gather().sink(out::add);
        numbers.start();
        List<Integer> atCompletion = numbers.completion().thenApply(v -> List.copyOf(out)).get(30, TimeUnit.SECONDS);
        assertThat(atCompletion).containsExactly(10, 20, 30, 40, 50);
    }

    /** Collects elements and, when the end arrives, what had arrived by then. */
    static final class EndWatcher extends Stream<Integer> {
        private final List<Integer> out;
        private final List<Integer> seenAtEnd;

        EndWatcher(List<Integer> out, List<Integer> seenAtEnd) {
            this.out = out;
            this.seenAtEnd = seenAtEnd;
        }

        @Override
        protected CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
            out.add((Integer) x);
            return null;
        }

        @Override
        protected CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
            if (signal instanceof Signal.End) {
                seenAtEnd.addAll(out);
            }
            return forwardSignal(signal, who);
        }
    }
}
