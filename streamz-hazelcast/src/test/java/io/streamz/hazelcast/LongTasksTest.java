package io.streamz.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.streamz.distributed.Task;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Once a member's answers say its tasks run long (here 1 ms, more than a call's share of work),
 * each task goes in a call of its own, at once, however many calls the member already has: all of
 * them wait in the member's queue (none in the engine's), and each result comes back as soon as its
 * task is done, not with call-mates'. (An engine that kept two calls in flight per member sent the
 * third and fourth tasks together, once the first answered.) One member of one thread in this JVM,
 * reached through a client (about 5 s).
 */
class LongTasksTest {
    static final int TASKS = 4;
    /** Task {@code i} waits for {@code gates[i]}. */
    static CountDownLatch[] gates;
    /** The tasks in the order they started (a member does not keep the order of calls). */
    static BlockingQueue<Integer> started;

    private HazelcastInstance member;
    private HazelcastEngine client;

    @BeforeEach
    void startAMemberOfOneThreadAndAClient() {
        started = new LinkedBlockingQueue<>();
        gates = IntStream.range(0, TASKS).mapToObj(i -> new CountDownLatch(1)).toArray(CountDownLatch[]::new);
        TestCluster cluster = new TestCluster();
        member = Hazelcast.newHazelcastInstance(cluster.memberConfig(1));
        client = cluster.client(1);
    }

    @AfterEach
    void stop() {
        for (CountDownLatch gate : gates) {
            gate.countDown();
        }
        client.close();
        member.getLifecycleService().terminate();
    }

    /** A task of 1 ms of work: spins until the clock moved 1 ms. */
    static int oneMillisecond() {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
        int spins = 0;
        while (System.nanoTime() < end) {
            spins++;
        }
        return spins >= 0 ? 1 : 0;
    }

    static int gated(int i) throws InterruptedException {
        started.add(i);
        return gates[i].await(60, TimeUnit.SECONDS) ? i : -1;
    }

    @Test
    void longTasksAllReachTheMemberAtOnceAndEachResultComesBackAlone() throws InterruptedException {
        Task<Integer> first = LongTasksTest::oneMillisecond;
        assertThat(client.submit(first).join()).isEqualTo(1);   // its answer says the member's tasks run 1 ms

        List<CompletableFuture<Integer>> running = IntStream.range(0, TASKS).mapToObj(i -> {
            Task<Integer> task = () -> gated(i);
            return client.submit(task);
        }).toList();
        // the first runs, the other three wait in the member's queue
        var stats = member.getExecutorService(HazelcastEngine.EXECUTOR).getLocalExecutorStats();
        await().atMost(Duration.ofSeconds(60)).until(() -> stats.getPendingTaskCount() == TASKS - 1);

        Set<Integer> gated = new HashSet<>(IntStream.range(0, TASKS).boxed().toList());
        for (int n = 0; n < TASKS; n++) {
            Integer i = started.poll(60, TimeUnit.SECONDS);
            assertThat(i).as("the next task started").isNotNull();
            gates[i].countDown();
            gated.remove(i);
            assertThat(running.get(i).join()).isEqualTo(i);   // the others still wait for their gates
            assertThat(gated).allSatisfy(j -> assertThat(running.get(j)).isNotDone());
        }
    }
}
