package io.streamz.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One message received by {@link Mqtt#fromMqtt}: its topic, payload, QoS and retained flag
 * (streamz's {@code from_mqtt} emits Paho's message object; this is its immutable Java twin).
 *
 * <pre>{@code
 * Source<MqttRecord> in = Mqtt.fromMqtt("localhost", 1883, "sensors/#");
 * in.map(MqttRecord::payloadAsString).sink(System.out::println);
 * in.start();
 * }</pre>
 */
public final class MqttRecord {
    private final String topic;
    private final byte[] payload;
    private final int qos;
    private final boolean retained;

    /**
     * A message as received.
     *
     * @param topic the topic it was published to
     * @param payload its bytes (copied)
     * @param qos the QoS it was delivered with, 0 to 2
     * @param retained whether the broker kept it as the topic's retained message
     */
    public MqttRecord(String topic, byte[] payload, int qos, boolean retained) {
        this.topic = Objects.requireNonNull(topic, "MqttRecord: topic is null");
        this.payload = Objects.requireNonNull(payload, "MqttRecord: payload is null").clone();
        this.qos = qos;
        this.retained = retained;
    }

    /**
     * The topic the message was published to.
     *
     * @return the topic name, never null
     */
    public String topic() {
        return topic;
    }

    /**
     * A copy of the payload.
     *
     * @return a fresh copy of the payload's bytes on each call
     */
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * The payload decoded as UTF-8.
     *
     * @return the payload as a string
     */
    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /**
     * The QoS the message was delivered with.
     *
     * @return 0, 1 or 2
     */
    public int qos() {
        return qos;
    }

    /**
     * Whether this is the topic's retained message, sent on subscribing.
     *
     * @return {@code true} if the broker sent it as the retained message
     */
    public boolean retained() {
        return retained;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MqttRecord)) {
            return false;
        }
        MqttRecord r = (MqttRecord) o;
        return topic.equals(r.topic) && Arrays.equals(payload, r.payload) && qos == r.qos && retained == r.retained;
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, Arrays.hashCode(payload), qos, retained);
    }

    /** {@code topic: payload} with the payload as UTF-8, cut to 80 characters. */
    @Override
    public String toString() {
        String p = payloadAsString();
        return topic + ": " + (p.length() > 80 ? p.substring(0, 77) + "..." : p);
    }
}
