package io.streamz.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamz.testing.CrashRuns;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * At least once across crashes with MQTT QoS 1: the pipeline {@code fromMqtt -> map -> toMqtt}
 * runs in its own JVM ({@link CrashWorker}) and is crashed {@link #CRASHES} times (51 in CI, more
 * with {@code -Dstreamz.crash.count=N}, see {@code benchmarks/crash.sh}): killed from
 * outside with {@code SIGKILL} ({@link Process#destroyForcibly()}) at a random moment, or halted
 * from inside before the n-th publish; the broker is restarted once while a worker runs. Every
 * message published to the input must reach the output with its whole payload.
 *
 * <p>The duplicate bound: the graph runs on the client's callback thread and an input message
 * is acknowledged once its output was, but the acknowledgements leave through the client's
 * sender thread, so a crash can lose some that were not written yet. The broker sends at most
 * {@code max_inflight_messages} (20) messages that are not acknowledged, so a crash repeats at
 * most {@link #DUPLICATES_PER_CRASH}; the worker that lives through the broker restart may also
 * send its output in flight again after reconnecting, one more.
 *
 * <p>The broker is Mosquitto with persistence, so that its restart keeps the sessions and the
 * queued messages: what a broker forgets when it restarts says nothing about the pipeline.
 * {@code .ci/run} installs it; without it the test is skipped (failed under {@code STREAMZ_CI=1}).
 */
class CrashTest {
    static final int CRASHES = Integer.getInteger("streamz.crash.count", 51);
    static final int CHUNK = 40;
    static final int DUPLICATES_PER_CRASH = MosquittoBroker.MAX_INFLIGHT;
    private static final int[] POINTS = {1, 7, 20, 33, 40};
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String IN = "crash/in";
    private static final String OUT = "crash/out";

    @TempDir
    Path dir;
    private MosquittoBroker broker;
    /** Every output message as {@code topic=payload}, in arrival order, across recorder connections. */
    private final List<String> recorded = new CopyOnWriteArrayList<>();

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyMessageSurvivesFiftyCrashesAndABrokerRestartAtLeastOnce() throws Exception {
        MosquittoTest.assumeMosquitto();
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> crashes = new ArrayList<>();
        int restartedUnder = CRASHES / 2;
        int produced = 0;
        broker = new MosquittoBroker(dir, true);
        MqttClient recorder = record();
        try {
            for (int k = 0; k < CRASHES; k++) {
                int point = POINTS[random.nextInt(POINTS.length)];
                boolean kill = k % 2 == 0 || k == restartedUnder;
                Process worker = start(k, kill ? "none" : "map", point);
                try {
                    // a halting worker may halt on the backlog before it says it started
                    assertThat("started".equals(CrashRuns.firstLine(worker)) || !kill)
                            .as("worker %d started; log:%n%s", k, log(k)).isTrue();
                    produced = publishChunk(produced);
                    if (k == restartedUnder) {
                        awaitAllWritten(produced, "before the broker restart");
                        broker.stop();
                        broker.start();
                        close(recorder);
                        recorder = record();
                        produced = publishChunk(produced);
                        awaitAllWritten(produced, "after the broker restart");
                        crashes.add(k + ":broker-restart+kill");
                    } else if (kill) {
                        int worker0 = k;
                        await().atMost(WAIT).until(() -> outputs().containsKey(worker0) || !worker.isAlive());
                        int delay = random.nextInt(300);
                        assertThat(worker.waitFor(delay, TimeUnit.MILLISECONDS))
                                .as("worker %d ended by itself; log:%n%s", k, log(k)).isFalse();
                        crashes.add(k + ":kill@" + delay + "ms after its first output");
                    } else {
                        CrashRuns.assertHalted(worker, CrashWorker.HALTED, WAIT.toSeconds(), logFile(k));
                        crashes.add(k + ":map@" + point);
                    }
                } finally {
                    worker.destroyForcibly().waitFor();
                }
            }

            int total = produced;
            Process last = start(CRASHES, "none", 0);
            try {
                awaitAllWritten(total, "at the end");
            } finally {
                last.destroyForcibly().waitFor();
            }
        } finally {
            close(recorder);
            broker.close();
        }

        int total = produced;
        Map<Integer, List<String>> byWorker = outputs();
        Map<String, List<Integer>> writers = new HashMap<>();
        byWorker.forEach((w, vs) -> vs.forEach(v -> writers.computeIfAbsent(v, x -> new ArrayList<>()).add(w)));
        Map<Integer, Long> perCrash = CrashRuns.duplicatesByWorker(writers.values());
        long written = byWorker.values().stream().mapToLong(List::size).sum();
        System.out.printf("mqtt crash test (seed %d): %d messages, %d crashes [%s], %d written, %d missing, "
                + "%d duplicates, by crashed worker %s%n", seed, total, crashes.size(), String.join(", ", crashes),
                written, missing(total).size(), written - total, perCrash);
        assertThat(crashes).hasSizeGreaterThanOrEqualTo(50);
        assertThat(missing(total)).as("messages never written (seed %d)", seed).isEmpty();
        assertThat(byWorker.values().stream().flatMap(List::stream))
                .as("every output is a whole input payload")
                .allMatch(v -> v.equals("out-" + CrashRuns.payload(CrashRuns.number(v))));
        assertThat(perCrash).as("duplicates by crashed worker (seed %d)", seed).allSatisfy((worker, n) ->
                assertThat(n).isLessThanOrEqualTo(DUPLICATES_PER_CRASH + (worker == restartedUnder ? 1 : 0)));
    }

    private void awaitAllWritten(int total, String when) {
        try {
            await().atMost(WAIT).until(() -> missing(total).isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("messages not written " + when + ": " + missing(total) + "; written by worker: "
                    + outputs().entrySet().stream().map(w -> w.getKey() + "=" + w.getValue().stream()
                            .map(CrashRuns::number).collect(Collectors.toList())).collect(Collectors.joining(", ")), e);
        }
    }

    /** A client recording every output message; returns once it is subscribed. */
    private MqttClient record() throws MqttException {
        MqttClient c = new MqttClient("tcp://127.0.0.1:" + broker.port, MqttClient.generateClientId(),
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMaxInflight(1000);
        c.connect(options);
        c.subscribe(OUT + "/#", 1, (topic, m) -> recorded.add(topic + "=" + new String(m.getPayload(), StandardCharsets.UTF_8)));
        return c;
    }

    private static void close(MqttClient c) throws MqttException {
        if (c.isConnected()) {
            c.disconnect();
        }
        c.close(true);
    }

    private int publishChunk(int from) throws MqttException {
        MqttClient publisher = new MqttClient("tcp://127.0.0.1:" + broker.port, MqttClient.generateClientId(),
                new MemoryPersistence());
        try {
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMaxInflight(1000);
            publisher.connect(options);
            for (int i = from; i < from + CHUNK; i++) {
                MqttMessage m = new MqttMessage(CrashRuns.payload(i).getBytes(StandardCharsets.UTF_8));
                m.setQos(1);
                publisher.publish(IN, m);   // returns once the broker acknowledged it
            }
        } finally {
            close(publisher);
        }
        return from + CHUNK;
    }

    /** The output payloads recorded, by the worker that sent them. */
    private Map<Integer, List<String>> outputs() {
        Map<Integer, List<String>> out = new TreeMap<>();
        for (String m : recorded) {
            int eq = m.indexOf('=');
            out.computeIfAbsent(Integer.parseInt(m.substring(OUT.length() + 1, eq)), w -> new ArrayList<>())
                    .add(m.substring(eq + 1));
        }
        return out;
    }

    private List<Integer> missing(int total) {
        Set<String> seen = new HashSet<>();
        outputs().values().forEach(seen::addAll);
        return IntStream.range(0, total).filter(i -> !seen.contains("out-" + CrashRuns.payload(i))).boxed()
                .collect(Collectors.toList());
    }

    private Process start(int k, String stage, int point) throws Exception {
        return CrashRuns.startJava(CrashWorker.class, List.of(), List.of(String.valueOf(broker.port), IN, OUT,
                String.valueOf(k), stage, String.valueOf(point)), logFile(k));
    }

    private static File logFile(int k) {
        return new File("target/mqtt-crash-worker-" + k + ".log");
    }

    private static String log(int k) {
        return CrashRuns.read(logFile(k));
    }
}
