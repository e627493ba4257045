package io.streamz.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.function.BiConsumer;

/**
 * One connection's queue between its network thread and the graph (TCP lines, WebSocket
 * messages): each decoded element is copied into the queue at once and handed to the graph one
 * at a time, in order. Reading stops while the connection holds {@link #HIGH_WATER} bytes or
 * the source's {@link Budget} is spent, and goes on once the graph has caught up, so a fast
 * sender is slowed down by TCP flow control instead of filling memory. What is queued when the
 * client closes is still delivered: only {@code stop()} drops it.
 *
 * <pre>{@code
 * c.addHandlerLast("streamz-feed", new Feed(source, Feed::text, (ch, refused) -> ch.close()));
 * }</pre>
 */
final class Feed extends ChannelDuplexHandler {
    /** A connection stops reading once this many bytes of its elements wait for the graph. */
    static final int HIGH_WATER = 64 * 1024;

    /** Turns a decoded message into an element. */
    interface Decoder {
        /**
         * The element in {@code msg}, or {@code null} to pass {@code msg} on untouched.
         *
         * @throws Refused if the message is not acceptable (the connection is refused)
         */
        String decode(Object msg) throws Refused;
    }

    /** A message the connection is refused for; the element never reaches the graph. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }

        /** Refused for a failure the pipeline reported (a frame too long, a protocol violation). */
        Refused(Throwable cause) {
            super(String.valueOf(cause.getMessage()), cause, false, false);
            this.status = 0;
        }
    }

    private final ServerSource source;
    private final Budget budget;
    private final Decoder decoder;
    private final BiConsumer<Channel, Refused> refuse;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private long queuedBytes;          // guarded by this
    private boolean atGraph;           // guarded by this: an element is being taken by the graph
    private boolean refused;           // event loop only
    private volatile boolean paused;
    private ChannelHandlerContext ctx;

    Feed(ServerSource source, Decoder decoder, BiConsumer<Channel, Refused> refuse) {
        this.source = source;
        this.budget = source.budget();
        this.decoder = decoder;
        this.refuse = refuse;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        ctx.channel().config().setAutoRead(true);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        String element;
        try {
            element = decoder.decode(msg);
        } catch (Refused e) {
            ReferenceCountUtil.release(msg);
            refuse(ctx, e);
            return;
        }
        if (element == null) {
            ctx.fireChannelRead(msg);
            return;
        }
        ReferenceCountUtil.release(msg);
        if (refused) {
            return;                      // the rest of a refused connection's input
        }
        long size = Budget.size(element);
        synchronized (this) {
            queue.add(element);
            queuedBytes += size;
        }
        source.countQueued(1);
        boolean spent = budget.take(size);
        if (spent || queuedBytes() >= HIGH_WATER) {
            pause();
            if (spent) {
                resume();                // registers with the budget, or reads again at once
            }
        }
        pump();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ServerSource.LOG.debug(source + ": closing a connection: " + cause);
        refuse(ctx, cause instanceof Refused r ? r : new Refused(cause));
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (!paused) {
            ctx.read();
        }
    }

    /** Whether the connection has elements waiting for the graph or being taken by it. */
    synchronized boolean busy() {
        return atGraph || !queue.isEmpty();
    }

    private void refuse(ChannelHandlerContext ctx, Refused e) {
        if (!refused) {
            refused = true;
            refuse.accept(ctx.channel(), e);
        }
    }

    private synchronized long queuedBytes() {
        return queuedBytes;
    }

    private void pause() {
        paused = true;
        ctx.channel().config().setAutoRead(false);
    }

    /** On the event loop: reads again if this connection and the budget have room. */
    void resume() {
        if (!ctx.executor().inEventLoop()) {
            ctx.executor().execute(this::resume);
            return;
        }
        if (paused && queuedBytes() < HIGH_WATER && !budget.waitFor(this)) {
            paused = false;
            ctx.channel().config().setAutoRead(true);
        }
    }

    /** Hands the next element to the graph unless one is there already. */
    private void pump() {
        String next;
        synchronized (this) {
            if (atGraph || queue.isEmpty()) {
                return;
            }
            if (!source.isStarted()) {
                dropQueue();
                return;
            }
            next = queue.poll();
            atGraph = true;
        }
        source.countQueued(-1);          // offer counts it until the graph takes it
        source.offer(next).whenComplete((r, failure) -> {
            if (failure != null) {
                source.logFailure(next, failure);
            }
            long size = Budget.size(next);
            synchronized (this) {
                atGraph = false;
                queuedBytes -= size;
            }
            budget.give(size);
            if (paused) {
                resume();
            }
            pump();
        });
    }

    private void dropQueue() {
        long dropped = 0;
        for (String x : queue) {
            dropped += Budget.size(x);
        }
        if (!queue.isEmpty()) {
            ServerSource.LOG.debug(source + ": stopped with " + queue.size() + " elements unread by the graph");
        }
        source.countQueued(-queue.size());
        queue.clear();
        queuedBytes -= dropped;
        budget.give(dropped);
    }
}
