package io.streamz.net;

import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.streamz.NodeException;
import io.streamz.Source;
import io.streamz.internal.util.Checks;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * Base of the server sources ({@link Net#fromHttpServer}, {@link Net#fromWebsocket},
 * {@link Net#fromTcp}): binds on {@code start()}, unbinds on {@code stop()}, and hands received
 * elements to the graph on a thread of its own, so network threads never wait for the graph.
 *
 * <p>{@link #stats()}{@code .queued()} counts the elements received and not yet handed to the
 * graph: request bodies and WebSocket messages or TCP pieces waiting behind the one the graph is
 * taking. It is bounded by {@link NetOptions#withMaxInFlight} requests for
 * {@code fromHttpServer}, and for {@code fromWebsocket} and {@code fromTcp} by the bytes of
 * {@link NetOptions#withMaxQueuedBytes} (each element counting its length plus 48), give or
 * take the elements of one network read.
 *
 * <pre>{@code
 * ServerSource in = Net.fromTcp(0, "\n");
 * in.start();
 * int port = in.port();   // the port the system picked
 * }</pre>
 */
public abstract class ServerSource extends Source<String> {
    static final Logger LOG = Loggers.getLogger(ServerSource.class);

    final int requestedPort;
    final NetOptions options;
    private volatile DisposableServer server;
    private volatile ChannelGroup connections;
    private volatile ExecutorService entry;
    private volatile Budget budget;
    private final AtomicLong queued = new AtomicLong();

    ServerSource(String kind, int port, NetOptions options) {
        super(kind, null);
        if (port < 0 || port > 65535) {
            throw Checks.invalid(kind, "port must be between 0 and 65535, was " + port);
        }
        this.requestedPort = port;
        this.options = Checks.notNull(options, kind, "options");
    }

    /**
     * The port the server listens on: the one asked for, or the one the system picked for 0.
     *
     * @return the bound port
     * @throws IllegalStateException if the source is not started
     */
    public final int port() {
        DisposableServer s = server;
        if (s == null) {
            throw new IllegalStateException(kind() + ": not started, no port bound");
        }
        return s.port();
    }

    /**
     * The address the server is asked to listen on ({@link NetOptions#withHost}).
     *
     * @return the configured host name or IP address; available before {@code start()}
     */
    public final String host() {
        return options.host();
    }

    /**
     * The socket address the server is bound to.
     *
     * @return the bound address and port
     * @throws IllegalStateException if the source is not started
     */
    public final InetSocketAddress address() {
        DisposableServer s = server;
        if (s == null) {
            throw new IllegalStateException(kind() + ": not started, no address bound");
        }
        return (InetSocketAddress) s.address();
    }

    /**
     * Binds the server.
     *
     * @throws IllegalStateException if the address cannot be bound; the source is left stopped
     */
    @Override
    protected final void onStart() {
        String thread = "streamz-" + kind() + "-" + requestedPort;
        entry = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, thread);
            t.setDaemon(true);
            return t;
        });
        connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        budget = new Budget(options.maxQueuedBytes());
        try {
            server = bind(connections);
        } catch (RuntimeException e) {
            stop();
            throw new IllegalStateException(kind() + ": cannot listen on " + options.host() + ":" + requestedPort + ": " + e, e);
        }
    }

    @Override
    protected final void onStop() {
        DisposableServer s = server;
        server = null;
        ChannelGroup open = connections;
        connections = null;
        if (open != null) {
            open.close().awaitUninterruptibly(5_000);
        }
        if (s != null) {
            s.disposeNow(Duration.ofSeconds(5));
        }
        ExecutorService e = entry;
        entry = null;
        if (e != null) {
            queued.addAndGet(-e.shutdownNow().size());   // elements that will never reach the graph
        }
    }

    /**
     * The elements received and not yet handed to the graph, over all connections.
     *
     * @return the number waiting now
     */
    @Override
    protected final long queuedCount() {
        return queued.get();
    }

    /** Counts {@code n} more (or, negative, fewer) elements waiting for the graph. */
    final void countQueued(long n) {
        queued.addAndGet(n);
    }

    /**
     * Starts the server on {@code options.host()} and {@link #requestedPort}.
     *
     * @param connections where the server keeps its channels, all closed on {@code stop()}
     */
    abstract DisposableServer bind(ChannelGroup connections);

    /** The received bytes waiting for the graph, over all connections. */
    final Budget budget() {
        return budget;
    }

    /**
     * Whether {@code c} fits within {@link NetOptions#maxConnections()}; {@code c} is counted
     * already (it is in the channel group).
     */
    final boolean withinConnectionLimit() {
        ChannelGroup open = connections;
        return open != null && open.size() <= options.maxConnections();
    }

    /**
     * Emits {@code x} into the graph from this source's own thread.
     *
     * @return completes when the graph is done with {@code x}, or fails with its
     *     {@link NodeException}
     */
    final CompletableFuture<Void> offer(String x) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ExecutorService e = entry;
        if (e == null) {
            done.completeExceptionally(new IllegalStateException(kind() + ": stopped"));
            return done;
        }
        queued.incrementAndGet();
        try {
            e.execute(() -> {
                queued.decrementAndGet();
                try {
                    emitAsync(x).whenComplete((r, failure) -> {
                        if (failure == null) {
                            done.complete(null);
                        } else {
                            done.completeExceptionally(unwrap(failure));
                        }
                    });
                } catch (RuntimeException failure) {
                    done.completeExceptionally(failure);
                }
            });
        } catch (RejectedExecutionException stopped) {
            queued.decrementAndGet();
            done.completeExceptionally(new IllegalStateException(kind() + ": stopped"));
        }
        return done;
    }

    /**
     * Emits {@code x} like {@link #offer}, counting it in {@code busy} until the graph is done:
     * a connection waiting for the graph is not idle.
     */
    final Mono<Void> offerCounted(String x, AtomicInteger busy) {
        return Mono.defer(() -> {
            busy.incrementAndGet();
            return Mono.fromFuture(offer(x));
        }).doFinally(signal -> busy.decrementAndGet());
    }

    /** Logs a graph failure on an element that has no one to answer to (WebSocket, TCP). */
    final void logFailure(String x, Throwable failure) {
        LOG.warn(this + ": the graph failed on " + NodeException.describe(x), failure);
    }

    static Throwable unwrap(Throwable e) {
        return e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /** {@code bytes} as UTF-8; malformed input is an error, never a replacement character. */
    static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** How many connections are open now; for tests. */
    final int openConnections() {
        ChannelGroup open = connections;
        return open == null ? 0 : open.size();
    }

    /** The bytes written to clients and not yet sent, over all connections; for tests. */
    final long pendingWriteBytes() {
        ChannelGroup open = connections;
        long n = 0;
        if (open != null) {
            for (io.netty.channel.Channel c : open) {
                io.netty.channel.ChannelOutboundBuffer b = c.unsafe().outboundBuffer();
                n += b == null ? 0 : b.totalPendingWriteBytes();
            }
        }
        return n;
    }

    /** The bound port while started, else the one asked for. */
    final int shownPort() {
        DisposableServer s = server;
        return s != null ? s.port() : requestedPort;
    }

    @Override
    protected String describeParams() {
        return "port=" + shownPort();
    }
}
