package io.streamz.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.streamz.Stream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    private MosquittoBroker mosquitto;
    private int port;
    private MqttSource in;
    private MqttSink<String> out;

    @BeforeEach
    void startMosquitto() throws IOException {
        assumeMosquitto();
        mosquitto = new MosquittoBroker(dir, false);
        port = mosquitto.port;
    }

    /** Skips the test without a mosquitto on the PATH, except in CI ({@code STREAMZ_CI=1}), which installs it. */
    static void assumeMosquitto() {
        boolean present = MosquittoBroker.binary().isPresent();
        if ("1".equals(System.getenv("STREAMZ_CI"))) {
            assertThat(present).as("mosquitto on the PATH (CI installs it)").isTrue();
        }
        assumeTrue(present, "no mosquitto on the PATH");
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        if (in != null) {
            in.stop();
        }
        if (out != null) {
            out.destroy();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
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

        mosquitto.stop();
        await().atMost(PATIENCE).until(() -> !out.isConnected() && !in.isConnected());
        CompletableFuture<Void> buffered = values.emitAsync("buffered");
        assertThat(buffered).isNotDone();
        mosquitto.start();
        await().atMost(PATIENCE).until(() -> buffered.isDone());
        assertThat(buffered).isCompleted();
        await().atMost(PATIENCE).until(in::isConnected);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            values.emit("after");
            return received.contains("after");
        });
        assertThat(received.subList(0, 2)).containsExactly("one", "two");
    }
}
