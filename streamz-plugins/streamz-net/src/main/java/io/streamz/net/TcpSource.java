package io.streamz.net;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DelimiterBasedFrameDecoder;
import io.streamz.internal.util.Checks;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import io.netty.channel.group.ChannelGroup;
import reactor.netty.DisposableServer;
import reactor.netty.NettyInbound;
import reactor.netty.NettyOutbound;
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
                    c.addHandlerLast("streamz-delimiter",
                            new DelimiterBasedFrameDecoder(options.maxSize(), true, true, Unpooled.wrappedBuffer(delim)));
                })
                .handle(this::handle)
                .bindNow();
    }

    /** One connection: frames in order; oversize or non-UTF-8 input closes the connection. */
    private Mono<Void> handle(NettyInbound in, NettyOutbound out) {
        AtomicInteger busy = new AtomicInteger();
        in.withConnection(c -> c.onReadIdle(options.idleTimeout().toMillis(), () -> {
            if (busy.get() == 0) {
                c.dispose();
            }
        }));
        return in.receive().asByteArray()
                .concatMap(bytes -> {
                    String line;
                    try {
                        line = utf8(bytes);
                    } catch (java.nio.charset.CharacterCodingException e) {
                        return Mono.error(e);
                    }
                    return offerCounted(line, busy).onErrorResume(e -> {
                        logFailure(line, e);
                        return Mono.empty();
                    });
                }, 1)
                .onErrorResume(e -> {
                    LOG.debug(this + ": closing a connection: " + e);
                    return Mono.empty();
                })
                .then();
    }

    @Override
    protected String describeParams() {
        return "port=" + shownPort() + ", delimiter=" + delimiter.replace("\n", "\\n").replace("\r", "\\r");
    }
}
