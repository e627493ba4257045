package io.streamz.net;

import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Intervals;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Settings shared by the HTTP, WebSocket and TCP connectors; immutable, with withers. The
 * defaults are safe for a server: listen on {@code 127.0.0.1} only, accept bodies, frames and
 * lines of at most 1 MiB, close connections idle for 60 s, no token; per server at most 1,024
 * connections and 16 MiB of received data waiting for the graph, and for HTTP at most 256
 * requests in flight, each within 60 s.
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
    /** 1,024, the default limit of open connections per server. */
    public static final int DEFAULT_MAX_CONNECTIONS = 1024;
    /** 256, the default limit of HTTP requests being read or taken by the graph at once. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 256;
    /** 16 MiB, the default limit of received bytes waiting for the graph per server. */
    public static final long DEFAULT_MAX_QUEUED_BYTES = 16L << 20;
    private static final NetOptions DEFAULTS = new NetOptions("127.0.0.1", DEFAULT_MAX_SIZE, Duration.ofSeconds(60),
            null, DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_QUEUED_BYTES, Duration.ofSeconds(60));

    private static final String BEARER = "Bearer";

    private final String host;
    private final int maxSize;
    private final Duration idleTimeout;
    private final String bearerToken;
    private final int maxConnections;
    private final int maxInFlight;
    private final long maxQueuedBytes;
    private final Duration requestTimeout;

    private NetOptions(String host, int maxSize, Duration idleTimeout, String bearerToken, int maxConnections,
            int maxInFlight, long maxQueuedBytes, Duration requestTimeout) {
        this.host = host;
        this.maxSize = maxSize;
        this.idleTimeout = idleTimeout;
        this.bearerToken = bearerToken;
        this.maxConnections = maxConnections;
        this.maxInFlight = maxInFlight;
        this.maxQueuedBytes = maxQueuedBytes;
        this.requestTimeout = requestTimeout;
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
        return new NetOptions(Checks.notNull(host, "NetOptions", "host"), maxSize, idleTimeout, bearerToken,
                maxConnections, maxInFlight, maxQueuedBytes, requestTimeout);
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
        return new NetOptions(host, Checks.positive(bytes, "NetOptions", "maxSize"), idleTimeout, bearerToken,
                maxConnections, maxInFlight, maxQueuedBytes, requestTimeout);
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
        return new NetOptions(host, maxSize, Intervals.positive(idleTimeout, "NetOptions", "idleTimeout"), bearerToken,
                maxConnections, maxInFlight, maxQueuedBytes, requestTimeout);
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
        return new NetOptions(host, maxSize, idleTimeout, bearerToken, maxConnections, maxInFlight, maxQueuedBytes,
                requestTimeout);
    }

    /**
     * The most connections a server keeps open at once; default {@link #DEFAULT_MAX_CONNECTIONS}.
     * A TCP or WebSocket connection past the limit is closed before anything is read from it;
     * an HTTP one gets 503 with {@code Retry-After} and is closed.
     *
     * @param connections the limit, at least 1
     * @return new options with this limit, the others unchanged
     * @throws IllegalArgumentException if {@code connections} is less than 1
     */
    public NetOptions withMaxConnections(int connections) {
        return new NetOptions(host, maxSize, idleTimeout, bearerToken,
                Checks.positive(connections, "NetOptions", "maxConnections"), maxInFlight, maxQueuedBytes, requestTimeout);
    }

    /**
     * The most HTTP requests read or taken by the graph at once, over all connections; default
     * {@link #DEFAULT_MAX_IN_FLIGHT}. A request past the limit gets 503 with {@code Retry-After}
     * before its body is read. (Each connection has at most one request in flight: the next
     * pipelined request is not read before the previous one is answered.)
     *
     * @param requests the limit, at least 1
     * @return new options with this limit, the others unchanged
     * @throws IllegalArgumentException if {@code requests} is less than 1
     */
    public NetOptions withMaxInFlight(int requests) {
        return new NetOptions(host, maxSize, idleTimeout, bearerToken, maxConnections,
                Checks.positive(requests, "NetOptions", "maxInFlight"), maxQueuedBytes, requestTimeout);
    }

    /**
     * The most received bytes that wait for the graph, over all connections of a server; default
     * {@link #DEFAULT_MAX_QUEUED_BYTES}. Past it, TCP and WebSocket connections stop reading
     * (the senders are slowed down by TCP flow control) and HTTP requests get 503 with
     * {@code Retry-After}. One element is always let in, however large (up to the size limit),
     * so the limit can be smaller than {@link #withMaxSize the size limit}.
     *
     * @param bytes the limit in bytes, at least 1
     * @return new options with this limit, the others unchanged
     * @throws IllegalArgumentException if {@code bytes} is less than 1
     */
    public NetOptions withMaxQueuedBytes(long bytes) {
        if (bytes < 1) {
            throw Checks.invalid("NetOptions", "maxQueuedBytes must be >= 1, was " + bytes);
        }
        return new NetOptions(host, maxSize, idleTimeout, bearerToken, maxConnections, maxInFlight, bytes,
                requestTimeout);
    }

    /**
     * How long an HTTP client may take to send a whole request, head and body, however steadily
     * it sends; past it the request gets 408 and the connection is closed, and nothing reaches
     * the graph. Default 60 s. (The idle timeout bounds silence; this bounds a slow trickle.)
     *
     * @param requestTimeout the deadline, positive
     * @return new options with this deadline, the others unchanged
     * @throws NullPointerException if {@code requestTimeout} is null
     * @throws IllegalArgumentException if {@code requestTimeout} is zero or negative
     */
    public NetOptions withRequestTimeout(Duration requestTimeout) {
        return new NetOptions(host, maxSize, idleTimeout, bearerToken, maxConnections, maxInFlight, maxQueuedBytes,
                Intervals.positive(requestTimeout, "NetOptions", "requestTimeout"));
    }

    /**
     * See {@link #withRequestTimeout(Duration)}; e.g. {@code "10s"}.
     *
     * @param requestTimeout the deadline as text, such as {@code "10s"}
     * @return new options with this deadline, the others unchanged
     * @throws NullPointerException if {@code requestTimeout} is null
     * @throws IllegalArgumentException if the text is not a positive interval
     */
    public NetOptions withRequestTimeout(String requestTimeout) {
        return withRequestTimeout(Intervals.parse(Checks.notNull(requestTimeout, "NetOptions", "requestTimeout")));
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

    /**
     * The most connections open at once.
     *
     * @return the connection limit
     */
    public int maxConnections() {
        return maxConnections;
    }

    /**
     * The most HTTP requests in flight at once.
     *
     * @return the request limit
     */
    public int maxInFlight() {
        return maxInFlight;
    }

    /**
     * The most received bytes waiting for the graph.
     *
     * @return the limit in bytes
     */
    public long maxQueuedBytes() {
        return maxQueuedBytes;
    }

    /**
     * How long an HTTP request may take to arrive.
     *
     * @return the request deadline
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    boolean hasToken() {
        return bearerToken != null;
    }

    String authorizationHeader() {
        return "Bearer " + bearerToken;
    }

    /**
     * Whether an {@code Authorization} header carries the token: the scheme {@code Bearer} in any
     * case (RFC 6750 and RFC 9110 section 11.1), then the token, compared in constant time.
     */
    boolean authorizes(String header) {
        if (bearerToken == null) {
            return true;
        }
        if (header == null || header.length() < BEARER.length() + 1
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length()) || header.charAt(BEARER.length()) != ' ') {
            return false;
        }
        String token = header.substring(BEARER.length() + 1).strip();
        return java.security.MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                bearerToken.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "NetOptions(host=" + host + ", maxSize=" + maxSize + ", idleTimeout=" + Intervals.format(idleTimeout)
                + ", bearerToken=" + (bearerToken == null ? "none" : "***") + ", maxConnections=" + maxConnections
                + ", maxInFlight=" + maxInFlight + ", maxQueuedBytes=" + maxQueuedBytes
                + ", requestTimeout=" + Intervals.format(requestTimeout) + ")";
    }
}
