package io.streamz.net;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.streamz.NodeException;
import io.streamz.internal.util.Checks;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import reactor.core.publisher.Mono;
import io.netty.channel.group.ChannelGroup;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

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
    private static final int MAX_ERROR_CHARS = 200;

    private final String path;

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
        return HttpServer.create()
                .host(options.host())
                .port(requestedPort)
                .channelGroup(connections)
                .idleTimeout(options.idleTimeout())
                .readTimeout(options.idleTimeout())
                .handle(this::handle)
                .bindNow();
    }

    private Mono<Void> handle(HttpServerRequest req, HttpServerResponse res) {
        if (!req.fullPath().equals(path)) {
            return reply(res, HttpResponseStatus.NOT_FOUND, "no such path, POST to " + path);
        }
        if (!req.method().equals(HttpMethod.POST)) {
            res.header(HttpHeaderNames.ALLOW, "POST");
            return reply(res, HttpResponseStatus.METHOD_NOT_ALLOWED, "only POST is allowed");
        }
        if (!options.authorizes(req.requestHeaders().get(HttpHeaderNames.AUTHORIZATION))) {
            res.header(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
            return reply(res, HttpResponseStatus.UNAUTHORIZED, "missing or wrong bearer token");
        }
        String length = req.requestHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null && tooLong(length)) {
            return tooLarge(res);
        }
        int max = options.maxSize();
        return req.receive().asByteArray()
                .reduceWith(ByteArrayOutputStream::new, (out, bytes) -> {
                    if (out.size() + bytes.length > max) {
                        throw new TooLarge();
                    }
                    out.write(bytes, 0, bytes.length);
                    return out;
                })
                .defaultIfEmpty(new ByteArrayOutputStream())
                .flatMap(out -> {
                    String body;
                    try {
                        body = utf8(out.toByteArray());
                    } catch (CharacterCodingException e) {
                        return reply(res, HttpResponseStatus.BAD_REQUEST, "the body is not UTF-8");
                    }
                    return Mono.fromFuture(offer(body))
                            .then(reply(res, HttpResponseStatus.OK, "ok"))
                            .onErrorResume(e -> failed(res, e));
                })
                .onErrorResume(TooLarge.class, e -> tooLarge(res));
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > options.maxSize();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private Mono<Void> tooLarge(HttpServerResponse res) {
        res.keepAlive(false);
        return reply(res, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "the body is larger than " + options.maxSize() + " bytes");
    }

    private Mono<Void> failed(HttpServerResponse res, Throwable e) {
        if (e instanceof NodeException) {
            String m = e.getMessage();
            return reply(res, HttpResponseStatus.INTERNAL_SERVER_ERROR,
                    m.length() > MAX_ERROR_CHARS ? m.substring(0, MAX_ERROR_CHARS - 3) + "..." : m);
        }
        return reply(res, HttpResponseStatus.SERVICE_UNAVAILABLE, "not accepting elements: " + e.getMessage());
    }

    private static Mono<Void> reply(HttpServerResponse res, HttpResponseStatus status, String message) {
        return res.status(status)
                .header(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .sendString(Mono.just(message + "\n"))
                .then();
    }

    @Override
    protected String describeParams() {
        return "port=" + shownPort() + ", path=" + path;
    }

    /** A body over the limit, found while reading it. */
    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null, false, false);
        }
    }
}
