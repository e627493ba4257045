package io.streamz.mqtt;

import io.streamz.Stream;
import io.streamz.internal.util.Checks;
import java.util.function.Function;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * MQTT sources and sinks (streamz {@code from_mqtt} and {@code to_mqtt}) on the Eclipse Paho
 * client, reconnecting by themselves after a broker restart.
 *
 * <pre>{@code
 * MqttSource in = Mqtt.fromMqtt("localhost", 1883, "sensors/#", 1);
 * in.map(MqttRecord::payloadAsString)
 *   .map(String::toUpperCase)
 *   .as(Mqtt.toMqtt("localhost", 1883, "shouted", 1));
 * in.start();
 * }</pre>
 *
 * <p>The same nodes are plugins: {@code Stream.source("from_mqtt", host, port, topic, qos)} and
 * {@code stream.plugin("to_mqtt", host, port, topic, qos)}.
 */
public final class Mqtt {
    private Mqtt() {
    }

    /**
     * See {@link #fromMqtt(String, int, String, int, MqttOptions)}; QoS 0, default options.
     *
     * @param host the broker's host name or IP address
     * @param port the broker's port, 1 to 65535 (usually 1883)
     * @param topic a topic filter, wildcards allowed
     * @return the new source, not yet started
     */
    public static MqttSource fromMqtt(String host, int port, String topic) {
        return fromMqtt(host, port, topic, 0, MqttOptions.defaults());
    }

    /**
     * See {@link #fromMqtt(String, int, String, int, MqttOptions)}; default options.
     *
     * @param host the broker's host name or IP address
     * @param port the broker's port, 1 to 65535 (usually 1883)
     * @param topic a topic filter, wildcards allowed
     * @param qos the subscription's QoS, 0 to 2
     * @return the new source, not yet started
     */
    public static MqttSource fromMqtt(String host, int port, String topic, int qos) {
        return fromMqtt(host, port, topic, qos, MqttOptions.defaults());
    }

    /**
     * A source of the messages published to {@code topic} (streamz {@code from_mqtt}); it
     * connects and subscribes on {@code start()}.
     *
     * <pre>{@code
     * MqttSource in = Mqtt.fromMqtt("localhost", 1883, "sensors/#", 1, MqttOptions.defaults());
     * List<String> out = in.map(MqttRecord::payloadAsString).sinkToList();
     * in.start();
     * // another client publishes "21.5" to sensors/kitchen
     * // out: [21.5]
     * }</pre>
     *
     * <p><b>Blocks:</b> the graph runs on the client's callback thread; while it is busy the
     * client reads no further messages, and a QoS 1 or 2 message is acknowledged only once the
     * graph is done with it, also when a node's {@code skip()} or {@code route()} error policy
     * handled a failure on it. A failure that propagates stops the source without acknowledging
     * the message ({@code completion()} fails with it): with a persistent session the broker
     * sends it again when the source is started again.
     *
     * @param host the broker's host name or IP address
     * @param port the broker's port, 1 to 65535 (usually 1883)
     * @param topic a topic filter, wildcards allowed
     * @param qos the subscription's QoS, 0 to 2
     * @param options the connection settings
     * @return the new source, not yet started
     * @throws NullPointerException if {@code host}, {@code topic} or {@code options} is null
     * @throws IllegalArgumentException if {@code port} or {@code qos} is out of range or
     *     {@code topic} is empty
     */
    public static MqttSource fromMqtt(String host, int port, String topic, int qos, MqttOptions options) {
        return new MqttSource(host, port, topic, qos, options);
    }

    /**
     * See {@link #toMqtt(String, int, String, int, MqttOptions)}; QoS 0, default options.
     *
     * @param <T> the element type
     * @param host the broker's host name or IP address
     * @param port the broker's port, 1 to 65535 (usually 1883)
     * @param topic a topic name, no wildcards
     * @return a function creating the sink downstream of the stream it is applied to
     */
    public static <T> Function<Stream<T>, MqttSink<T>> toMqtt(String host, int port, String topic) {
        return toMqtt(host, port, topic, 0, MqttOptions.defaults());
    }

    /**
     * See {@link #toMqtt(String, int, String, int, MqttOptions)}; default options.
     *
     * @param <T> the element type
     * @param host the broker's host name or IP address
     * @param port the broker's port, 1 to 65535 (usually 1883)
     * @param topic a topic name, no wildcards
     * @param qos 0 to 2
     * @return a function creating the sink downstream of the stream it is applied to
     */
    public static <T> Function<Stream<T>, MqttSink<T>> toMqtt(String host, int port, String topic, int qos) {
        return toMqtt(host, port, topic, qos, MqttOptions.defaults());
    }

    /**
     * A sink publishing every element to {@code topic} (streamz {@code to_mqtt}), for
     * {@code stream.as(...)}; it connects on the first element.
     *
     * <pre>{@code
     * Stream<String> readings = Stream.create();
     * MqttSink<String> out = readings.as(Mqtt.toMqtt("localhost", 1883, "sensors/temp", 1, MqttOptions.defaults()));
     * readings.emit("21.5");   // returns once the broker acknowledged it
     * out.destroy();           // disconnects
     * }</pre>
     *
     * <p><b>Blocks:</b> {@code emit} waits until the broker acknowledged the message (QoS 1, 2) or
     * it was written (QoS 0). While the broker is down, messages wait in the offline buffer and
     * {@code emit} waits with them; {@code emitAsync} does not. A message that cannot be sent
     * (the buffer is full, the first connection fails) fails {@code emit} with a
     * {@link io.streamz.NodeException}.
     *
     * <p><b>Metadata:</b> an element's refs are held until the broker acknowledged it (QoS 1,
     * 2), it was written (QoS 0) or it failed, so a {@link io.streamz.RefCounter} reaches zero
     * once the message is safe.
     *
     * @param <T> the element type: {@code byte[]} is sent as is, {@link MqttRecord} as its
     *     payload, anything else as {@code String.valueOf(x)} in UTF-8
     * @param host the broker's host name or IP address
     * @param port the broker's port, 1 to 65535 (usually 1883)
     * @param topic a topic name, no wildcards
     * @param qos 0 to 2
     * @param options the connection settings
     * @return a function creating the sink downstream of the stream it is applied to
     * @throws NullPointerException if {@code host}, {@code topic} or {@code options} is null
     * @throws IllegalArgumentException if {@code port} or {@code qos} is out of range or
     *     {@code topic} is empty; a topic with wildcards fails when the function is applied
     */
    public static <T> Function<Stream<T>, MqttSink<T>> toMqtt(String host, int port, String topic, int qos,
            MqttOptions options) {
        Checks.notNull(host, "toMqtt", "host");
        checkPort(port, "toMqtt");
        checkTopic(topic, "toMqtt");
        checkQos(qos, "toMqtt");
        Checks.notNull(options, "toMqtt", "options");
        return upstream -> new MqttSink<>(upstream, host, port, topic, qos, options);
    }

    static String uri(String host, int port) {
        return "tcp://" + (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    static int checkPort(int port, String node) {
        if (port < 1 || port > 65535) {
            throw Checks.invalid(node, "port must be between 1 and 65535, was " + port);
        }
        return port;
    }

    static String checkTopic(String topic, String node) {
        Checks.notNull(topic, node, "topic");
        if (topic.isEmpty()) {
            throw Checks.invalid(node, "topic must not be empty");
        }
        return topic;
    }

    static int checkQos(int qos, String node) {
        if (qos < 0 || qos > 2) {
            throw Checks.invalid(node, "qos must be 0, 1 or 2, was " + qos);
        }
        return qos;
    }

    static void closeQuietly(MqttAsyncClient client) {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(200, 1000);
            }
        } catch (MqttException ignored) {
            // closing anyway
        }
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // nothing left to release
        }
    }
}
