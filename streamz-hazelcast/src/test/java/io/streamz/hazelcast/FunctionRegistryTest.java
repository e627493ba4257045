package io.streamz.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.streamz.Stream;
import io.streamz.distributed.Distributed;
import io.streamz.distributed.SerializableFunction;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A function goes to a member once, not with every task; a member that joins late, or lost the
 * functions it had (as a restarted one has), is sent it again. Members in this JVM, reached
 * through a client so that every task crosses the wire (about 10 s per test).
 */
class FunctionRegistryTest {
    /** How often a {@link Tagged} function was deserialised, in any member. */
    static final AtomicInteger DESERIALISED = new AtomicInteger();

    private TestCluster cluster;
    private final List<HazelcastInstance> members = new ArrayList<>();
    private HazelcastEngine client;

    /** Tags an element with the instance that ran it and counts its own deserialisations. */
    static final class Tagged implements SerializableFunction<Integer, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String apply(Integer x) {
            return x + "@" + HazelcastEngineTest.instance();
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            DESERIALISED.incrementAndGet();
        }
    }

    @BeforeEach
    void startOneMemberAndAClient() {
        DESERIALISED.set(0);
        cluster = new TestCluster();
        startMember();
        client = HazelcastEngine.client(cluster.clientConfig());
        clientSees(1);
    }

    @AfterEach
    void stop() {
        client.close();
        members.forEach(m -> m.getLifecycleService().terminate());
    }

    private HazelcastInstance startMember() {
        HazelcastInstance m = Hazelcast.newHazelcastInstance(cluster.memberConfig(2));
        members.add(m);
        return m;
    }

    private void clientSees(int n) {
        await().atMost(Duration.ofSeconds(120)).until(() -> client.hazelcast().getCluster().getMembers().size() == n);
    }

    /** Emits {@code from} until {@code to} (exclusive) and waits until all of them were gathered. */
    private static void emit(Stream<Integer> source, List<String> out, int from, int to) {
        for (int i = from; i < to; i++) {
            source.emit(i);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> out.size() == to);
    }

    private static void assertInOrder(List<String> out, int n) {
        assertThat(out).extracting(s -> Integer.parseInt(s.substring(0, s.indexOf('@'))))
                .containsExactlyElementsOf(IntStream.range(0, n).boxed().collect(Collectors.toList()));
    }

    private static Set<String> ranOn(List<String> out, int from) {
        return out.subList(from, out.size()).stream().map(s -> s.substring(s.indexOf('@') + 1)).collect(Collectors.toSet());
    }

    @Test
    void aFunctionTravelsOncePerMemberNotWithEveryTask() {
        startMember();
        clientSees(2);
        Stream<Integer> source = Stream.create();
        List<String> out = Distributed.scatter(source, client).map(new Tagged()).buffer(8).gather().sinkToList();
        emit(source, out, 0, 200);
        assertInOrder(out, 200);
        assertThat(ranOn(out, 0)).hasSize(2);
        // once per member; twice at most, when a member's first two batches race (the second one,
        // without the function, runs before the first registered it, and asks for it)
        assertThat(DESERIALISED.get()).isBetween(2, 4);
    }

    @Test
    void aMemberThatJoinsLateIsSentTheFunction() {
        Stream<Integer> source = Stream.create();
        List<String> out = Distributed.scatter(source, client).map(new Tagged()).buffer(8).gather().sinkToList();
        emit(source, out, 0, 50);
        assertThat(DESERIALISED.get()).isBetween(1, 2);
        HazelcastInstance late = startMember();
        clientSees(2);
        emit(source, out, 50, 100);
        assertInOrder(out, 100);
        assertThat(ranOn(out, 50)).contains(late.getName());
        assertThat(DESERIALISED.get()).isBetween(2, 4);
    }

    @Test
    void aMemberThatLostItsFunctionsAsksAgainAndARestartedOneIsSentThemAgain() {
        HazelcastInstance second = startMember();
        clientSees(2);
        Stream<Integer> source = Stream.create();
        List<String> out = Distributed.scatter(source, client).map(new Tagged()).buffer(8).gather().sinkToList();
        emit(source, out, 0, 50);
        int before = DESERIALISED.get();

        // the member forgets what it was sent (its registry is emptied, as when it is full): its
        // next tasks come back unanswered and go again with the function
        ((Map<?, ?>) members.get(0).getUserContext().get(Batch.Functions.USER_CONTEXT_KEY)).clear();
        emit(source, out, 50, 100);
        assertThat(DESERIALISED.get()).isGreaterThan(before);
        assertThat(ranOn(out, 50)).contains(members.get(0).getName());

        // a member restarted is a new member: it is sent the function with its first batch
        second.getLifecycleService().terminate();
        members.remove(second);
        clientSees(1);
        HazelcastInstance restarted = startMember();
        clientSees(2);
        int beforeRestart = DESERIALISED.get();
        emit(source, out, 100, 150);
        assertInOrder(out, 150);
        assertThat(ranOn(out, 100)).contains(restarted.getName());
        assertThat(DESERIALISED.get()).isGreaterThan(beforeRestart);
    }
}
