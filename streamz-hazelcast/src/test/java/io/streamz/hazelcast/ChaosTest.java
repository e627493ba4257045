package io.streamz.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamz.RefCounter;
import io.streamz.Stream;
import io.streamz.distributed.Distributed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Member processes killed ({@code kill -9}) at random points of a stream: every element comes out
 * of gather once, in order, and every ref is released (about 25 s: four member processes start).
 * Longer series run from benchmarks/chaos.sh.
 */
class ChaosTest {
    static final int ELEMENTS = Integer.getInteger("streamz.chaos.elements", 300);
    /** How many runs: one in CI; benchmarks/chaos.sh asks for more. */
    static final int RUNS = Integer.getInteger("streamz.chaos.runs", 1);

    /** About a millisecond of work, so that tasks are in flight when a member dies. */
    static long work(long x) {
        long h = x;
        for (int i = 0; i < 200_000; i++) {
            h = h * 6364136223846793005L + 1442695040888963407L;
        }
        return h == 42 ? -x : x;
    }

    @TestFactory
    java.util.stream.Stream<DynamicTest> killedMembersLoseNoElement() {
        return IntStream.range(0, RUNS).mapToObj(run -> DynamicTest.dynamicTest("run " + run,
                () -> killAtRandomPoints(Long.getLong("streamz.chaos.seed", System.nanoTime()) + run)));
    }

    private static void killAtRandomPoints(long seed) throws Exception {
        Random random = new Random(seed);
        TestCluster cluster = new TestCluster();
        try (MemberProcesses members = new MemberProcesses(cluster).start(3, 1);
                HazelcastEngine client = HazelcastEngine.client(cluster.clientConfig())) {
            // member JVMs start slowly on a loaded machine: the wait ends as soon as they joined
            await().atMost(Duration.ofSeconds(180)).until(() -> client.hazelcast().getCluster().getMembers().size() == 3);
            Stream<Long> source = Stream.create();
            List<Long> out = Distributed.scatter(source, client).map(ChaosTest::work).buffer(8).gather().sinkToList();
            AtomicInteger released = new AtomicInteger();

            int firstKill = 20 + random.nextInt(ELEMENTS / 3);
            int secondKill = ELEMENTS / 2 + random.nextInt(ELEMENTS / 3);
            for (int i = 0; i < ELEMENTS; i++) {
                if (i == firstKill) {
                    members.kill(random.nextInt(3));
                    members.start(1, 1);   // a replacement joins while the stream runs
                } else if (i == secondKill) {
                    int victim;
                    do {
                        victim = random.nextInt(4);
                    } while (!members.processes().get(victim).isAlive());
                    members.kill(victim);
                }
                source.emit((long) i, List.of(Map.of("ref", new RefCounter(released::incrementAndGet))));
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> out.size() >= ELEMENTS);
            assertThat(out).as("seed %d, kills before elements %d and %d", seed, firstKill, secondKill)
                    .containsExactlyElementsOf(LongStreamRange.of(ELEMENTS));
            await().atMost(Duration.ofSeconds(10)).until(() -> released.get() == ELEMENTS);
        }
    }

    /** 0, 1, ..., n - 1 as boxed longs. */
    static final class LongStreamRange {
        static List<Long> of(int n) {
            return IntStream.range(0, n).mapToObj(i -> (long) i).collect(Collectors.toList());
        }
    }
}
