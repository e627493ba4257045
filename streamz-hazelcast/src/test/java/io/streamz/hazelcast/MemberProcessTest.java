package io.streamz.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.streamz.NodeException;
import io.streamz.Stream;
import io.streamz.distributed.Distributed;
import io.streamz.distributed.DistributedStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two members in JVMs of their own and a client: functions, elements, results and exceptions
 * really travel, and the members load the test's classes (about 10 s, most of it starting them).
 */
class MemberProcessTest {
    static MemberProcesses members;
    static HazelcastEngine client;

    @BeforeAll
    static void startTwoMemberProcesses() throws Exception {
        TestCluster cluster = new TestCluster();
        members = new MemberProcesses(cluster).start(2, 2);
        client = HazelcastEngine.client(cluster.clientConfig());
        // member JVMs start slowly on a loaded machine: the wait ends as soon as they joined
        await().atMost(Duration.ofSeconds(180)).until(() -> client.hazelcast().getCluster().getMembers().size() == 2);
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (members != null) {
            members.close();
        }
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }

    @Test
    void tasksRunInTheMemberProcessesInOrder() {
        Stream<Integer> source = Stream.create();
        List<long[]> out = Distributed.scatter(source, client).map(x -> new long[] {x, pid()}).buffer(8).gather()
                .sinkToList();
        for (int i = 0; i < 100; i++) {
            source.emit(i);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> out.size() == 100);
        assertThat(out.stream().mapToLong(r -> r[0]).boxed().collect(Collectors.toList()))
                .containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(i -> (long) i).collect(Collectors.toList()));
        Set<Long> pids = out.stream().map(r -> r[1]).collect(Collectors.toSet());
        assertThat(pids).containsExactlyInAnyOrderElementsOf(
                members.processes().stream().map(Process::pid).collect(Collectors.toList()));
    }

    @Test
    void filteredElementsAndStateCrossTheWire() {
        Stream<String> words = Stream.create();
        DistributedStream<String> d = Distributed.scatter(words, client);
        List<Integer> lengths = d.filter(w -> !w.isEmpty()).accumulate((Integer n, String w) -> n + w.length(), 0)
                .buffer(4).gather().sinkToList();
        for (String w : List.of("ab", "", "cde", "", "f")) {
            words.emit(w);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> lengths.size() == 3);
        assertThat(lengths).containsExactly(2, 5, 6);
    }

    @Test
    void aTaskExceptionComesBackWithItsClass() {
        Stream<String> source = Stream.create();
        List<Integer> out = Distributed.scatter(source, client).map(Integer::parseInt).gather().sinkToList();
        assertThatThrownBy(() -> source.emit("x")).isInstanceOf(NodeException.class)
                .hasMessageStartingWith("map failed on element \"x\": java.lang.NumberFormatException")
                .hasCauseInstanceOf(NumberFormatException.class);
        source.emit("7");
        assertThat(out).containsExactly(7);
    }
}
