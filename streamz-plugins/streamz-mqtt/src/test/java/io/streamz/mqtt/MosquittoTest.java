package io.streamz.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamz.Stream;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same round trip and restart against Mosquitto; skipped when no {@code mosquitto} is on the PATH. */
class MosquittoTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final MqttOptions FAST = MqttOptions.defaults().withMaxReconnectDelay("1s");

    @TempDir
    Path dir;
    private Path binary;
    private Path config;
    private int port;
    private Process mosquitto;
    private MqttSource in;
    private MqttSink<String> out;

    @BeforeEach
    void startMosquitto() throws IOException {
        Optional<Path> found = onPath("mosquitto");
        assumeTrue(found.isPresent(), "no mosquitto on the PATH");
        binary = found.get();
        port = MqttTest.freePort();
        config = dir.resolve("mosquitto.conf");
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        start();
    }

    @AfterEach
    void stopAll() {
        if (in != null) {
            in.stop();
        }
        if (out != null) {
            out.destroy();
        }
        if (mosquitto != null) {
            mosquitto.destroy();
        }
    }

    private void start() {
        try {
            mosquitto = new ProcessBuilder(binary.toString(), "-c", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            }
        });
    }

    private void stop() throws InterruptedException {
        mosquitto.destroy();
        mosquitto.waitFor();
    }

    @Test
    void roundTripRetainedMessagesAndRestart() throws Exception {
        MqttClient c = new MqttClient("tcp://127.0.0.1:" + port, MqttClient.generateClientId(), new MemoryPersistence());
        c.connect();
        c.publish("m/retained", "kept".getBytes(StandardCharsets.UTF_8), 1, true);
        c.disconnect();
        c.close();
        in = Mqtt.fromMqtt("127.0.0.1", port, "m/#", 1, FAST);
        List<MqttRecord> records = in.sinkToList();
        List<String> received = in.filter(r -> !r.retained()).map(MqttRecord::payloadAsString).sinkToList();
        in.start();
        Stream<String> values = Stream.create();
        out = values.as(Mqtt.toMqtt("127.0.0.1", port, "m/x", 1, FAST));

        values.emit("one");
        values.emit("two");
        await().atMost(PATIENCE).until(() -> received.size() == 2);
        assertThat(received).containsExactly("one", "two");
        assertThat(records.get(0).retained()).isTrue();
        assertThat(records.get(0).payloadAsString()).isEqualTo("kept");

        stop();
        await().atMost(PATIENCE).until(() -> !out.isConnected() && !in.isConnected());
        CompletableFuture<Void> buffered = values.emitAsync("buffered");
        assertThat(buffered).isNotDone();
        start();
        await().atMost(PATIENCE).until(() -> buffered.isDone());
        assertThat(buffered).isCompleted();
        await().atMost(PATIENCE).until(in::isConnected);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            values.emit("after");
            return received.contains("after");
        });
        assertThat(received.subList(0, 2)).containsExactly("one", "two");
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator)).map(d -> Path.of(d, program))
                .filter(Files::isExecutable).findFirst();
    }
}
