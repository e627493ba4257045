package io.streamz.net;

import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Intervals;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Settings shared by the HTTP, WebSocket and TCP connectors; immutable, with withers. The
 * defaults are safe for a server: listen on {@code 127.0.0.1} only, accept bodies, frames and
 * lines of at most 1 MiB, close connections idle for 60 s, no token.
 *
 * <pre>{@code
 * NetOptions options = NetOptions.defaults()
 *         .withHost("0.0.0.0")                 // listen on every interface
 *         .withMaxSize(64 * 1024)
 *         .withIdleTimeout("30s")
 *         .withBearerToken(System.getenv("INGEST_TOKEN"));
 * HttpServerSource in = Net.fromHttpServer(8080, "/ingest", options);
 * }</pre>
 */
public final class NetOptions {
    /** 1 MiB, the default limit of a body, frame or line. */
    public static final int DEFAULT_MAX_SIZE = 1 << 20;
    private static final NetOptions DEFAULTS = new NetOptions("127.0.0.1", DEFAULT_MAX_SIZE, Duration.ofSeconds(60), null);

    private final String host;
    private final int maxSize;
    private final Duration idleTimeout;
    private final String bearerToken;

    private NetOptions(String host, int maxSize, Duration idleTimeout, String bearerToken) {
        this.host = host;
        this.maxSize = maxSize;
        this.idleTimeout = idleTimeout;
        this.bearerToken = bearerToken;
    }

    /**
     * Loopback only, 1 MiB, 60 s idle timeout, no token.
     *
     * @return the default options (a shared immutable instance)
     */
    public static NetOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The address a server listens on ({@code "0.0.0.0"} for all interfaces); default
     * {@code "127.0.0.1"}.
     *
     * @param host a host name or IP address, not null
     * @return new options with this address, the others unchanged
     * @throws NullPointerException if {@code host} is null
     */
    public NetOptions withHost(String host) {
        return new NetOptions(Checks.notNull(host, "NetOptions", "host"), maxSize, idleTimeout, bearerToken);
    }

    /**
     * The largest body, WebSocket message or TCP line accepted, in bytes; larger ones are refused.
     * Default {@link #DEFAULT_MAX_SIZE}.
     *
     * @param bytes the limit in bytes, at least 1
     * @return new options with this limit, the others unchanged
     * @throws IllegalArgumentException if {@code bytes} is less than 1
     */
    public NetOptions withMaxSize(int bytes) {
        return new NetOptions(host, Checks.positive(bytes, "NetOptions", "maxSize"), idleTimeout, bearerToken);
    }

    /**
     * How long a connection may stay silent before the server closes it; a WebSocket or TCP
     * connection whose last element the graph is still working on is not silent. Default 60 s.
     *
     * @param idleTimeout the idle timeout, positive
     * @return new options with this idle timeout, the others unchanged
     * @throws NullPointerException if {@code idleTimeout} is null
     * @throws IllegalArgumentException if {@code idleTimeout} is zero or negative
     */
    public NetOptions withIdleTimeout(Duration idleTimeout) {
        return new NetOptions(host, maxSize, Intervals.positive(idleTimeout, "NetOptions", "idleTimeout"), bearerToken);
    }

    /**
     * See {@link #withIdleTimeout(Duration)}; e.g. {@code "30s"}.
     *
     * @param idleTimeout the idle timeout as text, such as {@code "30s"}
     * @return new options with this idle timeout, the others unchanged
     * @throws NullPointerException if {@code idleTimeout} is null
     * @throws IllegalArgumentException if the text is not a positive interval
     */
    public NetOptions withIdleTimeout(String idleTimeout) {
        return withIdleTimeout(Intervals.parse(Checks.notNull(idleTimeout, "NetOptions", "idleTimeout")));
    }

    /**
     * Requires {@code Authorization: Bearer <token>} on every HTTP request and WebSocket upgrade
     * (401 otherwise); {@link Net#toWebsocket} sends it. TCP has no headers and ignores it.
     *
     * @param bearerToken the token, without the {@code "Bearer "} prefix; not blank
     * @return new options requiring this token, the others unchanged
     * @throws NullPointerException if {@code bearerToken} is null
     * @throws IllegalArgumentException if {@code bearerToken} is blank
     */
    public NetOptions withBearerToken(String bearerToken) {
        Checks.notNull(bearerToken, "NetOptions", "bearerToken");
        if (bearerToken.isBlank()) {
            throw Checks.invalid("NetOptions", "bearerToken must not be blank");
        }
        return new NetOptions(host, maxSize, idleTimeout, bearerToken);
    }

    /**
     * The address servers listen on.
     *
     * @return the host name or IP address
     */
    public String host() {
        return host;
    }

    /**
     * The largest body, message or line, in bytes.
     *
     * @return the size limit in bytes
     */
    public int maxSize() {
        return maxSize;
    }

    /**
     * How long an idle connection stays open.
     *
     * @return the idle timeout
     */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    boolean hasToken() {
        return bearerToken != null;
    }

    String authorizationHeader() {
        return "Bearer " + bearerToken;
    }

    /** Whether an {@code Authorization} header carries the token; compares in constant time. */
    boolean authorizes(String header) {
        if (bearerToken == null) {
            return true;
        }
        if (header == null) {
            return false;
        }
        return java.security.MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                authorizationHeader().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "NetOptions(host=" + host + ", maxSize=" + maxSize + ", idleTimeout=" + idleTimeout
                + ", bearerToken=" + (bearerToken == null ? "none" : "***") + ")";
    }
}
