package io.streamz.net;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.timeout.ReadTimeoutException;
import java.nio.charset.CharacterCodingException;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import io.netty.channel.group.ChannelGroup;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * Implements {@link Net#fromWebsocket(int, NetOptions)}: a WebSocket server whose received
 * messages are elements, one connection's messages in order.
 *
 * <pre>{@code
 * WebsocketSource in = Net.fromWebsocket(0);
 * in.sink(System.out::println);
 * in.start();
 * // a client connects to ws://127.0.0.1:<in.port()>/ and sends "hello": prints hello
 * }</pre>
 */
public final class WebsocketSource extends ServerSource {
    /** Close status for a message over the size limit (RFC 6455). */
    static final int MESSAGE_TOO_BIG = 1009;
    /** Close status for data that is not UTF-8 text (RFC 6455). */
    static final int INVALID_PAYLOAD = 1007;
    /** Close status for a connection closed for being idle (RFC 6455, "going away"). */
    static final int GOING_AWAY = 1001;
    /** Close status for anything else that went wrong (RFC 6455). */
    static final int INTERNAL_ERROR = 1011;
    private static final String CONTROL = new String("control frame");
    private static final String NOT_UTF8 = new String("not UTF-8");

    WebsocketSource(int port, NetOptions options) {
        super("fromWebsocket", port, options);
    }

    @Override
    DisposableServer bind(ChannelGroup connections) {
        return HttpServer.create()
                .host(options.host())
                .port(requestedPort)
                .channelGroup(connections)
                .idleTimeout(options.idleTimeout())
                .handle(this::handle)
                .bindNow();
    }

    private Mono<Void> handle(HttpServerRequest req, HttpServerResponse res) {
        String upgrade = req.requestHeaders().get(HttpHeaderNames.UPGRADE);
        if (upgrade == null || !HttpHeaderValues.WEBSOCKET.contentEqualsIgnoreCase(upgrade)) {
            return res.status(HttpResponseStatus.UPGRADE_REQUIRED)
                    .header(HttpHeaderNames.UPGRADE, "websocket")
                    .sendString(Mono.just("a WebSocket upgrade is required\n")).then();
        }
        if (!options.authorizes(req.requestHeaders().get(HttpHeaderNames.AUTHORIZATION))) {
            return res.status(HttpResponseStatus.UNAUTHORIZED)
                    .header(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer")
                    .sendString(Mono.just("missing or wrong bearer token\n")).then();
        }
        WebsocketServerSpec spec = WebsocketServerSpec.builder().maxFramePayloadLength(options.maxSize()).build();
        return res.sendWebsocket(this::session, spec);
    }

    private Mono<Void> session(WebsocketInbound in, WebsocketOutbound out) {
        AtomicInteger busy = new AtomicInteger();
        in.withConnection(c -> c.onReadIdle(options.idleTimeout().toMillis(), () -> {
            if (busy.get() == 0) {
                out.sendClose(GOING_AWAY, "idle timeout").subscribe(null, e -> c.dispose());
            }
        }));
        return in.aggregateFrames(options.maxSize())
                .receiveFrames()
                .map(WebsocketSource::text)          // copies now: the frame is released after this
                .concatMap(text -> {
                    if (text == NOT_UTF8) {
                        return out.sendClose(INVALID_PAYLOAD, "messages must be UTF-8 text");
                    }
                    if (text == CONTROL) {
                        return Mono.empty();
                    }
                    return offerCounted(text, busy)
                            .onErrorResume(e -> {
                                logFailure(text, e);
                                return Mono.empty();
                            });
                }, 1)
                .onErrorResume(e -> closeFor(out, e))
                .then();
    }

    private Mono<Void> closeFor(WebsocketOutbound out, Throwable e) {
        if (e instanceof ReadTimeoutException) {
            return out.sendClose(GOING_AWAY, "idle timeout");
        }
        if (e instanceof TooLongFrameException || e instanceof CorruptedWebSocketFrameException) {
            return out.sendClose(MESSAGE_TOO_BIG, "message larger than " + options.maxSize() + " bytes");
        }
        return out.sendClose(INTERNAL_ERROR, "unexpected error");
    }

    /** The frame's text, {@link #CONTROL} for control frames, {@link #NOT_UTF8} for bad data. */
    private static String text(WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
            try {
                return utf8(ByteBufUtil.getBytes(frame.content()));
            } catch (CharacterCodingException e) {
                return NOT_UTF8;
            }
        }
        return CONTROL;
    }
}
