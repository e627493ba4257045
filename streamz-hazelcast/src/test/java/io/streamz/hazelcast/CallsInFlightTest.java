package io.streamz.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.streamz.distributed.Task;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A member gets as many calls at once as it has task threads, once its first answer said how
 * many: tasks sent one by one run side by side there (an engine that kept two calls in flight
 * per member left the other threads idle). One member of 4 threads in this JVM, reached through
 * a client (about 5 s).
 */
class CallsInFlightTest {
    /** Counts the tasks that started; they then wait for {@link #release}. */
    static CountDownLatch started;
    static CountDownLatch release;

    private HazelcastInstance member;
    private HazelcastEngine client;

    @BeforeEach
    void startAMemberOfFourThreadsAndAClient() {
        started = new CountDownLatch(4);
        release = new CountDownLatch(1);
        TestCluster cluster = new TestCluster();
        member = Hazelcast.newHazelcastInstance(cluster.memberConfig(4));
        client = cluster.client(1);
    }

    @AfterEach
    void stop() {
        release.countDown();
        client.close();
        member.getLifecycleService().terminate();
    }

    static String blocked() throws InterruptedException {
        started.countDown();
        return release.await(60, TimeUnit.SECONDS) ? "done" : "not released";
    }

    @Test
    void fourTasksRunAtOnceOnAMemberOfFourThreads() throws InterruptedException {
        Task<Integer> first = () -> 1;
        assertThat(client.submit(first).join()).isEqualTo(1);   // its answer says the member has 4 threads

        Task<String> task = CallsInFlightTest::blocked;
        List<CompletableFuture<String>> running = IntStream.range(0, 4).mapToObj(i -> client.submit(task)).toList();
        assertThat(started.await(60, TimeUnit.SECONDS)).as("all four tasks started").isTrue();
        release.countDown();
        assertThat(running).allSatisfy(f -> assertThat(f.join()).isEqualTo("done"));
    }
}
