package io.streamz.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptPublishMessage;
import java.io.IOException;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** A Moquette broker on 127.0.0.1 that can be stopped and started again on the same port. */
final class EmbeddedBroker implements AutoCloseable {
    final int port;
    /** Every message the broker received as {@code topic=payload} (UTF-8), in order, across restarts. */
    private final List<String> published = new CopyOnWriteArrayList<>();
    private Server server;

    EmbeddedBroker() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            port = probe.getLocalPort();
        }
        start();
    }

    void start() throws IOException {
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("netty.so_reuseaddr", "true");
        p.setProperty("intercept.thread_pool.size", "1");
        server = new Server();
        server.startServer(new MemoryConfig(p), List.of(new AbstractInterceptHandler() {
            @Override
            public String getID() {
                return "test-recorder";
            }

            @Override
            public void onSessionLoopError(Throwable error) {
            }

            @Override
            public void onPublish(InterceptPublishMessage msg) {
                published.add(msg.getTopicName() + "=" + msg.getPayload().toString(StandardCharsets.UTF_8));
                super.onPublish(msg);
            }
        }));
        // a fresh Moquette may drop its very first connection: start the tests on a settled broker
        Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(this::acceptsClients);
    }

    private boolean acceptsClients() throws MqttException {
        MqttClient c = new MqttClient("tcp://127.0.0.1:" + port, MqttClient.generateClientId(), new MemoryPersistence());
        try {
            c.connect();
            c.subscribe("probe", 1);
            c.disconnect();
            return true;
        } finally {
            c.close();
        }
    }

    /** The payloads of the messages the broker received on {@code topic}, in order. */
    List<String> published(String topic) {
        return published.stream().filter(m -> m.startsWith(topic + "="))
                .map(m -> m.substring(topic.length() + 1)).collect(Collectors.toList());
    }

    void stop() {
        server.stopServer();
        server = null;
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }
}
