package io.streamz.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * At least once across crashes: a pipeline (Kafka source -> map -> toKafka) runs in its own JVM
 * and is halted abruptly at 24 different points, then restarted; the stream keeps flowing in
 * between. Every input record must reach the output topic at least once; duplicates are counted
 * and printed.
 */
class CrashTest {
    private static final int CHUNK = 150;
    private static final String[] STAGES = {"map", "ack", "timer"};
    private static final int[] POINTS = {1, 17, 40, 41, 63, 80, 99, 150};

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    @Test
    void everyRecordSurvivesTwentyFourCrashesAtLeastOnce() throws Exception {
        kafka.createTopic("crash-in", 3);
        kafka.createTopic("crash-out", 3);
        List<String> crashes = new ArrayList<>();
        int produced = 0;
        for (int k = 0; k < POINTS.length * STAGES.length; k++) {
            produced = produceChunk(produced);
            String stage = STAGES[k % STAGES.length];
            String source = k % 2 == 0 ? "batched" : "records";
            int point = POINTS[k / STAGES.length];
            Process worker = start(source, stage, point, k);
            boolean exited = worker.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                worker.destroyForcibly().waitFor();
            }
            assertThat(exited).as("worker %d (%s, %s at %d) halted; log:%n%s", k, source, stage, point, log(k)).isTrue();
            assertThat(worker.exitValue()).as("worker %d exit code; log:%n%s", k, log(k)).isEqualTo(CrashWorker.HALTED);
            crashes.add(source + "/" + stage + "@" + point);
        }

        int total = produced;
        Process last = start("batched", "none", 0, 99);
        List<ConsumerRecord<String, String>> out;
        try {
            out = kafka.consume("crash-out", total, Duration.ofSeconds(60));
            Map<String, Long> counts = out.stream().collect(Collectors.groupingBy(ConsumerRecord::value,
                    TreeMap::new, Collectors.counting()));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (missing(counts, total).size() > 0 && System.nanoTime() - deadline < 0) {
                out = kafka.consume("crash-out", out.size() + 1, Duration.ofSeconds(2));
                counts = out.stream().collect(Collectors.groupingBy(ConsumerRecord::value, TreeMap::new,
                        Collectors.counting()));
            }
        } finally {
            last.destroy();
            last.waitFor(30, TimeUnit.SECONDS);
        }

        Map<String, Long> counts = out.stream().collect(Collectors.groupingBy(ConsumerRecord::value, TreeMap::new,
                Collectors.counting()));
        List<String> lost = missing(counts, total);
        long duplicates = counts.values().stream().mapToLong(c -> c - 1).sum();
        System.out.printf("crash test: %d records produced, %d crashes (%s), %d records written, "
                + "lost %d, duplicates %d (%d records written more than once)%n", total, crashes.size(),
                String.join(", ", crashes), out.size(), lost.size(), duplicates,
                counts.values().stream().filter(c -> c > 1).count());
        assertThat(crashes).hasSizeGreaterThanOrEqualTo(20);
        assertThat(lost).as("records never written").isEmpty();
        assertThat(counts.keySet()).allMatch(v -> v.startsWith("out-v"));
        assertThat(out).hasSize((int) (total + duplicates));
    }

    private static int produceChunk(int from) throws Exception {
        kafka.produce("crash-in", IntStream.range(from, from + CHUNK).mapToObj(i -> "v" + i)
                .collect(Collectors.toList()));
        return from + CHUNK;
    }

    private static List<String> missing(Map<String, Long> counts, int total) {
        return IntStream.range(0, total).mapToObj(i -> "out-v" + i).filter(v -> !counts.containsKey(v))
                .collect(Collectors.toList());
    }

    private static Process start(String source, String stage, int point, int k) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-cp", classpath, CrashWorker.class.getName(), kafka.bootstrapServers(), "crash-group", "crash-in",
                "crash-out", source, stage, String.valueOf(point));
        pb.redirectErrorStream(true);
        pb.redirectOutput(logFile(k));
        return pb.start();
    }

    private static File logFile(int k) {
        return new File("target/crash-worker-" + k + ".log");
    }

    private static String log(int k) {
        try {
            return Files.readString(logFile(k).toPath());
        } catch (Exception e) {
            return "(no log: " + e + ")";
        }
    }
}
