package io.streamz.mqtt;

import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Intervals;
import java.time.Duration;
import org.eclipse.paho.client.mqttv3.DisconnectedBufferOptions;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * Connection settings for {@link Mqtt#fromMqtt} and {@link Mqtt#toMqtt}; immutable, with withers.
 *
 * <pre>{@code
 * MqttOptions options = MqttOptions.defaults()
 *         .withClientId("sensor-reader")
 *         .withCleanSession(false)
 *         .withMaxReconnectDelay("2s");
 * Source<MqttRecord> in = Mqtt.fromMqtt("localhost", 1883, "sensors/#", 1, options);
 * }</pre>
 *
 * <p>Both ends reconnect by themselves after the connection drops (a broker restart), waiting
 * 1 s, then twice as long each time up to {@link #withMaxReconnectDelay maxReconnectDelay}. The
 * source subscribes again after each reconnect. The sink keeps what is published while it is
 * disconnected in an in-memory buffer of {@link #withOfflineBufferSize offlineBufferSize}
 * messages and sends it once connected again.
 *
 * <p>{@code cleanSession} defaults to {@code true} for sources (a generated client id would
 * otherwise leave sessions behind on the broker) and to {@code false} for sinks (so that QoS 1
 * and 2 messages in flight when the connection dropped are sent again after reconnecting).
 */
public final class MqttOptions {
    private static final MqttOptions DEFAULTS = new MqttOptions(null, null, null, null,
            Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(5), 10_000, 100);

    private final String clientId;
    private final Boolean cleanSession;
    private final String username;
    private final char[] password;
    private final Duration keepAlive;
    private final Duration connectionTimeout;
    private final Duration maxReconnectDelay;
    private final int offlineBufferSize;
    private final int maxQueued;

    private MqttOptions(String clientId, Boolean cleanSession, String username, char[] password,
            Duration keepAlive, Duration connectionTimeout, Duration maxReconnectDelay, int offlineBufferSize,
            int maxQueued) {
        this.clientId = clientId;
        this.cleanSession = cleanSession;
        this.username = username;
        this.password = password;
        this.keepAlive = keepAlive;
        this.connectionTimeout = connectionTimeout;
        this.maxReconnectDelay = maxReconnectDelay;
        this.offlineBufferSize = offlineBufferSize;
        this.maxQueued = maxQueued;
    }

    /**
     * Generated client id, role-dependent clean session, no credentials, 30 s keep-alive, 10 s
     * connection timeout, 5 s maximum reconnect delay, an offline buffer of 10,000 messages and a
     * source queue of 100.
     *
     * @return the default options (a shared immutable instance)
     */
    public static MqttOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The client id the broker knows this connection by; by default one is generated.
     *
     * @param clientId the client id, not null
     * @return new options with this client id, the others unchanged
     * @throws NullPointerException if {@code clientId} is null
     */
    public MqttOptions withClientId(String clientId) {
        Checks.notNull(clientId, "MqttOptions", "clientId");
        return new MqttOptions(clientId, cleanSession, username, password, keepAlive, connectionTimeout,
                maxReconnectDelay, offlineBufferSize, maxQueued);
    }

    /**
     * Whether the broker forgets the session (subscriptions, queued messages) on disconnect;
     * by default {@code true} for sources and {@code false} for sinks.
     *
     * @param cleanSession {@code true} to start each connection with a clean session
     * @return new options with this setting, the others unchanged
     */
    public MqttOptions withCleanSession(boolean cleanSession) {
        return new MqttOptions(clientId, cleanSession, username, password, keepAlive, connectionTimeout,
                maxReconnectDelay, offlineBufferSize, maxQueued);
    }

    /**
     * User name and password for brokers that require them.
     *
     * @param username the user name, not null
     * @param password the password, not null; copied, so the caller may clear its array
     * @return new options with these credentials, the others unchanged
     * @throws NullPointerException if {@code username} or {@code password} is null
     */
    public MqttOptions withCredentials(String username, char[] password) {
        Checks.notNull(username, "MqttOptions", "username");
        Checks.notNull(password, "MqttOptions", "password");
        return new MqttOptions(clientId, cleanSession, username, password.clone(), keepAlive,
                connectionTimeout, maxReconnectDelay, offlineBufferSize, maxQueued);
    }

    /**
     * How often the client pings an idle broker; whole seconds (a fraction is dropped), at
     * least 1 s, default 30 s.
     *
     * @param keepAlive the keep-alive interval
     * @return new options with this keep-alive interval, the others unchanged
     * @throws NullPointerException if {@code keepAlive} is null
     * @throws IllegalArgumentException if {@code keepAlive} is less than 1 s
     */
    public MqttOptions withKeepAlive(Duration keepAlive) {
        return new MqttOptions(clientId, cleanSession, username, password, atLeastASecond(keepAlive, "keepAlive"),
                connectionTimeout, maxReconnectDelay, offlineBufferSize, maxQueued);
    }

    /**
     * See {@link #withKeepAlive(Duration)}; e.g. {@code "30s"}.
     *
     * @param keepAlive the keep-alive interval as text, such as {@code "30s"}
     * @return new options with this keep-alive interval, the others unchanged
     * @throws IllegalArgumentException if the text is not an interval or less than 1 s
     */
    public MqttOptions withKeepAlive(String keepAlive) {
        return withKeepAlive(Intervals.parse(Checks.notNull(keepAlive, "MqttOptions", "keepAlive")));
    }

    /**
     * How long a connection attempt may take; whole seconds (a fraction is dropped), at least
     * 1 s, default 10 s.
     *
     * @param connectionTimeout the connection timeout
     * @return new options with this connection timeout, the others unchanged
     * @throws NullPointerException if {@code connectionTimeout} is null
     * @throws IllegalArgumentException if {@code connectionTimeout} is less than 1 s
     */
    public MqttOptions withConnectionTimeout(Duration connectionTimeout) {
        return new MqttOptions(clientId, cleanSession, username, password, keepAlive,
                atLeastASecond(connectionTimeout, "connectionTimeout"), maxReconnectDelay, offlineBufferSize, maxQueued);
    }

    /**
     * See {@link #withConnectionTimeout(Duration)}; e.g. {@code "10s"}.
     *
     * @param connectionTimeout the connection timeout as text, such as {@code "10s"}
     * @return new options with this connection timeout, the others unchanged
     * @throws IllegalArgumentException if the text is not an interval or less than 1 s
     */
    public MqttOptions withConnectionTimeout(String connectionTimeout) {
        Checks.notNull(connectionTimeout, "MqttOptions", "connectionTimeout");
        return withConnectionTimeout(Intervals.parse(connectionTimeout, "MqttOptions", "connectionTimeout"));
    }

    /**
     * The longest wait between two reconnection attempts; at least 1 s, default 5 s.
     *
     * @param maxReconnectDelay the longest delay between reconnection attempts
     * @return new options with this maximum delay, the others unchanged
     * @throws NullPointerException if {@code maxReconnectDelay} is null
     * @throws IllegalArgumentException if {@code maxReconnectDelay} is less than 1 s
     */
    public MqttOptions withMaxReconnectDelay(Duration maxReconnectDelay) {
        return new MqttOptions(clientId, cleanSession, username, password, keepAlive, connectionTimeout,
                atLeastASecond(maxReconnectDelay, "maxReconnectDelay"), offlineBufferSize, maxQueued);
    }

    /**
     * See {@link #withMaxReconnectDelay(Duration)}; e.g. {@code "5s"}.
     *
     * @param maxReconnectDelay the longest delay as text, such as {@code "5s"}
     * @return new options with this maximum delay, the others unchanged
     * @throws IllegalArgumentException if the text is not an interval or less than 1 s
     */
    public MqttOptions withMaxReconnectDelay(String maxReconnectDelay) {
        Checks.notNull(maxReconnectDelay, "MqttOptions", "maxReconnectDelay");
        return withMaxReconnectDelay(Intervals.parse(maxReconnectDelay, "MqttOptions", "maxReconnectDelay"));
    }

    /**
     * How many messages a sink keeps while disconnected; publishing beyond fails. Default
     * 10,000.
     *
     * @param messages the buffer's capacity in messages, at least 1
     * @return new options with this buffer size, the others unchanged
     * @throws IllegalArgumentException if {@code messages} is less than 1
     */
    public MqttOptions withOfflineBufferSize(int messages) {
        return new MqttOptions(clientId, cleanSession, username, password, keepAlive, connectionTimeout,
                maxReconnectDelay, Checks.positive(messages, "MqttOptions", "offlineBufferSize"), maxQueued);
    }

    /**
     * How many received messages a source keeps waiting for the graph; once that many wait, it
     * takes no more from the connection until the graph has taken one (the broker then holds
     * the rest, within its in-flight window). They are what {@code source.stats().queued()}
     * counts. Default 100.
     *
     * <pre>{@code
     * MqttSource in = Mqtt.fromMqtt("localhost", 1883, "sensors/#", 1,
     *         MqttOptions.defaults().withMaxQueued(1_000));
     * in.stats().queued();   // 0 until messages wait for the graph, at most 1000
     * }</pre>
     *
     * @param messages the queue's capacity in messages, at least 1
     * @return new options with this capacity, the others unchanged
     * @throws IllegalArgumentException if {@code messages} is less than 1
     */
    public MqttOptions withMaxQueued(int messages) {
        return new MqttOptions(clientId, cleanSession, username, password, keepAlive, connectionTimeout,
                maxReconnectDelay, offlineBufferSize, Checks.positive(messages, "MqttOptions", "maxQueued"));
    }

    /**
     * The capacity set with {@link #withMaxQueued(int)}.
     *
     * @return how many received messages a source keeps waiting for the graph at most
     */
    public int maxQueued() {
        return maxQueued;
    }

    /**
     * The client id set with {@link #withClientId(String)}.
     *
     * @return the client id, or {@code null} if one is generated on connecting
     */
    public String clientId() {
        return clientId;
    }

    String clientIdOrGenerated() {
        return clientId != null ? clientId : "streamz-" + MqttAsyncClient.generateClientId();
    }

    MqttConnectOptions connectOptions(boolean defaultCleanSession) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setAutomaticReconnect(true);
        o.setCleanSession(cleanSession != null ? cleanSession : defaultCleanSession);
        o.setKeepAliveInterval((int) keepAlive.toSeconds());
        o.setConnectionTimeout((int) connectionTimeout.toSeconds());
        o.setMaxReconnectDelay((int) maxReconnectDelay.toMillis());
        if (username != null) {
            o.setUserName(username);
            o.setPassword(password.clone());
        }
        return o;
    }

    DisconnectedBufferOptions bufferOptions() {
        DisconnectedBufferOptions b = new DisconnectedBufferOptions();
        b.setBufferEnabled(true);
        b.setBufferSize(offlineBufferSize);
        b.setPersistBuffer(false);
        b.setDeleteOldestMessages(false);
        return b;
    }

    private static Duration atLeastASecond(Duration d, String param) {
        Checks.notNull(d, "MqttOptions", param);
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("MqttOptions: " + param + " must be >= 1s, was " + Intervals.format(d));
        }
        return d;
    }

    @Override
    public String toString() {
        return "MqttOptions(clientId=" + clientId + ", cleanSession=" + cleanSession
                + ", username=" + username + ", password=" + (password == null ? "none" : "***")
                + ", keepAlive=" + Intervals.format(keepAlive) + ", connectionTimeout=" + Intervals.format(connectionTimeout)
                + ", maxReconnectDelay=" + Intervals.format(maxReconnectDelay) + ", offlineBufferSize=" + offlineBufferSize
                + ", maxQueued=" + maxQueued + ")";
    }
}
