package io.streamz.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpServerCodec;
import io.streamz.internal.util.Checks;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpServer;

/**
 * Implements {@link Net#fromHttpServer(int, String, NetOptions)}: every {@code POST} body sent to
 * the path is one element; the response goes out once the graph has taken it.
 *
 * <pre>{@code
 * HttpServerSource in = Net.fromHttpServer(0, "/ingest");
 * in.sink(System.out::println);
 * in.start();
 * // curl -d hello http://127.0.0.1:<in.port()>/ingest   -> 200 ok, prints hello
 * }</pre>
 */
public final class HttpServerSource extends ServerSource {
    private static final int MAX_LINE = 4096;
    private static final int MAX_HEADERS = 8192;
    private static final int MAX_CHUNK = 8192;
    private static final byte[] TOO_MANY_CONNECTIONS = ("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\n"
            + "Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 21\r\n\r\n"
            + "too many connections\n").getBytes(StandardCharsets.US_ASCII);

    private final String path;
    private final AtomicInteger inFlight = new AtomicInteger();

    HttpServerSource(int port, String path, NetOptions options) {
        super("fromHttpServer", port, options);
        this.path = Checks.notNull(path, "fromHttpServer", "path");
        if (!path.startsWith("/")) {
            throw Checks.invalid("fromHttpServer", "path must start with \"/\", was \"" + path + "\"");
        }
    }

    /**
     * The path that accepts {@code POST}s.
     *
     * @return the path, starting with {@code "/"}
     */
    public String path() {
        return path;
    }

    @Override
    DisposableServer bind(ChannelGroup connections) {
        return TcpServer.create()
                .host(options.host())
                .port(requestedPort)
                .channelGroup(connections)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .doOnConnection(c -> {
                    if (!withinConnectionLimit()) {
                        c.channel().writeAndFlush(Unpooled.wrappedBuffer(TOO_MANY_CONNECTIONS))
                                .addListener(ChannelFutureListener.CLOSE);
                        return;
                    }
                    HttpIngest ingest = new HttpIngest(this);
                    c.addHandlerLast("streamz-http-arrival", ingest.new Arrival());
                    c.addHandlerLast("streamz-http-codec", new HttpServerCodec(MAX_LINE, MAX_HEADERS, MAX_CHUNK));
                    c.onReadIdle(options.idleTimeout().toMillis(), ingest::idle);
                    c.addHandlerLast("streamz-http", ingest);
                })
                .handle((in, out) -> Mono.never())
                .bindNow();
    }

    /** Counts a request in flight if there is room ({@link NetOptions#maxInFlight()}). */
    boolean enterFlight() {
        while (true) {
            int n = inFlight.get();
            if (n >= options.maxInFlight()) {
                return false;
            }
            if (inFlight.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void leaveFlight() {
        inFlight.decrementAndGet();
    }

    /** The requests being read or taken by the graph now; for tests. */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    protected String describeParams() {
        return "port=" + shownPort() + ", path=" + path;
    }
}
