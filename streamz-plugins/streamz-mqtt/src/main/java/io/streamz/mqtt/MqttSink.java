package io.streamz.mqtt;

import io.streamz.Stream;
import io.streamz.internal.Node;
import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Refs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Implements {@link Mqtt#toMqtt(String, int, String, int, MqttOptions)}: publishes every element,
 * connecting on the first one. {@code emit} waits until the broker acknowledged the message
 * (QoS 1 and 2) or it was written (QoS 0); while the broker is unreachable, messages wait in
 * the client's offline buffer and are sent after reconnecting.
 *
 * <pre>{@code
 * Stream<String> readings = Stream.create();
 * readings.as(Mqtt.toMqtt("localhost", 1883, "sensors/temp", 1));
 * readings.emit("21.5");   // returns once the broker has it
 * }</pre>
 *
 * @param <T> the element type: {@code byte[]} is sent as is, {@link MqttRecord} as its payload,
 *     anything else as {@code String.valueOf(x)} in UTF-8
 */
public final class MqttSink<T> extends Node<T, T> {
    private final String host;
    private final int port;
    private final String topic;
    private final int qos;
    private final MqttOptions options;
    private MqttAsyncClient client;
    private CompletableFuture<MqttAsyncClient> connecting;
    /** Completes when the previous element was handed to the client: keeps publishes in order. */
    private CompletableFuture<?> handedOver = CompletableFuture.completedFuture(null);

    MqttSink(Stream<T> upstream, String host, int port, String topic, int qos, MqttOptions options) {
        super(upstream, "toMqtt");
        this.host = Checks.notNull(host, "toMqtt", "host");
        this.port = Mqtt.checkPort(port, "toMqtt");
        this.topic = Mqtt.checkTopic(topic, "toMqtt");
        if (topic.contains("#") || topic.contains("+")) {
            throw Checks.invalid("toMqtt", "topic must not contain wildcards, was \"" + topic + "\"");
        }
        this.qos = Mqtt.checkQos(qos, "toMqtt");
        this.options = Checks.notNull(options, "toMqtt", "options");
    }

    /**
     * Whether the client is connected to the broker right now.
     *
     * @return {@code true} while connected, {@code false} before the first connection, while
     *     reconnecting and after closing
     */
    public synchronized boolean isConnected() {
        return client != null && client.isConnected();
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        MqttMessage message = new MqttMessage(payload(x));
        message.setQos(qos);
        CompletableFuture<Void> delivered = new CompletableFuture<>();
        CompletableFuture<Void> publishing = connected().thenCombine(handedOver, (c, ignored) -> c).thenAccept(c -> {
            try {
                c.publish(topic, message, null, listener(delivered, null));
            } catch (MqttException e) {
                throw new CompletionException(e);
            }
        });
        handedOver = publishing.handle((r, e) -> null);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Refs.retain(metadata);              // held until the message is out of our hands
        publishing.thenCompose(r -> delivered).whenComplete((r, e) -> {
            Refs.release(metadata);
            if (e == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(failure(unwrap(e), x));
            }
        });
        return done;
    }

    /** The client, connecting it first if needed; a failed first connection is tried again next time. */
    private synchronized CompletableFuture<MqttAsyncClient> connected() {
        if (client == null) {
            MqttAsyncClient c = null;
            try {
                c = new MqttAsyncClient(Mqtt.uri(host, port), options.clientIdOrGenerated(), new MemoryPersistence());
                c.setBufferOpts(options.bufferOptions());
                CompletableFuture<MqttAsyncClient> ready = new CompletableFuture<>();
                client = c;
                connecting = ready;
                c.connect(options.connectOptions(false), null, listener(ready, c));
            } catch (MqttException e) {
                Mqtt.closeQuietly(c);
                client = null;
                return CompletableFuture.failedFuture(e);
            }
            MqttAsyncClient mine = c;
            connecting.whenComplete((r, e) -> {
                if (e != null) {
                    // runs on the client's own thread, which may not close it: close from another
                    CompletableFuture.runAsync(() -> forget(mine));
                }
            });
        }
        return connecting;
    }

    private synchronized void forget(MqttAsyncClient c) {
        if (client == c && c != null) {
            Mqtt.closeQuietly(c);
            client = null;
        }
    }

    /** Disconnects from the broker, then stops receiving elements. */
    @Override
    public void destroy() {
        synchronized (this) {
            forget(client);
        }
        super.destroy();
    }

    @Override
    protected String describeParams() {
        return "host=" + host + ", port=" + port + ", topic=" + topic + ", qos=" + qos;
    }

    private static byte[] payload(Object x) {
        if (x instanceof byte[]) {
            return (byte[]) x;
        }
        if (x instanceof MqttRecord) {
            return ((MqttRecord) x).payload();
        }
        return String.valueOf(x).getBytes(StandardCharsets.UTF_8);
    }

    private static <V> IMqttActionListener listener(CompletableFuture<V> future, V value) {
        return new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                future.complete(value);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                future.completeExceptionally(e != null ? e : new MqttException(MqttException.REASON_CODE_UNEXPECTED_ERROR));
            }
        };
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
