package io.streamz.net;

import io.streamz.Stream;
import io.streamz.internal.util.Checks;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Function;

/**
 * HTTP, WebSocket and TCP connectors (streamz {@code from_http_server}, {@code from_websocket},
 * {@code to_websocket}, {@code from_tcp}) on Reactor Netty. Servers are safe by default: they
 * listen on {@code 127.0.0.1}, refuse bodies, messages and lines over 1 MiB, close idle
 * connections, bound their connections and the data waiting for the graph (slowing clients
 * down or answering 503 past the bounds, never dropping what they have read), and can require
 * a bearer token ({@link NetOptions}). Port 0 picks a free port;
 * {@link ServerSource#port()} tells which.
 *
 * <pre>{@code
 * HttpServerSource in = Net.fromHttpServer(0, "/ingest");
 * in.map(String::toUpperCase).as(Net.toWebsocket("ws://127.0.0.1:9000/shout"));
 * in.start();
 * System.out.println("POST to http://127.0.0.1:" + in.port() + "/ingest");
 * }</pre>
 *
 * <p>The same nodes are plugins: {@code Stream.source("from_http_server", port, path)},
 * {@code Stream.source("from_websocket", port)}, {@code Stream.source("from_tcp", port,
 * delimiter)} and {@code stream.plugin("to_websocket", uri)}.
 */
public final class Net {
    private Net() {
    }

    /**
     * See {@link #fromHttpServer(int, String, NetOptions)}; default options.
     *
     * @param port the port, or 0 for any free one
     * @param path the exact path that accepts {@code POST}s, starting with {@code "/"}
     * @return the new source, not yet started
     */
    public static HttpServerSource fromHttpServer(int port, String path) {
        return fromHttpServer(port, path, NetOptions.defaults());
    }

    /**
     * An HTTP server whose {@code POST} bodies (UTF-8) are elements (streamz
     * {@code from_http_server}); it listens from {@code start()} to {@code stop()}.
     *
     * <pre>{@code
     * HttpServerSource in = Net.fromHttpServer(0, "/ingest", NetOptions.defaults());
     * List<String> out = in.sinkToList();
     * in.start();
     * // POST "hello" to http://127.0.0.1:<in.port()>/ingest   -> 200 "ok"
     * // out: [hello]
     * }</pre>
     *
     * <p><b>Responses:</b> 200 once the graph has taken the body (its asynchronous work
     * included, so slow sinks slow the clients down); 500 with the {@link io.streamz.NodeException}'s
     * message if the graph failed. Refused requests never reach the graph, and their connection is
     * closed without reading the rest of the body: 401 without the token (checked first, so
     * unauthenticated callers learn nothing about paths), 404 for another path, 405 for another
     * method, 413 over the size limit, 400 for a malformed request or chunk or a body that is not
     * UTF-8, 501 for a transfer coding other than {@code chunked}, 505 for HTTP versions other
     * than 1.0 and 1.1, 408 past the idle timeout or the request timeout, 503 with
     * {@code Retry-After} past the limits of connections, requests in flight or queued bytes.
     *
     * <p><b>Blocks:</b> a connection's next request (pipelined or not) is read once the previous
     * one is answered and the answer has left; memory is bounded by the limits of
     * {@link NetOptions}.
     *
     * @param port the port, or 0 for any free one
     * @param path the exact path that accepts {@code POST}s, e.g. {@code "/ingest"}; it must
     *     start with {@code "/"}
     * @param options the server's settings (address, size limit, idle timeout, token)
     * @return the new source, not yet started
     * @throws NullPointerException if {@code path} or {@code options} is null
     * @throws IllegalArgumentException if {@code port} is not between 0 and 65535 or
     *     {@code path} does not start with {@code "/"}
     */
    public static HttpServerSource fromHttpServer(int port, String path, NetOptions options) {
        return new HttpServerSource(port, path, options);
    }

    /**
     * See {@link #fromWebsocket(int, NetOptions)}; default options.
     *
     * @param port the port, or 0 for any free one
     * @return the new source, not yet started
     */
    public static WebsocketSource fromWebsocket(int port) {
        return fromWebsocket(port, NetOptions.defaults());
    }

    /**
     * A WebSocket server whose received messages (text, or binary holding UTF-8) are elements
     * (streamz {@code from_websocket}); clients may connect on any path.
     *
     * <pre>{@code
     * WebsocketSource in = Net.fromWebsocket(0, NetOptions.defaults());
     * in.sink(System.out::println);
     * in.start();
     * // ws://127.0.0.1:<in.port()>/ , send "hello": prints hello
     * }</pre>
     *
     * <p><b>Blocks:</b> each connection's messages reach the graph one at a time, in order;
     * received messages wait in a queue of the connection, which stops reading while it holds
     * 64 KiB or the server's {@link NetOptions#withMaxQueuedBytes queued bytes} are spent (TCP
     * flow control then slows the client down). Messages received before the client closed are
     * still delivered. A message over the size limit closes the connection with status 1009, one
     * that is not UTF-8 with 1007, a frame with reserved bits set with 1002, an idle connection
     * is closed with 1001, one past the connection limit with 1013; an upgrade without the token
     * gets 401. A failing graph is logged and the connection stays open.
     *
     * @param port the port, or 0 for any free one
     * @param options the server's settings (address, size limit, idle timeout, token)
     * @return the new source, not yet started
     * @throws NullPointerException if {@code options} is null
     * @throws IllegalArgumentException if {@code port} is not between 0 and 65535
     */
    public static WebsocketSource fromWebsocket(int port, NetOptions options) {
        return new WebsocketSource(port, options);
    }

    /**
     * See {@link #toWebsocket(String, NetOptions)}; default options.
     *
     * @param <T> the element type
     * @param uri a {@code ws://} or {@code wss://} address
     * @return a function creating the sink downstream of the stream it is applied to
     */
    public static <T> Function<Stream<T>, WebsocketSink<T>> toWebsocket(String uri) {
        return toWebsocket(uri, NetOptions.defaults());
    }

    /**
     * A sink sending every element as one WebSocket message to {@code uri} (streamz
     * {@code to_websocket}), for {@code stream.as(...)}.
     *
     * <pre>{@code
     * Stream<String> events = Stream.create();
     * WebsocketSink<String> out = events.as(Net.toWebsocket("ws://127.0.0.1:8080/", NetOptions.defaults()));
     * events.emit("hello");   // returns once the message is written
     * out.destroy();          // closes the connection
     * }</pre>
     *
     * <p><b>Blocks:</b> {@code emit} waits until the message is written (and, for the first
     * one, until connected). If the connection fails or is lost, the element fails with a
     * {@link io.streamz.NodeException} and the next element connects again. The bearer token
     * of {@code options}, if any, is sent on connecting.
     *
     * <p><b>Metadata:</b> an element's refs are held until its message is written or failed.
     *
     * @param <T> the element type: {@code byte[]} goes as a binary message, anything else as
     *     the text {@code String.valueOf(x)}
     * @param uri a {@code ws://} or {@code wss://} address
     * @param options the client's settings: its bearer token, if any, is sent on connecting and
     *     its size limit bounds the frames received back; host and idle timeout are not used
     * @return a function creating the sink downstream of the stream it is applied to
     * @throws NullPointerException if {@code uri} or {@code options} is null
     * @throws IllegalArgumentException if {@code uri} is not a {@code ws://} or {@code wss://} URI
     */
    public static <T> Function<Stream<T>, WebsocketSink<T>> toWebsocket(String uri, NetOptions options) {
        websocketUri(uri, "toWebsocket");
        Checks.notNull(options, "toWebsocket", "options");
        return upstream -> new WebsocketSink<>(upstream, uri, options);
    }

    /**
     * See {@link #fromTcp(int, String, NetOptions)}; default options.
     *
     * @param port the port, or 0 for any free one
     * @param delimiter what ends a piece, e.g. {@code "\n"}; not empty
     * @return the new source, not yet started
     */
    public static TcpSource fromTcp(int port, String delimiter) {
        return fromTcp(port, delimiter, NetOptions.defaults());
    }

    /**
     * A TCP server that cuts each connection's bytes at {@code delimiter}; every piece, as
     * UTF-8 text without the delimiter, is an element (streamz {@code from_tcp}).
     *
     * <pre>{@code
     * TcpSource in = Net.fromTcp(0, "\n", NetOptions.defaults());
     * List<String> out = in.sinkToList();
     * in.start();
     * // a client sends "a\nb\n" to 127.0.0.1:<in.port()>
     * // out: [a, b]
     * }</pre>
     *
     * <p><b>Blocks:</b> each connection's pieces reach the graph one at a time, in order;
     * received pieces wait in a queue of the connection, which stops reading while it holds
     * 64 KiB or the server's {@link NetOptions#withMaxQueuedBytes queued bytes} are spent (TCP
     * flow control then slows the sender down). Pieces received before the client closed are
     * still delivered; bytes after the last delimiter are not a piece. A piece over the size
     * limit or not in UTF-8 closes its connection without reaching the graph; so does silence
     * beyond the idle timeout. Connections past the limit are closed before anything is read. A
     * failing graph is logged and the connection stays open.
     *
     * @param port the port, or 0 for any free one
     * @param delimiter what ends a piece, e.g. {@code "\n"}; not empty
     * @param options the server's settings (address, size limit, idle timeout)
     * @return the new source, not yet started
     * @throws NullPointerException if {@code delimiter} or {@code options} is null
     * @throws IllegalArgumentException if {@code port} is not between 0 and 65535 or
     *     {@code delimiter} is empty
     */
    public static TcpSource fromTcp(int port, String delimiter, NetOptions options) {
        return new TcpSource(port, delimiter, options);
    }

    static URI websocketUri(String uri, String node) {
        Checks.notNull(uri, node, "uri");
        try {
            URI u = new URI(uri);
            if (!"ws".equals(u.getScheme()) && !"wss".equals(u.getScheme())) {
                throw Checks.invalid(node, "uri must start with ws:// or wss://, was \"" + uri + "\"");
            }
            return u;
        } catch (URISyntaxException e) {
            throw Checks.invalid(node, "uri is not a URI: \"" + uri + "\" (" + e.getMessage() + ")");
        }
    }
}
