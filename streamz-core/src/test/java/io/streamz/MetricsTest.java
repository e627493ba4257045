package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamz.testing.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Per-node counters: what they count, when they are on, and what the graph walk sees. */
class MetricsTest {
    @RegisterExtension
    final VirtualClock clock = new VirtualClock();

    @Test
    void countsElementsInAndOutOfEveryNodeOnceEnabled() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> evens = source.filter(x -> x % 2 == 0);
        Stream<Integer> doubled = evens.map(x -> x * 2);
        doubled.sink(x -> { });
        source.emit(-1);   // before metrics: not counted
        source.enableMetrics();
        for (int i = 0; i < 10; i++) {
            source.emit(i);
        }
        assertThat(source.stats().in()).isEqualTo(10);
        assertThat(source.stats().out()).isEqualTo(10);
        assertThat(evens.stats().in()).isEqualTo(10);
        assertThat(evens.stats().out()).isEqualTo(5);
        assertThat(doubled.stats().in()).isEqualTo(5);
        assertThat(doubled.stats().out()).isEqualTo(5);
        assertThat(doubled.stats().busyNanos()).isZero();   // timing is off
    }

    @Test
    void areOffByDefaultButFailuresAreAlwaysCounted() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> m = source.map(x -> 10 / x).onError(ErrorPolicy.skip());
        m.sink(x -> { });
        source.emit(0);
        source.emit(1);
        assertThat(m.stats()).isEqualTo(new NodeStats(0, 0, 0, 1, 0, 0, 0, 0, 0));
    }

    @Test
    void coverNodesAddedAfterwardsAndGraphsJoinedLater() {
        Stream<Integer> source = Stream.create();
        source.enableMetrics();
        Stream<Integer> later = source.map(x -> x);
        Stream<Integer> other = Stream.create();
        Stream<Integer> otherMap = other.map(x -> x);
        otherMap.connect(later);   // joins a measuring graph
        later.sink(x -> { });
        source.emit(1);
        other.emit(2);
        assertThat(later.stats().in()).isEqualTo(2);
        assertThat(otherMap.stats().out()).isEqualTo(1);
        assertThat(other.stats().in()).isEqualTo(1);
    }

    @Test
    void timingMeasuresTheNodesOwnTimeNotItsDownstreams() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> busy = source.map(MetricsTest::spin);
        Stream<Integer> idle = busy.map(x -> x);
        idle.sink(x -> { });
        source.enableMetrics(true);
        for (int i = 0; i < 200; i++) {
            source.emit(20_000);
        }
        assertThat(busy.stats().busyNanos()).isPositive();
        assertThat(busy.stats().busyNanos()).isGreaterThan(idle.stats().busyNanos());
    }

    private static int spin(int n) {
        int h = 0;
        for (int i = 0; i < n; i++) {
            h = 31 * h + Integer.rotateLeft(i, h & 31);
        }
        return h;
    }

    @Test
    void heldCountsWhatWindowsAndBuffersHoldNow() {
        Stream<Integer> source = Stream.create();
        Stream<List<Integer>> parts = source.partition(3);
        Stream<List<Integer>> sliding = source.slidingWindow(2);
        Stream<List<Integer>> timed = source.timedWindow("1s");
        Stream<Integer> delayed = source.delay("1s");
        source.emit(1);
        source.emit(2);
        assertThat(parts.stats().held()).isEqualTo(2);
        assertThat(sliding.stats().held()).isEqualTo(1);   // the last n - 1, for the next window
        assertThat(timed.stats().held()).isEqualTo(2);
        assertThat(delayed.stats().held()).isEqualTo(2);
        source.emit(3);
        assertThat(parts.stats().held()).isZero();
        clock.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(timed.stats().held()).isZero();
        assertThat(delayed.stats().held()).isZero();
        source.destroy();
    }

    @Test
    void heldCountsABuffersQueueAndTheElementsWaitingToEnterIt() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> buffered = source.buffer(2);
        CompletableFuture<Void> gate = new CompletableFuture<>();
        buffered.sinkAsync(x -> gate);
        for (int i = 0; i < 4; i++) {
            source.emitAsync(i);
        }
        // one element in the sink, two queued, one waiting for room
        assertThat(buffered.stats().held()).isEqualTo(3);
        gate.complete(null);
        assertThat(buffered.stats().held()).isZero();
    }

    @Test
    void graphNodesListsSourcesFirstThenBreadthFirstWithSideOutputs() {
        Stream<Integer> a = Stream.create("a");
        Stream<Integer> b = Stream.create("b");
        Stream<Integer> m = a.map(x -> x).named("m");
        Stream<List<Object>> z = m.zip(b).named("z");
        Stream<Failure> errors = m.errors();
        List<Stream<?>> nodes = z.graphNodes();
        assertThat(nodes).containsExactlyInAnyOrder(a, b, m, z, errors);
        assertThat(nodes.subList(0, 2)).containsExactlyInAnyOrder(a, b);   // sources first
        assertThat(nodes.indexOf(m)).isLessThan(nodes.indexOf(z));
        assertThat(errors.graphNodes()).containsExactlyInAnyOrderElementsOf(nodes);
    }
}
