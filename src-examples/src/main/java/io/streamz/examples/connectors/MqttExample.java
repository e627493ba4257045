package io.streamz.examples.connectors;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.streamz.Stream;
import io.streamz.mqtt.Mqtt;
import io.streamz.mqtt.MqttOptions;
import io.streamz.mqtt.MqttRecord;
import io.streamz.mqtt.MqttSink;
import io.streamz.mqtt.MqttSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * MQTT in and out (streamz {@code from_mqtt}, {@code to_mqtt}) against a Moquette broker that
 * the example starts on 127.0.0.1 and stops again: readings published to {@code sensors/kitchen}
 * come back through a subscription to {@code sensors/#}.
 */
public final class MqttExample {
    private MqttExample() {
    }

    /** Starts a broker, round-trips three readings through it, and stops everything. */
    public static void main(String[] args) throws Exception {
        int port = freePort();
        Server broker = startBroker(port);
        try {
            // docs:start
            CountDownLatch three = new CountDownLatch(3);
            MqttSource in = Mqtt.fromMqtt("127.0.0.1", port, "sensors/#", 1);
            in.map(MqttRecord::toString).sink(line -> {
                System.out.println("received " + line);
                three.countDown();
            });
            in.start();

            Stream<String> readings = Stream.create();
            MqttSink<String> out = readings.as(Mqtt.toMqtt("127.0.0.1", port, "sensors/kitchen", 1,
                    MqttOptions.defaults().withMaxReconnectDelay("2s")));
            for (String r : List.of("21.5", "21.7", "22.0")) {
                readings.emit(r);   // returns once the broker acknowledged it (QoS 1)
            }

            three.await(10, TimeUnit.SECONDS);
            out.destroy();
            in.stop();
            // docs:end
        } finally {
            broker.stopServer();
        }
    }

    private static Server startBroker(int port) throws IOException, InterruptedException {
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("telemetry_enabled", "false");
        Server server = new Server();
        server.startServer(new MemoryConfig(p));
        waitUntilReady(port);
        return server;
    }

    /** A fresh Moquette may drop its very first connection: let a probe client go first. */
    private static void waitUntilReady(int port) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                MqttClient probe = new MqttClient("tcp://127.0.0.1:" + port, MqttClient.generateClientId(),
                        new MemoryPersistence());
                probe.connect();
                probe.subscribe("probe", 1);
                probe.disconnect();
                probe.close();
                return;
            } catch (MqttException e) {
                if (attempt == 50) {
                    throw new IllegalStateException("the example's broker does not accept clients", e);
                }
                Thread.sleep(100);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            return probe.getLocalPort();
        }
    }
}
