package io.streamz.mqtt;

import io.streamz.Source;
import io.streamz.internal.util.Checks;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * Implements {@link Mqtt#fromMqtt(String, int, String, int, MqttOptions)}: subscribes on
 * {@link #start()}, emits every message as an {@link MqttRecord}, subscribes again after each
 * reconnect, and disconnects on {@link #stop()}.
 *
 * <pre>{@code
 * MqttSource in = Mqtt.fromMqtt("localhost", 1883, "sensors/#", 1);
 * in.map(MqttRecord::payloadAsString).sink(System.out::println);
 * in.start();
 * }</pre>
 */
public final class MqttSource extends Source<MqttRecord> {
    private static final Logger LOG = Loggers.getLogger(MqttSource.class);

    private final String host;
    private final int port;
    private final String topic;
    private final int qos;
    private final MqttOptions options;
    private volatile MqttAsyncClient client;

    MqttSource(String host, int port, String topic, int qos, MqttOptions options) {
        super("fromMqtt", null);
        this.host = Checks.notNull(host, "fromMqtt", "host");
        this.port = Mqtt.checkPort(port, "fromMqtt");
        this.topic = Mqtt.checkTopic(topic, "fromMqtt");
        this.qos = Mqtt.checkQos(qos, "fromMqtt");
        this.options = Checks.notNull(options, "fromMqtt", "options");
    }

    /**
     * Whether the client is connected to the broker right now.
     *
     * @return {@code true} while connected, {@code false} before the first connection, while
     *     reconnecting and after closing
     */
    public boolean isConnected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    /**
     * Connects and subscribes, waiting up to the connection timeout.
     *
     * @throws IllegalStateException if the broker cannot be reached or refuses; the source is
     *     then left stopped
     */
    @Override
    protected void onStart() {
        String uri = Mqtt.uri(host, port);
        MqttAsyncClient c = null;
        try {
            c = new MqttAsyncClient(uri, options.clientIdOrGenerated(), new MemoryPersistence());
            MqttAsyncClient self = c;
            c.setCallback(new Callback(self));
            client = c;
            c.connect(options.connectOptions(true)).waitForCompletion();
            c.subscribe(topic, qos).waitForCompletion();
        } catch (MqttException e) {
            Mqtt.closeQuietly(c);
            stop();
            throw new IllegalStateException("fromMqtt: cannot subscribe to \"" + topic + "\" at " + uri + ": " + e, e);
        }
    }

    @Override
    protected void onStop() {
        MqttAsyncClient c = client;
        client = null;
        Mqtt.closeQuietly(c);
    }

    @Override
    protected String describeParams() {
        return "host=" + host + ", port=" + port + ", topic=" + topic + ", qos=" + qos;
    }

    private final class Callback implements MqttCallbackExtended {
        private final MqttAsyncClient owner;

        Callback(MqttAsyncClient owner) {
            this.owner = owner;
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                try {
                    owner.subscribe(topic, qos);
                } catch (MqttException e) {
                    LOG.warn("fromMqtt: cannot subscribe again to \"" + topic + "\" at " + serverUri, e);
                }
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            LOG.debug("fromMqtt: connection lost, reconnecting: " + cause);
        }

        /** Runs the graph on Paho's callback thread: the broker gets the ack once the graph is done. */
        @Override
        public void messageArrived(String t, MqttMessage message) {
            if (client != owner) {
                return;
            }
            MqttRecord record = new MqttRecord(t, message.getPayload(), message.getQos(), message.isRetained());
            try {
                emit(record);
            } catch (RuntimeException e) {
                LOG.warn(MqttSource.this + ": the graph failed on " + record, e);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}
