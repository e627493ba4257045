package io.streamz.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DelimiterBasedFrameDecoder;
import io.streamz.internal.util.Checks;
import io.netty.channel.group.ChannelGroup;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpServer;

/**
 * Implements {@link Net#fromTcp(int, String, NetOptions)}: a TCP server that cuts what each
 * connection sends at the delimiter; every piece, decoded as UTF-8, is an element.
 *
 * <pre>{@code
 * TcpSource in = Net.fromTcp(0, "\n");
 * in.sink(System.out::println);
 * in.start();
 * // printf 'a\nb\n' | nc 127.0.0.1 <in.port()>   prints a, then b
 * }</pre>
 */
public final class TcpSource extends ServerSource {
    private final String delimiter;

    TcpSource(int port, String delimiter, NetOptions options) {
        super("fromTcp", port, options);
        this.delimiter = Checks.notNull(delimiter, "fromTcp", "delimiter");
        if (delimiter.isEmpty()) {
            throw Checks.invalid("fromTcp", "delimiter must not be empty");
        }
    }

    @Override
    DisposableServer bind(ChannelGroup connections) {
        byte[] delim = delimiter.getBytes(StandardCharsets.UTF_8);
        return TcpServer.create()
                .host(options.host())
                .port(requestedPort)
                .channelGroup(connections)
                .doOnConnection(c -> {
                    if (!withinConnectionLimit()) {
                        c.dispose();     // nothing was read from it: autoRead is off until the feed starts
                        return;
                    }
                    Feed feed = new Feed(this, TcpSource::line, (channel, refused) -> channel.close());
                    c.addHandlerLast("streamz-delimiter",
                            new DelimiterBasedFrameDecoder(options.maxSize(), true, true, Unpooled.wrappedBuffer(delim)));
                    c.onReadIdle(options.idleTimeout().toMillis(), () -> {
                        if (!feed.busy()) {
                            c.dispose();
                        }
                    });
                    c.addHandlerLast("streamz-feed", feed);
                })
                .handle((in, out) -> Mono.never())
                .bindNow();
    }

    /** A delimited piece as text; a piece that is not UTF-8 refuses its connection. */
    private static String line(Object msg) throws Feed.Refused {
        try {
            return utf8(ByteBufUtil.getBytes((ByteBuf) msg));
        } catch (CharacterCodingException e) {
            throw new Feed.Refused(0, "a piece is not UTF-8");
        }
    }

    @Override
    protected String describeParams() {
        return "port=" + shownPort() + ", delimiter=" + delimiter.replace("\n", "\\n").replace("\r", "\\r");
    }
}
