package io.streamz.features.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamz.Stream;
import io.streamz.features.FeatureTable;
import io.streamz.features.Features;
import io.streamz.features.Table;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the pipeline's JVM with SIGKILL in the middle of the stream, restarts it on the same
 * RocksDB directory, and checks every feature of every key against a recomputation from the raw
 * events: buckets and the position in the stream are committed together, so the events replayed
 * after a kill are counted once. Costs about 10 s (three JVM starts) on a quiet machine;
 * {@code -Drestart.repeat=20} repeats the whole kill series, each time in a new directory.
 */
class RestartTest {
    private static final int EVENTS = 8_000;
    private static final int COMMIT_EVERY = 500;

    @Test
    void killedMidStreamAndRestartedCountsEveryEventOnce(@TempDir Path dirs) throws Exception {
        int repeat = Integer.getInteger("restart.repeat", 1);
        for (int i = 0; i < repeat; i++) {
            killAndRestart(dirs.resolve("run-" + i));
        }
    }

    private static void killAndRestart(Path dir) throws Exception {
        Child first = Child.start(dir, 2_750);                 // 250 processed after the last commit
        assertThat(first.awaitLine("waiting")).isEqualTo("waiting 2751");
        first.kill();

        Child second = Child.start(dir, -1);
        assertThat(second.awaitLine("resumed")).isEqualTo("resumed 2500");
        second.awaitLine("committed 5000");
        second.kill();                                         // while it runs, wherever it is

        Child third = Child.start(dir, -1);
        assertThat(third.awaitLine("resumed")).startsWith("resumed ");
        third.awaitLine("done");
        assertThat(third.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(third.process.exitValue()).isZero();

        assertEveryFeatureMatchesARecomputation(dir);
    }

    private static void assertEveryFeatureMatchesARecomputation(Path dir) {
        FeatureTable expected = FeatureTable.of(RestartPipeline.aggregators());
        Stream<Map<String, Object>> source = Stream.create();
        Features.aggregateByKey(source, "key", "time", expected, io.streamz.features.EmitPolicy.everyEvent());
        for (int i = 0; i < EVENTS; i++) {
            source.emit(RestartPipeline.event(i));
        }
        Instant end = RestartPipeline.BASE.plusSeconds(EVENTS * 4L);
        try (Table storage = Table.of(RocksDbStorage.open(dir))) {
            FeatureTable restored = FeatureTable.of(RestartPipeline.aggregators(), storage);
            assertThat(storage.get("$offsets")).isEqualTo(Map.of("next", (long) EVENTS));
            List<String> keys = new ArrayList<>(storage.keys());
            keys.remove("$offsets");
            assertThat(keys).hasSize(150);
            for (String k : keys) {
                for (Instant at : List.of(end, end.minusSeconds(1_800), end.minusSeconds(5_000))) {
                    assertThat(restored.query(k, at)).as("%s at %s", k, at).isEqualTo(expected.query(k, at));
                }
            }
        }
    }

    /** The pipeline in a child JVM, its output lines in a queue. */
    private static final class Child {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        private Child(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("read failed: " + e);
                }
            }, "restart-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(Path dir, int waitAfter) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            return new Child(new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    RestartPipeline.class.getName(), dir.toString(), String.valueOf(EVENTS),
                    String.valueOf(COMMIT_EVERY), String.valueOf(waitAfter))
                    .redirectErrorStream(true).start());
        }

        /** The first line starting with {@code prefix}, waiting up to a minute. */
        String awaitLine(String prefix) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            List<String> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    break;
                }
                if (line.startsWith(prefix)) {
                    return line;
                }
                seen.add(line);
            }
            throw new AssertionError("no line starting with \"" + prefix + "\" within 60 s; the child printed "
                    + seen.subList(Math.max(0, seen.size() - 20), seen.size()));
        }

        /** SIGKILL, and wait for the process to be gone. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }
}
