package io.streamz.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.streamz.ErrorPolicy;
import io.streamz.Failure;
import io.streamz.NodeException;
import io.streamz.RefCounter;
import io.streamz.Stream;
import io.streamz.distributed.Distributed;
import io.streamz.distributed.DistributedStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine on three members in this JVM (about 10 s, most of it starting them): the semantics,
 * and a member that leaves mid-stream. Processes of their own are in {@link MemberProcessTest}.
 */
class HazelcastEngineTest {
    /** Tasks wait here, by element; static so that the task lambdas capture nothing. */
    static final Map<Integer, CountDownLatch> GATES = new ConcurrentHashMap<>();
    static final Map<Integer, AtomicInteger> RUNS = new ConcurrentHashMap<>();
    static final Map<Integer, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    static TestCluster cluster;
    static List<HazelcastInstance> members = new ArrayList<>();
    static HazelcastEngine engine;

    /**
     * Waits up to {@code seconds} for a condition. A member terminated while its tasks run throws
     * {@code HazelcastInstanceNotActiveException} on its own threads when they try to answer
     * (Hazelcast's doing; nothing to do with the condition); Awaitility's default would rethrow
     * that in the test, so these waits leave other threads' exceptions alone.
     */
    static ConditionFactory within(int seconds) {
        return await().atMost(Duration.ofSeconds(seconds)).dontCatchUncaughtExceptions();
    }

    @BeforeAll
    static void startThreeMembers() {
        cluster = new TestCluster();
        List<Thread> starting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> {
                HazelcastInstance m = Hazelcast.newHazelcastInstance(cluster.memberConfig(4));
                synchronized (members) {
                    members.add(m);
                }
            });
            t.start();
            starting.add(t);
        }
        starting.forEach(HazelcastEngineTest::join);
        within(60).until(() -> members.get(0).getCluster().getMembers().size() == 3);
        engine = HazelcastEngine.on(members.get(0));
    }

    @AfterAll
    static void stopMembers() {
        GATES.values().forEach(CountDownLatch::countDown);
        members.forEach(m -> m.getLifecycleService().terminate());
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The instance a task runs in, from its thread's name ({@code hz.NAME....}). */
    static String instance() {
        String[] parts = Thread.currentThread().getName().split("\\.");
        return parts.length > 1 ? parts[1] : Thread.currentThread().getName();
    }

    static String gatedOn(int x) {
        RUNS.computeIfAbsent(x, k -> new AtomicInteger()).incrementAndGet();
        try {
            GATES.computeIfAbsent(x, k -> new CountDownLatch(1)).await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return x + "@" + instance();
    }

    @Test
    void theSeedExampleRunsOnEveryMemberAndKeepsTheOrder() {
        Stream<Integer> source = Stream.create();
        List<String> out = Distributed.scatter(source, engine).map(x -> x + "@" + instance()).buffer(8).gather()
                .sinkToList();
        for (int i = 0; i < 60; i++) {
            source.emit(i);
        }
        within(60).until(() -> out.size() == 60);
        assertThat(out).extracting(s -> Integer.parseInt(s.substring(0, s.indexOf('@'))))
                .containsExactlyElementsOf(IntStream.range(0, 60).boxed().collect(Collectors.toList()));
        Set<String> ranOn = out.stream().map(s -> s.substring(s.indexOf('@') + 1)).collect(Collectors.toSet());
        assertThat(ranOn).hasSize(3);
    }

    @Test
    void filterAccumulateAndZipRunAsTasks() {
        Stream<Integer> source = Stream.create();
        DistributedStream<Integer> d = Distributed.scatter(source, engine);
        List<Integer> sums = d.filter(x -> x % 2 == 1).accumulate(Integer::sum).buffer(4).gather().sinkToList();
        List<List<Object>> pairs = d.zip(d.map(x -> x * x)).gather().sinkToList();
        for (int i = 0; i < 6; i++) {
            source.emit(i);
        }
        within(60).until(() -> sums.size() == 3);
        assertThat(sums).containsExactly(1, 4, 9);
        assertThat(pairs).hasSize(6).last().isEqualTo(List.of(5, 25));
    }

    @Test
    void aTaskFailureReachesEmitWithTheOriginalException() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = Distributed.scatter(source, engine).map(x -> 10 / x).named("invert").gather().sinkToList();
        assertThatThrownBy(() -> source.emit(0)).isInstanceOf(NodeException.class)
                .hasMessageStartingWith("map \"invert\" failed on element 0: java.lang.ArithmeticException: / by zero")
                .hasCauseInstanceOf(ArithmeticException.class);
        source.emit(2);
        assertThat(out).containsExactly(5);
    }

    /** Fails the first call on each element (the calls are counted in this JVM, wherever they run). */
    static int failsOnce(int x) {
        if (CALLS.computeIfAbsent(x, k -> new AtomicInteger()).incrementAndGet() == 1) {
            throw new IllegalStateException("first attempt on " + x + " failed on " + instance());
        }
        return x;
    }

    @Test
    void errorPoliciesApplyToTasksThatFailedOnOtherMembers() {
        Stream<Integer> source = Stream.create();
        DistributedStream<Integer> d = Distributed.scatter(source, engine);
        DistributedStream<Integer> skipping = d.map(x -> 12 / (x % 3)).onError(ErrorPolicy.skip());
        List<Integer> kept = skipping.buffer(8).gather().sinkToList();
        DistributedStream<Integer> routing = d.map(x -> 12 / (x % 3)).named("mod");
        List<Failure> routed = routing.errors().sinkToList();
        routing.buffer(8).gather().sinkToList();
        DistributedStream<Integer> retrying = d.map(HazelcastEngineTest::failsOnce)
                .onError(ErrorPolicy.retry(3, Duration.ofMillis(10)));
        List<Integer> retried = retrying.buffer(8).gather().sinkToList();
        for (int i = 1; i <= 9; i++) {
            source.emit(i);
        }
        within(60).until(() -> kept.size() == 6 && routed.size() == 3 && retried.size() == 9);
        assertThat(kept).containsExactly(12, 6, 12, 6, 12, 6);
        assertThat(skipping.stats().skipped()).isEqualTo(3);
        assertThat(routed).extracting(Failure::element).containsExactly(3, 6, 9);
        assertThat(routed).allSatisfy(f -> assertThat(f.error()).isInstanceOf(ArithmeticException.class));
        assertThat(routing.stats().routed()).isEqualTo(3);
        assertThat(retried).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(retrying.stats().retried()).isEqualTo(9);
        assertThat(retrying.stats().failed()).isZero();
    }

    @Test
    void aMemberThatLeavesMidStreamLosesNoElementAndRefsWaitForGather() {
        HazelcastInstance leaving = Hazelcast.newHazelcastInstance(cluster.memberConfig(4));
        within(60).until(() -> members.get(0).getCluster().getMembers().size() == 4);
        Stream<Integer> source = Stream.create();
        DistributedStream<String> gated = Distributed.scatter(source, engine).map(HazelcastEngineTest::gatedOn);
        List<String> out = gated.buffer(8).gather().sinkToList();
        AtomicInteger released = new AtomicInteger();
        int n = 8;
        for (int i = 100; i < 100 + n; i++) {
            source.emit(i, List.of(Map.of("ref", new RefCounter(released::incrementAndGet))));
        }
        CompletableFuture<Void> end = source.emitEnd();
        within(60).until(() -> RUNS.size() == n);
        assertThat(released.get()).isZero();   // nothing gathered yet: every ref still held
        assertThat(gated.stats().held()).isEqualTo(n);   // all in flight on the cluster
        assertThat(end).isNotDone();

        leaving.getLifecycleService().terminate();   // its two tasks are in flight
        for (int i = 100; i < 100 + n; i++) {
            GATES.computeIfAbsent(i, k -> new CountDownLatch(1)).countDown();
        }
        within(60).until(() -> out.size() == n);
        assertThat(out).extracting(s -> s.substring(0, s.indexOf('@')))
                .containsExactly("100", "101", "102", "103", "104", "105", "106", "107");
        assertThat(out).noneMatch(s -> s.endsWith("@" + leaving.getName()));
        assertThat(RUNS.values().stream().mapToInt(AtomicInteger::get).sum()).isGreaterThan(n);   // some ran twice
        within(10).until(() -> released.get() == n);
        assertThat(end).succeedsWithin(Duration.ofSeconds(10));   // the end went on after the last gather
        assertThat(gated.stats().held()).isZero();
    }
}
