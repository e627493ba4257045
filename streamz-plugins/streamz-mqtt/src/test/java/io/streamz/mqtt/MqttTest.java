package io.streamz.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.streamz.NodeException;
import io.streamz.RefCounter;
import io.streamz.Stream;
import io.streamz.spi.NodeProvider;
import io.streamz.spi.SourceProvider;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MqttTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final MqttOptions FAST = MqttOptions.defaults().withMaxReconnectDelay("1s");

    private static EmbeddedBroker shared;
    private EmbeddedBroker broker;
    private final List<Runnable> cleanup = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws IOException {
        shared = new EmbeddedBroker();
    }

    @AfterAll
    static void stopBroker() {
        shared.close();
    }

    @BeforeEach
    void useSharedBroker() {
        broker = shared;
    }

    @AfterEach
    void stopAll() {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).run();
        }
    }

    /** A broker of the test's own, which it may stop and start. */
    private EmbeddedBroker ownBroker() throws IOException {
        EmbeddedBroker own = new EmbeddedBroker();
        broker = own;
        cleanup.add(own::close);
        return own;
    }

    private MqttSource source(String topic, int qos) {
        MqttSource s = Mqtt.fromMqtt("127.0.0.1", broker.port, topic, qos, FAST);
        cleanup.add(s::stop);
        return s;
    }

    private <T> MqttSink<T> sink(Stream<T> upstream, String topic, int qos) {
        MqttSink<T> s = upstream.as(Mqtt.toMqtt("127.0.0.1", broker.port, topic, qos, FAST));
        cleanup.add(s::destroy);
        return s;
    }

    private void publish(String topic, String payload) throws MqttException {
        MqttClient c = new MqttClient("tcp://127.0.0.1:" + broker.port, MqttClient.generateClientId(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setConnectionTimeout(2);
        c.connect(o);
        try {
            c.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
        } finally {
            c.disconnect();
            c.close();
        }
    }

    @Test
    void toMqttThenFromMqttCarriesElementsInOrder() {
        MqttSource in = source("sensors/#", 1);
        List<MqttRecord> received = in.sinkToList();
        in.start();

        Stream<String> readings = Stream.create();
        sink(readings, "sensors/kitchen", 1);
        readings.emit("21.5");
        readings.emit("22.0");
        readings.emit("ünïcode");

        await().atMost(PATIENCE).until(() -> received.size() == 3);
        assertThat(received).extracting(MqttRecord::payloadAsString).containsExactly("21.5", "22.0", "ünïcode");
        assertThat(received).extracting(MqttRecord::topic).containsOnly("sensors/kitchen");
        assertThat(received).extracting(MqttRecord::qos).containsOnly(1);
        assertThat(in.isConnected()).isTrue();
    }

    @Test
    void toMqttSendsBytesAsIsAndOtherValuesAsText() {
        Stream<Object> values = Stream.create();
        sink(values, "mixed", 0);
        values.emit(new byte[] {'o', 'k'});
        values.emit(42);
        values.emit(null);

        await().atMost(PATIENCE).until(() -> broker.published("mixed").size() == 3);
        assertThat(broker.published("mixed")).containsExactly("ok", "42", "null");
    }

    @Test
    void toMqttEmitWaitsForTheBrokerAndBuffersWhileItIsDown() throws IOException {
        ownBroker();
        Stream<String> readings = Stream.create();
        MqttSink<String> out = sink(readings, "readings", 1);
        readings.emit("before");
        await().atMost(PATIENCE).until(() -> broker.published("readings").contains("before"));

        broker.stop();
        await().atMost(PATIENCE).until(() -> !out.isConnected());
        RefCounter ref = new RefCounter();
        CompletableFuture<Void> a = readings.emitAsync("while-down-1", List.of(Map.of("ref", ref)));
        CompletableFuture<Void> b = readings.emitAsync("while-down-2");
        assertThat(a).isNotDone();
        assertThat(b).isNotDone();
        assertThat(ref.count()).isEqualTo(2);           // held by the emit and by toMqtt until the broker has it

        broker.start();
        await().atMost(PATIENCE).until(() -> a.isDone() && b.isDone());
        assertThat(a).isCompleted();
        assertThat(b).isCompleted();
        assertThat(ref.count()).isZero();
        await().atMost(PATIENCE).until(() -> broker.published("readings").size() == 3);
        assertThat(broker.published("readings")).containsExactly("before", "while-down-1", "while-down-2");
    }

    @Test
    void fromMqttSubscribesAgainAfterBrokerRestart() throws Exception {
        ownBroker();
        MqttSource in = source("events", 1);
        List<String> received = in.map(MqttRecord::payloadAsString).sinkToList();
        in.start();
        publish("events", "first");
        await().atMost(PATIENCE).until(() -> received.contains("first"));

        broker.stop();
        await().atMost(PATIENCE).until(() -> !in.isConnected());
        broker.start();
        await().atMost(PATIENCE).until(in::isConnected);

        AtomicInteger attempt = new AtomicInteger();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            publish("events", "after-" + attempt.incrementAndGet());
            return received.stream().anyMatch(s -> s.startsWith("after-"));
        });
        assertThat(received.get(0)).isEqualTo("first");
    }

    @Test
    void fromMqttReadsTheNextMessageOnceTheGraphIsDone() throws Exception {
        MqttSource in = source("gated", 1);
        Gate gate = new Gate(in);
        List<MqttRecord> after = gate.sinkToList();
        in.start();

        publish("gated", "first");
        publish("gated", "second");
        await().atMost(PATIENCE).until(() -> gate.arrived.size() == 1);
        assertThat(after).hasSize(1);
        assertThat(gate.arrived).hasSize(1);            // the second waits until the first is done

        gate.open.complete(null);
        await().atMost(PATIENCE).until(() -> gate.arrived.size() == 2);
        assertThat(after).extracting(MqttRecord::payloadAsString).containsExactly("first", "second");
    }

    @Test
    void messagesReceivedAndNotYetEmittedAreTheSourcesQueueUpToMaxQueued() throws Exception {
        MqttSource in = Mqtt.fromMqtt("127.0.0.1", broker.port, "queued", 1, FAST.withMaxQueued(3));
        cleanup.add(in::stop);
        Gate gate = new Gate(in);
        List<MqttRecord> after = gate.sinkToList();
        in.start();
        assertThat(in.stats().queued()).isZero();

        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add("m" + i);
            publish("queued", "m" + i);
        }
        // one message in the graph, three queued; the client waits to hand over the next
        await().atMost(PATIENCE).until(() -> gate.arrived.size() == 1 && in.stats().queued() == 3);
        assertThat(gate.arrived).hasSize(1);
        assertThat(in.stats().queued()).isEqualTo(3);

        gate.open.complete(null);
        await().atMost(PATIENCE).until(() -> after.size() == 10);
        assertThat(in.stats().queued()).isZero();
        assertThat(after).extracting(MqttRecord::payloadAsString).containsExactlyElementsOf(sent);
        assertThatThrownBy(() -> MqttOptions.defaults().withMaxQueued(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(MqttOptions.defaults().maxQueued()).isEqualTo(100);
    }

    /** Holds every element's completion until the test opens it: an asynchronous sink. */
    private static final class Gate extends Stream<MqttRecord> {
        final List<Object> arrived = new java.util.concurrent.CopyOnWriteArrayList<>();
        final CompletableFuture<Void> open = new CompletableFuture<>();

        Gate(Stream<MqttRecord> upstream) {
            super(upstream);
        }

        @Override
        protected CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
            arrived.add(x);
            return both(emitDownstream(cast(x), metadata), open);
        }
    }

    @Test
    void retainedMessagesReachNewSubscribersAndQos2Works() throws Exception {
        MqttClient c = new MqttClient("tcp://127.0.0.1:" + broker.port, MqttClient.generateClientId(), new MemoryPersistence());
        c.connect();
        c.publish("status/door", "open".getBytes(StandardCharsets.UTF_8), 1, true);
        c.disconnect();
        c.close();

        MqttSource in = source("status/#", 2);
        List<MqttRecord> received = in.sinkToList();
        in.start();
        Stream<String> values = Stream.create();
        sink(values, "status/window", 2);
        values.emit("closed");

        await().atMost(PATIENCE).until(() -> received.size() == 2);
        MqttRecord door = received.get(0);
        // Moquette leaves the retain flag off when it sends a retained message (MosquittoTest checks it)
        assertThat(List.of(door.topic(), door.payloadAsString(), door.qos())).containsExactly("status/door", "open", 1);
        assertThat(received.get(1).topic()).isEqualTo("status/window");
        assertThat(received.get(1).qos()).isEqualTo(2);
        assertThat(received.get(1).retained()).isFalse();
    }

    @Test
    void fromMqttFailsToStartWithoutBrokerAndStaysStopped() throws IOException {
        int closedPort = freePort();
        MqttSource in = Mqtt.fromMqtt("127.0.0.1", closedPort, "t", 0, MqttOptions.defaults().withConnectionTimeout("1s"));

        assertThatThrownBy(in::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fromMqtt: cannot subscribe to \"t\" at tcp://127.0.0.1:" + closedPort);
        assertThat(in.isStarted()).isFalse();
    }

    @Test
    void toMqttFailsTheElementWhenTheFirstConnectionFails() throws IOException {
        int closedPort = freePort();
        Stream<String> values = Stream.create();
        values.as(Mqtt.toMqtt("127.0.0.1", closedPort, "t", 1, MqttOptions.defaults().withConnectionTimeout("1s")));

        assertThatThrownBy(() -> values.emit("lost"))
                .isInstanceOf(NodeException.class)
                .hasMessageStartingWith("toMqtt(host=127.0.0.1, port=" + closedPort + ", topic=t, qos=1) failed on element \"lost\"");
    }

    @Test
    void badArgumentsAreRejectedWhenBuilding() {
        Stream<String> s = Stream.create();
        assertThatThrownBy(() -> Mqtt.fromMqtt("localhost", 1883, "t", 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("fromMqtt: qos must be 0, 1 or 2, was 3");
        assertThatThrownBy(() -> Mqtt.fromMqtt("localhost", 0, "t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("fromMqtt: port must be between 1 and 65535, was 0");
        assertThatThrownBy(() -> Mqtt.fromMqtt("localhost", 1883, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("fromMqtt: topic must not be empty");
        assertThatThrownBy(() -> Mqtt.fromMqtt(null, 1883, "t"))
                .isInstanceOf(NullPointerException.class).hasMessage("fromMqtt: host is null");
        assertThatThrownBy(() -> s.as(Mqtt.toMqtt("localhost", 1883, "a/#", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("toMqtt: topic must not contain wildcards, was \"a/#\"");
        assertThatThrownBy(() -> Mqtt.toMqtt("localhost", 1883, "t", -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("toMqtt: qos must be 0, 1 or 2, was -1");
        assertThatThrownBy(() -> MqttOptions.defaults().withKeepAlive("10ms"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MqttOptions: keepAlive must be >= 1s, was 10ms");
        assertThat(MqttOptions.defaults().withKeepAlive("2m").withMaxReconnectDelay("3s").toString())
                .contains("keepAlive=2m").contains("maxReconnectDelay=3s");
    }

    @Test
    void pluginsBuildTheSameNodes() {
        SourceProvider from = ServiceLoader.load(SourceProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("from_mqtt")).findFirst().orElseThrow();
        NodeProvider to = ServiceLoader.load(NodeProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("to_mqtt")).findFirst().orElseThrow();

        MqttSource in = (MqttSource) Stream.<MqttRecord>source("from_mqtt", "127.0.0.1", broker.port, "plugged", 1);
        cleanup.add(in::stop);
        List<MqttRecord> received = in.sinkToList();
        in.start();
        Stream<String> values = Stream.create();
        Stream<?> out = values.plugin("to_mqtt", "127.0.0.1", broker.port, "plugged", 1);
        cleanup.add(to.create(Stream.create(), "127.0.0.1", broker.port, "unused")::destroy);
        cleanup.add(out::destroy);
        values.emit("via plugin");

        assertThat(out).isInstanceOf(MqttSink.class);
        await().atMost(PATIENCE).until(() -> received.size() == 1);
        assertThat(received.get(0).payloadAsString()).isEqualTo("via plugin");
        assertThatThrownBy(() -> from.create("127.0.0.1", "1883", "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Plugin \"from_mqtt\": argument 2 must be an Integer, was String 1883");
        assertThatThrownBy(() -> to.create(values, "127.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Plugin \"to_mqtt\" takes 3 to 5 arguments, got 1");
    }

    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            return probe.getLocalPort();
        }
    }
}
