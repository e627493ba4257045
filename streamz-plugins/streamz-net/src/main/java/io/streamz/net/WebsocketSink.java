package io.streamz.net;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.streamz.Stream;
import io.streamz.internal.Node;
import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Refs;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * Implements {@link Net#toWebsocket(String, NetOptions)}: sends every element as one WebSocket
 * message, connecting on the first element and again after the connection was lost.
 *
 * <pre>{@code
 * Stream<String> events = Stream.create();
 * events.as(Net.toWebsocket("ws://127.0.0.1:8080/events"));
 * events.emit("hello");   // returns once the message is written
 * }</pre>
 *
 * @param <T> the element type: {@code byte[]} goes as a binary message, anything else as the
 *     text {@code String.valueOf(x)}
 */
public final class WebsocketSink<T> extends Node<T, T> {
    private final URI uri;
    private final NetOptions options;
    private CompletableFuture<WebsocketOutbound> connection;
    private Disposable session;
    /** Completes when the previous element was written: keeps messages in order. */
    private CompletableFuture<?> previous = CompletableFuture.completedFuture(null);

    WebsocketSink(Stream<T> upstream, String uri, NetOptions options) {
        super(upstream, "toWebsocket");
        this.uri = Net.websocketUri(uri, "toWebsocket");
        this.options = Checks.notNull(options, "toWebsocket", "options");
    }

    /**
     * Whether a connection is open (or being opened) right now.
     *
     * @return {@code true} while connected or connecting, {@code false} before the first
     *     element and after the connection failed, was lost or was closed
     */
    public synchronized boolean isConnected() {
        return connection != null && !connection.isCompletedExceptionally() && session != null && !session.isDisposed();
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        CompletableFuture<WebsocketOutbound> ready = connected();
        CompletableFuture<Void> sent = ready.thenCombine(previous, (out, ignored) -> out)
                .thenCompose(out -> out.sendObject(Mono.just(frame(x))).then().toFuture());
        previous = sent.handle((r, e) -> null);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Refs.retain(metadata);              // held until the message is out of our hands
        sent.whenComplete((r, e) -> {
            Refs.release(metadata);
            if (e == null) {
                done.complete(null);
            } else {
                forget(ready);
                done.completeExceptionally(failure(ServerSource.unwrap(e), x));
            }
        });
        return done;
    }

    private synchronized CompletableFuture<WebsocketOutbound> connected() {
        if (connection == null) {
            CompletableFuture<WebsocketOutbound> ready = new CompletableFuture<>();
            connection = ready;
            HttpClient client = HttpClient.create();
            if (options.hasToken()) {
                client = client.headers(h -> h.set(HttpHeaderNames.AUTHORIZATION, options.authorizationHeader()));
            }
            session = client
                    .websocket(WebsocketClientSpec.builder().maxFramePayloadLength(options.maxSize()).build())
                    .uri(uri)
                    .handle((in, out) -> {
                        ready.complete(out);
                        return in.receive().then();
                    })
                    .doFinally(signal -> forget(ready))
                    .subscribe(null, e -> ready.completeExceptionally(
                            new IllegalStateException("toWebsocket: cannot connect to " + uri + ": " + e, e)));
        }
        return connection;
    }

    /** Drops the connection behind {@code ready} so that the next element connects anew. */
    private synchronized void forget(CompletableFuture<WebsocketOutbound> ready) {
        if (connection == ready) {
            connection = null;
            if (session != null) {
                session.dispose();
                session = null;
            }
            if (!ready.isDone()) {
                ready.completeExceptionally(new IllegalStateException("toWebsocket: connection to " + uri + " closed"));
            }
        }
    }

    /** Closes the connection, then stops receiving elements. */
    @Override
    public void destroy() {
        CompletableFuture<WebsocketOutbound> c;
        synchronized (this) {
            c = connection;
        }
        if (c != null) {
            forget(c);
        }
        super.destroy();
    }

    private static WebSocketFrame frame(Object x) {
        if (x instanceof byte[]) {
            return new BinaryWebSocketFrame(Unpooled.wrappedBuffer((byte[]) x));
        }
        return new TextWebSocketFrame(String.valueOf(x));
    }

    @Override
    protected String describeParams() {
        return "uri=" + uri;
    }
}
