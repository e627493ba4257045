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

    private static Server startBroker(int port) throws IOException {
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("telemetry_enabled", "false");
        Server server = new Server();
        server.startServer(new MemoryConfig(p));
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            return probe.getLocalPort();
        }
    }
}
