package io.streamz.mqtt;

import io.streamz.Source;
import io.streamz.internal.util.Checks;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p>A message is acknowledged to the broker once {@code emit} returned, i.e. once the graph is
 * done with it, also when a node failed on it under an error policy that handles the failure
 * ({@code skip()}, {@code route()}: the message is dropped or routed, then acknowledged). A
 * failure that propagates to the source stops it without acknowledging the message (nor any
 * message after it): {@link #completion()} fails with the {@code NodeException}, and with a
 * persistent session the broker sends the message again when the source is started again.
 *
 * <p>Paho's callback thread hands each message to a queue of
 * {@link MqttOptions#withMaxQueued maxQueued} messages (100 by default), and a thread of the
 * source emits them in order: {@link #stats()}{@code .queued()} counts the messages received
 * and not yet emitted. When the queue is full the callback thread waits, Paho stops reading the
 * connection, and the broker keeps the rest.
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
    private volatile Callback callback;
    private final AtomicLong queued = new AtomicLong();

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
            Callback cb = new Callback(self);
            callback = cb;
            c.setCallback(cb);
            c.setManualAcks(true);
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
        Callback cb = callback;
        callback = null;
        if (cb != null) {
            cb.entry.shutdown();     // what is still queued is dropped, unacknowledged
        }
        Mqtt.closeQuietly(c);
    }

    /**
     * The messages received and not yet emitted into the graph.
     *
     * @return the number waiting now, at most {@link MqttOptions#maxQueued()}
     */
    @Override
    protected long queuedCount() {
        return queued.get();
    }

    @Override
    protected String describeParams() {
        return "host=" + host + ", port=" + port + ", topic=" + topic + ", qos=" + qos;
    }

    private final class Callback implements MqttCallbackExtended {
        private final MqttAsyncClient owner;
        /** The thread that emits; its queue holds the messages waiting for the graph. */
        final ExecutorService entry;
        /** Places in the queue: Paho's callback thread waits for one. */
        private final Semaphore room = new Semaphore(options.maxQueued());
        /** Set once the graph failed on a message: no message of this connection is acknowledged then. */
        private volatile boolean failed;

        Callback(MqttAsyncClient owner) {
            this.owner = owner;
            this.entry = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "streamz-fromMqtt-" + topic);
                t.setDaemon(true);
                return t;
            });
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

        /** On Paho's callback thread: queues the message, waiting while the queue is full. */
        @Override
        public void messageArrived(String t, MqttMessage message) throws InterruptedException {
            while (!room.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (client != owner || failed) {
                    return;
                }
            }
            queued.incrementAndGet();
            try {
                entry.execute(() -> deliver(t, message));
            } catch (RejectedExecutionException stopped) {
                queued.decrementAndGet();
                room.release();
            }
        }

        /**
         * On the source's thread, in arrival order: runs the graph; the broker gets the ack once
         * the graph is done; a failure that propagates stops the source without an ack.
         */
        private void deliver(String t, MqttMessage message) {
            queued.decrementAndGet();
            room.release();
            if (client != owner || failed) {
                return;
            }
            MqttRecord record = new MqttRecord(t, message.getPayload(), message.getQos(), message.isRetained());
            try {
                emit(record);
            } catch (RuntimeException e) {
                failed = true;
                LOG.warn(MqttSource.this + ": the graph failed on " + record + "; stopping without acknowledging it", e);
                // not on Paho's callback thread: disconnecting waits for that thread
                Thread stopper = new Thread(() -> failed(e), "fromMqtt-stop");
                stopper.setDaemon(true);
                stopper.start();
                return;
            }
            try {
                owner.messageArrivedComplete(message.getId(), message.getQos());
            } catch (MqttException e) {
                // the connection is gone: the broker sends the message again after reconnecting
                LOG.debug("fromMqtt: cannot acknowledge " + record + ": " + e);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}
