package io.streamz.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.streamz.NodeException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP connection of {@link HttpServerSource}, behind Netty's request decoder: checks each
 * request before its body is read, collects the body within the size limit, the request
 * deadline and the source's budgets, hands it to the graph and answers once the graph has taken
 * it. A connection has one request in flight: the next one, pipelined or not, is not read
 * before the previous one is answered. Every refusal is answered and closes the connection,
 * so a refused body is never read; a refused request never reaches the graph.
 *
 * <pre>{@code
 * c.addHandlerLast("streamz-http-codec", new HttpServerCodec());
 * c.addHandlerLast("streamz-http", new HttpIngest(source));
 * }</pre>
 */
final class HttpIngest extends ChannelDuplexHandler {
    private static final int MAX_ERROR_CHARS = 200;
    private static final String RETRY_AFTER_SECONDS = "1";
    private static final long LINGER_BYTES = 1 << 20;
    private static final long LINGER_MILLIS = 2_000;

    private enum State { IDLE, BODY, AT_GRAPH, CLOSING }

    private final HttpServerSource source;
    private final NetOptions options;
    private final ArrayDeque<Object> held = new ArrayDeque<>();   // decoded while a request was at the graph
    private ChannelHandlerContext ctx;
    private State state = State.IDLE;
    private boolean paused;
    private boolean keepAlive;
    private boolean inFlight;
    private boolean inputClosed;              // the client shut its side down (it may still read)
    private long taken;                       // bytes of this body taken from the budget
    private long lingered;                    // bytes discarded after a refusal
    private ByteArrayOutputStream body;
    private ScheduledFuture<?> deadline;

    HttpIngest(HttpServerSource source) {
        this.source = source;
        this.options = source.options;
    }

    /** Notices the first bytes of a request, before its head is decoded, to start the deadline. */
    final class Arrival extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (state == State.CLOSING) {
                lingered += ((ByteBuf) msg).readableBytes();
                ReferenceCountUtil.release(msg);
                if (lingered > LINGER_BYTES) {
                    ctx.close();
                }
                return;
            }
            if (deadline == null) {
                deadline = ctx.executor().schedule(HttpIngest.this::timedOut,
                        options.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
            }
            ctx.fireChannelRead(msg);
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        ctx.channel().config().setAutoRead(true);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (state == State.CLOSING) {
            ReferenceCountUtil.release(msg);
        } else if (state == State.AT_GRAPH || !held.isEmpty()) {
            held.add(msg);                     // at most one read's worth: reading is paused
        } else {
            handle(msg);
        }
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (!paused) {
            ctx.read();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelDeadline();
        if (state != State.AT_GRAPH) {         // a body at the graph is delivered and released when done
            finishRequest();
        }
        state = State.CLOSING;
        releaseHeld();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ServerSource.LOG.debug(source + ": closing a connection: " + cause);
        if (state == State.AT_GRAPH) {
            ctx.close();
        } else {
            refuse(HttpResponseStatus.BAD_REQUEST, "malformed request");
        }
    }

    /** Called on read idle: a connection between requests is closed, a stalled body refused. */
    void idle() {
        if (state == State.IDLE && deadline == null) {
            state = State.CLOSING;
            ctx.close();
        } else if (state == State.BODY || state == State.IDLE) {
            refuse(HttpResponseStatus.REQUEST_TIMEOUT, "no data for " + options.idleTimeout().toMillis() + " ms");
        }
    }

    private void timedOut() {
        deadline = null;
        if (state == State.AT_GRAPH) {
            keepAlive = false;                 // the next request is late: close after this answer
        } else if (state == State.IDLE || state == State.BODY) {
            refuse(HttpResponseStatus.REQUEST_TIMEOUT,
                    "the request took longer than " + options.requestTimeout().toMillis() + " ms");
        }
    }

    private void handle(Object msg) {
        try {
            if (msg instanceof HttpRequest req) {
                head(req);
            }
            if (msg instanceof HttpContent content && state == State.BODY) {
                content(content);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void head(HttpRequest req) {
        DecoderResult result = req.decoderResult();
        if (result.isFailure()) {
            refuse(HttpResponseStatus.BAD_REQUEST, "malformed request: " + printable(result.cause().getMessage()));
            return;
        }
        HttpHeaders headers = req.headers();
        keepAlive = HttpUtil.isKeepAlive(req);
        if (!req.protocolVersion().equals(HttpVersion.HTTP_1_1) && !req.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            refuse(HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED, "only HTTP/1.0 and HTTP/1.1 are supported");
        } else if (!options.authorizes(headers.get(HttpHeaderNames.AUTHORIZATION))) {
            FullHttpResponse r = response(HttpResponseStatus.UNAUTHORIZED, "missing or wrong bearer token");
            r.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
            close(r);
        } else if (!pathOf(req.uri()).equals(source.path())) {
            refuse(HttpResponseStatus.NOT_FOUND, "no such path");
        } else if (!req.method().equals(HttpMethod.POST)) {
            FullHttpResponse r = response(HttpResponseStatus.METHOD_NOT_ALLOWED, "only POST is allowed");
            r.headers().set(HttpHeaderNames.ALLOW, "POST");
            close(r);
        } else if (headers.getAll(HttpHeaderNames.TRANSFER_ENCODING).stream()
                .anyMatch(v -> !v.trim().equalsIgnoreCase(HttpHeaderValues.CHUNKED.toString()))) {
            refuse(HttpResponseStatus.NOT_IMPLEMENTED, "the only transfer coding supported is chunked");
        } else if (HttpUtil.getContentLength(req, 0L) > options.maxSize()) {
            tooLarge();
        } else if (headers.contains(HttpHeaderNames.EXPECT) && !HttpUtil.is100ContinueExpected(req)) {
            refuse(HttpResponseStatus.EXPECTATION_FAILED, "only Expect: 100-continue is supported");
        } else if (!source.enterFlight()) {
            busy("too many requests in flight");
        } else {
            inFlight = true;
            state = State.BODY;
            body = new ByteArrayOutputStream();
            if (HttpUtil.is100ContinueExpected(req)) {
                ctx.writeAndFlush(new DefaultFullHttpResponse(req.protocolVersion(), HttpResponseStatus.CONTINUE));
            }
        }
    }

    private void content(HttpContent content) {
        if (content.decoderResult().isFailure()) {
            refuse(HttpResponseStatus.BAD_REQUEST,
                    "malformed body: " + printable(content.decoderResult().cause().getMessage()));
            return;
        }
        ByteBuf bytes = content.content();
        int n = bytes.readableBytes();
        if (body.size() + n > options.maxSize()) {
            tooLarge();
            return;
        }
        if (!source.budget().tryTake(n)) {
            busy("too many bytes waiting for the graph");
            return;
        }
        taken += n;
        byte[] chunk = new byte[n];
        bytes.readBytes(chunk);
        body.write(chunk, 0, n);
        if (content instanceof LastHttpContent) {
            complete();
        }
    }

    private void complete() {
        cancelDeadline();
        String text;
        try {
            text = ServerSource.utf8(body.toByteArray());
        } catch (CharacterCodingException e) {
            refuse(HttpResponseStatus.BAD_REQUEST, "the body is not UTF-8");
            return;
        }
        body = null;
        state = State.AT_GRAPH;
        pause();
        source.offer(text).whenComplete((r, failure) -> ctx.executor().execute(() -> answered(failure)));
    }

    /** On the event loop, once the graph has taken the body (or failed). */
    private void answered(Throwable failure) {
        finishRequest();
        if (!ctx.channel().isActive()) {
            return;
        }
        state = State.IDLE;
        FullHttpResponse r;
        if (failure == null) {
            r = response(HttpResponseStatus.OK, "ok");
        } else if (failure instanceof NodeException) {
            String m = failure.getMessage();
            r = response(HttpResponseStatus.INTERNAL_SERVER_ERROR,
                    m.length() > MAX_ERROR_CHARS ? m.substring(0, MAX_ERROR_CHARS - 3) + "..." : m);
        } else {
            r = response(HttpResponseStatus.SERVICE_UNAVAILABLE, "not accepting elements: " + failure.getMessage());
            r.headers().set(HttpHeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        if (!keepAlive) {
            close(r);
            return;
        }
        ctx.writeAndFlush(r);
        next();
    }

    /**
     * Goes on with the next request once the answers written so far have left: a client that
     * does not read its answers is not read from either.
     */
    private void next() {
        if (!ctx.channel().isWritable()) {
            return;                            // channelWritabilityChanged calls again
        }
        resume();
        while ((state == State.IDLE || state == State.BODY) && !held.isEmpty()) {
            handle(held.poll());
        }
        if (inputClosed) {
            endOfInput();
        }
    }

    /**
     * The client shut its output down (as {@code nc -N} does after sending): what it sent is
     * answered, then the connection is closed; a request cut short is refused.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            inputClosed = true;
            if (state != State.AT_GRAPH && held.isEmpty()) {
                endOfInput();
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    private void endOfInput() {
        if (state == State.IDLE && deadline == null || state == State.CLOSING) {
            state = State.CLOSING;
            ctx.close();
        } else if (state == State.IDLE || state == State.BODY) {
            refuse(HttpResponseStatus.BAD_REQUEST, "the request ended before it was complete");
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (state == State.IDLE && paused && ctx.channel().isWritable()) {
            next();
        }
        ctx.fireChannelWritabilityChanged();
    }

    private void busy(String why) {
        FullHttpResponse r = response(HttpResponseStatus.SERVICE_UNAVAILABLE, why + ", try again later");
        r.headers().set(HttpHeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS);
        close(r);
    }

    private void tooLarge() {
        refuse(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "the body is larger than " + options.maxSize() + " bytes");
    }

    private void refuse(HttpResponseStatus status, String message) {
        close(response(status, message));
    }

    /**
     * Answers and closes: the rest of a refused body is never collected. So that the client can
     * read the answer (a close with unread input would reset the connection and lose it), the
     * server first shuts its output down and discards input for at most {@link #LINGER_BYTES}
     * bytes and {@link #LINGER_MILLIS} ms.
     */
    private void close(FullHttpResponse r) {
        cancelDeadline();
        finishRequest();
        state = State.CLOSING;
        pause();
        releaseHeld();
        r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(r).addListener(written -> {
            if (!written.isSuccess() || inputClosed || !(ctx.channel() instanceof SocketChannel socket)) {
                ctx.close();
                return;
            }
            socket.shutdownOutput().addListener(shut -> {
                ctx.executor().schedule(() -> ctx.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
                resume();
            });
        });
    }

    /** Gives back what the current request holds: its place in flight and its bytes. */
    private void finishRequest() {
        body = null;
        if (taken > 0) {
            source.budget().give(taken);
            taken = 0;
        }
        if (inFlight) {
            inFlight = false;
            source.leaveFlight();
        }
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private void pause() {
        paused = true;
        ctx.channel().config().setAutoRead(false);
    }

    private void resume() {
        paused = false;
        ctx.channel().config().setAutoRead(true);
    }

    private void releaseHeld() {
        Object m;
        while ((m = held.poll()) != null) {
            ReferenceCountUtil.release(m);
        }
    }

    /** A decoder's message, which may quote the request, cut and without control characters. */
    private static String printable(String message) {
        String m = String.valueOf(message).replaceAll("\\p{Cntrl}", "?");
        return m.length() > 80 ? m.substring(0, 77) + "..." : m;
    }

    private static String pathOf(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }

    private static FullHttpResponse response(HttpResponseStatus status, String message) {
        byte[] text = (message + "\n").getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(text));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, text.length);
        return r;
    }

    @Override
    public String toString() {
        return "HttpIngest(" + state.name().toLowerCase(Locale.ROOT) + ")";
    }
}
