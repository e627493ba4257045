package io.streamz.kafka;

import static io.streamz.kafka.KafkaBroker.until;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamz.testing.CrashRuns;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * At least once across crashes: the documented pipeline ({@code fromKafkaBatched -> flatten ->
 * map -> toKafka}, and {@code fromKafka -> map -> toKafka} for every fourth worker) runs in its
 * own JVM ({@link CrashWorker}) and is crashed {@link #CRASHES} times (50 in CI, more with
 * {@code -Dstreamz.crash.count=N}, see {@code benchmarks/crash.sh}): killed from outside with
 * {@code SIGKILL} ({@link Process#destroyForcibly()}) at a random moment, or halted from inside
 * before the n-th send or at the n-th acknowledgement; the broker is restarted once while a
 * worker runs. New records arrive before every worker. At the end every input record must be in
 * the output topic with its whole payload, and the duplicates one crash causes stay within
 * {@link #DUPLICATES_PER_CRASH}.
 *
 * <p>Why that bound: a crash repeats only records written to the output since the last offset
 * commit that reached the broker. The source commits at the first poll step (every
 * {@code pollInterval}, 50 ms, and between batches) after its commit interval (the default,
 * 100 ms: two steps) has passed, so that is the records acknowledged within the interval and the
 * commit's round trip: the sends in flight ({@code maxInFlight}, 64) and the batches emitted
 * meanwhile (one per partition and step, 3 x 40). When every step committed, a quiet machine
 * needed two steps (the test measured at most 106 from one crash) and under CPU load a commit
 * reached the broker several steps later (320 measured at a load of 27 on 2 cores), so the test
 * allows seven steps plus the two of the commit interval.
 */
class CrashTest {
    static final int CRASHES = Integer.getInteger("streamz.crash.count", 50);
    static final int CHUNK = 100;
    static final int PARTITIONS = 3;
    static final int DUPLICATES_PER_CRASH = CrashWorker.MAX_IN_FLIGHT + (7 + 2) * PARTITIONS * CrashWorker.MAX_BATCH_SIZE;
    private static final int[] POINTS = {1, 17, 40, 41, 63, 80, 100};
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyRecordSurvivesFiftyCrashesAndABrokerRestartAtLeastOnce() throws Exception {
        kafka.createTopic("crash-in", PARTITIONS);
        kafka.createTopic("crash-out", PARTITIONS);
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> crashes = new ArrayList<>();
        int produced = 0;
        for (int k = 0; k < CRASHES; k++) {
            produced = produceChunk(produced);
            String source = k % 4 == 3 ? "records" : "batched";
            int point = POINTS[random.nextInt(POINTS.length)];
            if (k == CRASHES / 2) {
                produced = restartTheBrokerUnder(k, source, produced);
                crashes.add(k + ":" + source + "/broker-restart+kill");
            } else if (k % 3 == 0) {
                int delay = random.nextInt(300);
                kill(k, source, delay);
                crashes.add(k + ":" + source + "/kill@" + delay + "ms");
            } else {
                String stage = k % 3 == 1 ? "map" : "ack";
                Process worker = start(k, source, stage, point);
                try {
                    CrashRuns.assertHalted(worker, CrashWorker.HALTED, WAIT.toSeconds(), logFile(k));
                } finally {
                    worker.destroyForcibly().waitFor();
                }
                crashes.add(k + ":" + source + "/" + stage + "@" + point);
            }
        }

        Output out = drain(produced);

        Map<Integer, Long> perCrash = CrashRuns.duplicatesByWorker(out.writers.values());
        int duplicates = out.records.size() - out.writers.size();
        System.out.printf("kafka crash test (seed %d): %d records, %d crashes [%s], %d written, %d missing, "
                + "%d duplicates, by crashed worker %s (bound %d each)%n", seed, produced, crashes.size(),
                String.join(", ", crashes), out.records.size(), out.missing(produced).size(), duplicates, perCrash,
                DUPLICATES_PER_CRASH);
        assertThat(crashes).hasSize(CRASHES);
        assertThat(out.missing(produced)).as("records never written (seed %d)", seed).isEmpty();
        assertThat(out.records).as("every record whole, under its own key").allSatisfy(r -> {
            int i = CrashRuns.number(r.value());
            assertThat(r.value()).isEqualTo("out-" + CrashRuns.payload(i));
            assertThat(r.key()).endsWith("/out-r" + i);
        });
        assertThat(perCrash).as("duplicates by crashed worker (seed %d)", seed)
                .allSatisfy((worker, n) -> assertThat(n).isLessThanOrEqualTo(DUPLICATES_PER_CRASH));
    }

    /** Starts worker {@code k}, restarts the broker while it works, and kills it once it wrote the records sent meanwhile. */
    private static int restartTheBrokerUnder(int k, String source, int produced) throws Exception {
        long before = kafka.endOffsets("crash-out", PARTITIONS);
        Process worker = start(k, source, "none", 0);
        try {
            until(() -> kafka.endOffsetsQuietly("crash-out", PARTITIONS) > before, WAIT,
                    () -> "worker " + k + " writing before the restart; log:\n" + log(k));
            kafka.restart();
            long after = kafka.endOffsets("crash-out", PARTITIONS);
            int more = produceChunk(produced);
            until(() -> kafka.endOffsetsQuietly("crash-out", PARTITIONS) >= after + CHUNK, WAIT,
                    () -> "worker " + k + " writing after the restart; log:\n" + log(k));
            return more;
        } finally {
            worker.destroyForcibly().waitFor();
        }
    }

    /** Starts worker {@code k} and kills it with SIGKILL {@code delay} ms after it wrote its first record. */
    private static void kill(int k, String source, int delay) throws Exception {
        long before = kafka.endOffsets("crash-out", PARTITIONS);
        Process worker = start(k, source, "none", 0);
        try {
            until(() -> kafka.endOffsetsQuietly("crash-out", PARTITIONS) > before || !worker.isAlive(), WAIT,
                    () -> "worker " + k + " writing; log:\n" + log(k));
            assertThat(worker.waitFor(delay, TimeUnit.MILLISECONDS)).as("worker %d ended by itself; log:%n%s", k, log(k))
                    .isFalse();
        } finally {
            worker.destroyForcibly().waitFor();
        }
    }

    /** Runs a last worker until every record is in the output topic; reads the output meanwhile. */
    private static Output drain(int produced) throws Exception {
        Process last = start(CRASHES, "batched", "none", 0);
        try (OutputReader reader = new OutputReader(kafka.consumerConfig("crash-reader"), "crash-out", PARTITIONS)) {
            Output out = new Output();
            until(() -> {
                reader.poll().forEach(out::add);
                return out.missing(produced).isEmpty();
            }, WAIT, () -> out.missing(produced).size() + " records missing; last worker's log:\n" + log(CRASHES));
            return out;
        } finally {
            last.destroyForcibly().waitFor();
        }
    }

    private static int produceChunk(int from) throws Exception {
        kafka.produce("crash-in", IntStream.range(from, from + CHUNK).mapToObj(CrashRuns::payload)
                .collect(Collectors.toList()));
        return from + CHUNK;
    }

    /** What the output topic holds: every record, and who wrote each value. */
    private static final class Output {
        final List<ConsumerRecord<String, String>> records = new ArrayList<>();
        final Map<String, List<Integer>> writers = new HashMap<>();

        void add(ConsumerRecord<String, String> r) {
            records.add(r);
            int worker = Integer.parseInt(r.key().substring(0, r.key().indexOf('/')));
            writers.computeIfAbsent(r.value(), v -> new ArrayList<>()).add(worker);
        }

        List<Integer> missing(int produced) {
            return IntStream.range(0, produced).filter(i -> !writers.containsKey("out-" + CrashRuns.payload(i)))
                    .boxed().collect(Collectors.toList());
        }
    }

    /** Reads every partition of a topic from the beginning, without a group. */
    private static final class OutputReader implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;

        OutputReader(Map<String, Object> config, String topic, int partitions) {
            consumer = new KafkaConsumer<>(config);
            consumer.assign(IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p))
                    .collect(Collectors.toList()));
            consumer.seekToBeginning(consumer.assignment());
        }

        ConsumerRecords<String, String> poll() {
            return consumer.poll(Duration.ofMillis(100));
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    private static Process start(int k, String source, String stage, int point) throws Exception {
        return CrashRuns.startJava(CrashWorker.class, List.of(), List.of(kafka.bootstrapServers(), "crash-group",
                "crash-in", "crash-out", String.valueOf(k), source, stage, String.valueOf(point)), logFile(k));
    }

    private static File logFile(int k) {
        return new File("target/crash-worker-" + k + ".log");
    }

    private static String log(int k) {
        return CrashRuns.read(logFile(k));
    }
}
