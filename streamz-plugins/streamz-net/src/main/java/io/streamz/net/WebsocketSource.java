package io.streamz.net;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.timeout.ReadTimeoutException;
import java.nio.charset.CharacterCodingException;
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
    /** Close status for a frame that breaks the protocol (RFC 6455). */
    static final int PROTOCOL_ERROR = 1002;
    /** Close status for a connection past the limit (RFC 6455, "try again later"). */
    static final int TRY_AGAIN_LATER = 1013;

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
        in.withConnection(c -> {
            if (!withinConnectionLimit()) {
                out.sendClose(TRY_AGAIN_LATER, "too many connections").subscribe(null, e -> c.dispose());
                return;
            }
            Feed feed = new Feed(this, WebsocketSource::text, (channel, refused) -> close(out, channel, refused));
            c.addHandlerLast("streamz-reserved-bits", new ReservedBits());
            c.addHandlerLast("streamz-aggregator", new WebSocketFrameAggregator(options.maxSize()));
            c.onReadIdle(options.idleTimeout().toMillis(), () -> {
                if (!feed.busy()) {
                    out.sendClose(GOING_AWAY, "idle timeout").subscribe(null, e -> c.dispose());
                }
            });
            c.addHandlerLast("streamz-feed", feed);
        });
        return Mono.never();    // the connection lives until the client, the idle timeout or a refusal closes it
    }

    private void close(WebsocketOutbound out, Channel channel, Feed.Refused refused) {
        int status = refused.status;
        String reason = refused.getMessage();
        Throwable cause = refused.getCause();
        if (cause instanceof ReadTimeoutException) {
            status = GOING_AWAY;
            reason = "idle timeout";
        } else if (cause instanceof TooLongFrameException || cause instanceof CorruptedWebSocketFrameException) {
            status = MESSAGE_TOO_BIG;
            reason = "message larger than " + options.maxSize() + " bytes";
        } else if (cause != null) {
            status = INTERNAL_ERROR;
            reason = "unexpected error";
        }
        out.sendClose(status, reason).subscribe(null, e -> channel.close());
    }

    /**
     * Refuses frames with reserved bits set: no extension is negotiated, so they are a protocol
     * error (RFC 6455 section 5.2).
     */
    private static final class ReservedBits extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof WebSocketFrame frame && frame.rsv() != 0) {
                frame.release();
                ctx.fireExceptionCaught(new Feed.Refused(PROTOCOL_ERROR, "reserved bits set without an extension"));
                return;
            }
            ctx.fireChannelRead(msg);
        }
    }

    /** A data message's text; {@code null} for control frames, which Reactor Netty answers. */
    private static String text(Object msg) throws Feed.Refused {
        if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame) {
            try {
                return utf8(ByteBufUtil.getBytes(((WebSocketFrame) msg).content()));
            } catch (CharacterCodingException e) {
                throw new Feed.Refused(INVALID_PAYLOAD, "messages must be UTF-8 text");
            }
        }
        return null;
    }
}
