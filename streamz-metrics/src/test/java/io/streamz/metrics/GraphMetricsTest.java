package io.streamz.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamz.ErrorPolicy;
import io.streamz.NodeException;
import io.streamz.NodeStats;
import io.streamz.RefCounter;
import io.streamz.Source;
import io.streamz.Stream;
import io.streamz.metrics.internal.GraphStats;
import io.streamz.testing.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GraphMetricsTest {
    @RegisterExtension
    final VirtualClock clock = new VirtualClock();

    private static double count(MeterRegistry r, String name, String id) {
        return r.get(name).tag("id", id).functionCounter().count();
    }

    private static double failures(MeterRegistry r, String id, String outcome) {
        return r.get("streamz.node.failures").tag("id", id).tag("outcome", outcome).functionCounter().count();
    }

    @Test
    void theJavadocExample() {
        Stream<Integer> source = Stream.create("numbers");
        source.map(x -> x * 2).named("double").sinkToList();

        MeterRegistry registry = new SimpleMeterRegistry();
        GraphMetrics.of(source).named("demo").bindTo(registry);
        for (int i = 0; i < 3; i++) {
            source.emit(i);
        }
        assertThat(registry.get("streamz.node.out").tag("node", "map \"double\"").functionCounter().count())
                .isEqualTo(3.0);
    }

    @Test
    void countsElementsInAndOutOfEveryNodeWithItsTags() {
        Stream<Integer> source = Stream.create("numbers");
        Stream<Integer> even = source.filter(x -> x % 2 == 0);
        even.map(x -> x + 1).sinkToList();
        source.map(x -> x - 1).sinkToList();

        MeterRegistry registry = new SimpleMeterRegistry();
        GraphMetrics.of(source).bindTo(registry);
        for (int i = 0; i < 10; i++) {
            source.emit(i);
        }
        // n0 numbers, n1 filter, n2 map (x - 1), n3 map (x + 1), n4 and n5 the sinks
        assertThat(count(registry, "streamz.node.in", "n0")).isEqualTo(10);
        assertThat(count(registry, "streamz.node.out", "n0")).isEqualTo(10);
        assertThat(count(registry, "streamz.node.in", "n1")).isEqualTo(10);
        assertThat(count(registry, "streamz.node.out", "n1")).isEqualTo(5);
        assertThat(count(registry, "streamz.node.in", "n3")).isEqualTo(5);
        assertThat(count(registry, "streamz.node.out", "n3")).isEqualTo(5);
        assertThat(count(registry, "streamz.node.in", "n4")).isEqualTo(10);
        assertThat(count(registry, "streamz.node.out", "n4")).isZero();

        FunctionCounter filterOut = registry.get("streamz.node.out").tag("id", "n1").functionCounter();
        assertThat(filterOut.getId().getTags().stream().map(t -> t.getKey() + "=" + t.getValue())
                        .collect(Collectors.toList()))
                .containsExactlyInAnyOrder("graph=streamz", "node=filter", "kind=filter", "id=n1");
        assertThat(registry.get("streamz.node.out").tag("node", "map").functionCounters()).hasSize(2);
        assertThat(registry.get("streamz.node.failures").tag("id", "n2").functionCounters()).hasSize(3);
        assertThat(registry.find("streamz.node.busy").functionTimers()).isEmpty();   // no timing asked for
    }

    @Test
    void theMetersShowTheCoreCountsFailuresByPolicyIncluded() {
        Stream<String> lines = Stream.create("lines");
        Stream<Integer> sizes = lines.map(s -> 10 / s.length()).named("sizes").onError(ErrorPolicy.skip());
        Stream<Integer> parse = lines.map(Integer::parseInt).named("parse");                 // propagates
        Stream<Integer> checked = parse.map(x -> {
            if (x < 0) {
                throw new IllegalArgumentException("negative");
            }
            return x;
        }).named("check");
        List<Object> dead = checked.errors().map(f -> f.element()).sinkToList();              // routed
        checked.sinkToList();
        sizes.sinkToList();

        MeterRegistry registry = new SimpleMeterRegistry();
        GraphMetrics.of(lines).bindTo(registry);
        for (String s : List.of("1", "x", "", "-2", "3")) {
            try {
                lines.emit(s);
            } catch (NodeException e) {
                assertThat(e.node()).isSameAs(parse);   // "x" and "" fail in parse; "" in sizes first, skipped
            }
        }
        List<Stream<?>> nodes = lines.graphNodes();
        String parseId = "n" + nodes.indexOf(parse);
        String sizesId = "n" + nodes.indexOf(sizes);
        String checkId = "n" + nodes.indexOf(checked);
        String errorsId = "n" + nodes.indexOf(checked.errors());

        assertThat(parse.stats()).isEqualTo(new NodeStats(5, 3, 2, 0, 0, 0, 0, 0, 0));
        assertThat(count(registry, "streamz.node.in", parseId)).isEqualTo(5);
        assertThat(count(registry, "streamz.node.out", parseId)).isEqualTo(3);
        assertThat(failures(registry, parseId, "failed")).isEqualTo(2);
        assertThat(failures(registry, parseId, "skipped")).isZero();

        assertThat(sizes.stats().skipped()).isEqualTo(1);
        assertThat(count(registry, "streamz.node.in", sizesId)).isEqualTo(5);
        assertThat(count(registry, "streamz.node.out", sizesId)).isEqualTo(4);
        assertThat(failures(registry, sizesId, "skipped")).isEqualTo(1);
        assertThat(failures(registry, sizesId, "failed")).isZero();

        assertThat(failures(registry, checkId, "routed")).isEqualTo(1);
        assertThat(count(registry, "streamz.node.out", checkId)).isEqualTo(2);
        assertThat(dead).containsExactly(-2);
        // the errors stream passes on what it gets: its in is what it sent on, not core's 0
        assertThat(registry.get("streamz.node.in").tag("id", errorsId).tag("kind", "errors").functionCounter().count())
                .isEqualTo(1);
        assertThat(count(registry, "streamz.node.out", errorsId)).isEqualTo(1);
    }

    @Test
    void countsRetriesHeldAndQueued() {
        Stream<Integer> source = Stream.create();
        int[] calls = {0};
        Stream<Integer> flaky = source.<Integer>mapAsync(x -> ++calls[0] < 3
                ? CompletableFuture.failedFuture(new IllegalStateException("try again"))
                : CompletableFuture.completedFuture(x)).named("flaky").onError(ErrorPolicy.retry(5, "100ms"));
        Stream<List<Integer>> pairs = flaky.partition(2).named("pairs");
        pairs.sinkToList();

        MeterRegistry registry = new SimpleMeterRegistry();
        GraphMetrics.of(source).bindTo(registry);
        source.emitAsync(1);
        clock.advanceTimeBy(Duration.ofMillis(300));
        assertThat(count(registry, "streamz.node.retries", "n1")).isEqualTo(2);
        assertThat(registry.get("streamz.node.held").tag("node", "partition \"pairs\"(n=2)").gauge().value()).isEqualTo(1);
        assertThat(registry.get("streamz.node.queued").tag("id", "n0").gauge().value()).isZero();
    }

    @Test
    void queuedReadsTheItemsWaitingInASourcesQueue() throws Exception {
        BlockingQueue<Integer> queue = new LinkedBlockingQueue<>(List.of(1, 2, 3));
        Source<Integer> source = Stream.fromQueue(queue);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> seen = source.map(x -> {
            inside.countDown();
            await(release);
            return x;
        }).sinkToList();
        MeterRegistry registry = new SimpleMeterRegistry();
        GraphMetrics.of(source).bindTo(registry);
        source.start();
        try {
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
            // the source's thread is inside the graph with 1: 2 and 3 wait in the queue
            assertThat(registry.get("streamz.node.queued").tag("id", "n0").gauge().value()).isEqualTo(2);
            release.countDown();
        } finally {
            release.countDown();
            source.stop();
        }
        assertThat(seen).startsWith(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void heldCountsTheElementsWhoseRefsTheNodeRetains() {
        Stream<Integer> source = Stream.create();
        source.partition(3).named("triples").sinkToList();
        MeterRegistry registry = new SimpleMeterRegistry();
        GraphMetrics.of(source).bindTo(registry);
        RefCounter first = new RefCounter();
        RefCounter second = new RefCounter();
        source.emit(1, List.of(Map.of("ref", first)));
        source.emit(2, List.of(Map.of("ref", second)));

        assertThat(registry.get("streamz.node.held").tag("node", "partition \"triples\"(n=3)").gauge().value())
                .isEqualTo(2);
        assertThat(first.count() + second.count()).isEqualTo(2);   // one ref retained per held element
        source.emit(3);
        assertThat(registry.get("streamz.node.held").tag("node", "partition \"triples\"(n=3)").gauge().value())
                .isZero();
        assertThat(first.count() + second.count()).isZero();
    }

    @Test
    void withTimingTheBusyTimerCountsTheElementsSinceBindingAndTheirTime() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> busy = source.map(GraphMetricsTest::work).named("busy");
        busy.sink(x -> { });
        source.emit(1);   // before binding: not timed

        MeterRegistry registry = new SimpleMeterRegistry();
        GraphMetrics.of(source).withTiming().bindTo(registry);
        for (int i = 0; i < 50; i++) {
            source.emit(2_000);
        }
        FunctionTimer timer = registry.get("streamz.node.busy").tag("node", "map \"busy\"").functionTimer();
        assertThat(timer.count()).isEqualTo(50);
        assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        // Micrometer keeps the total in its base unit (seconds) and converts back: exact to well
        // under a nanosecond, not to the last bit of a double
        assertThat(timer.totalTime(TimeUnit.NANOSECONDS))
                .isCloseTo((double) busy.stats().busyNanos(), within(0.5));
    }

    /** Some work for a node to be busy with: the hash of the first {@code n} numbers' names. */
    private static int work(int n) {
        return IntStream.range(0, n).mapToObj(Integer::toString).collect(Collectors.joining()).hashCode();
    }

    @Test
    void theNodesAndTheDotTextAreOfOneMomentWithTheSameIds() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> m = source.map(x -> x);
        m.sinkToList();
        m.errors().sinkToList();
        String before = source.toDot("LR");
        GraphStats stats = GraphStats.start(source, false);
        assertThat(stats.dot("LR")).isEqualTo(before).contains("n1 -> n3 [style=dashed]");
        assertThat(stats.nodes()).containsExactlyElementsOf(source.graphNodes());
        assertThat(stats.nodes().get(3).kind()).isEqualTo("errors");
        assertThat(stats.owner(3)).isEqualTo(1);
        assertThat(stats.owner(1)).isEqualTo(-1);
        assertThatThrownBy(() -> stats.dot("up")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeNeverGoesBackwards() {
        Stream<Integer> source = Stream.create();
        Stream<List<Integer>> windows = source.timedWindow("1s");
        windows.map(w -> work(20_000)).sink(x -> { });
        GraphStats stats = GraphStats.start(source, true);
        int at = stats.nodes().indexOf(windows);
        long last = 0;
        for (int i = 0; i < 5; i++) {
            source.emit(i);
            clock.advanceTimeBy(Duration.ofSeconds(1));   // the window's time out is its downstream's
            long busy = stats.stats(at).busyNanos();
            assertThat(busy).isGreaterThanOrEqualTo(last);
            last = busy;
        }
    }

    @Test
    void checksItsArguments() {
        assertThatThrownBy(() -> GraphMetrics.of(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("GraphMetrics: any is null");
        assertThatThrownBy(() -> GraphMetrics.of(Stream.create()).named(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("GraphMetrics: name is null");
    }
}
