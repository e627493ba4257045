package io.streamz.internal.reactive;

import io.streamz.Signal;
import io.streamz.Stream;
import io.streamz.internal.Node;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Implements {@link Stream#toPublisher()}: a hot publisher. Every element reaching the node goes to
 * every current subscriber; the element's {@code emit} is held until each of them requested it (or
 * cancelled), so a subscriber's demand paces the graph and nothing is dropped or piles up.
 */
public final class PublisherSink<T> extends Node<T, T> implements Publisher<T> {
    private final CopyOnWriteArrayList<Sub<T>> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean completed;

    public PublisherSink(Stream<T> upstream) {
        super(upstream, "toPublisher");
    }

    @Override
    public void subscribe(Subscriber<? super T> subscriber) {
        Sub<T> sub = new Sub<>(this, Objects.requireNonNull(subscriber, "toPublisher: subscriber is null"));
        subscriber.onSubscribe(sub);
        subscribers.add(sub);
        if (completed || sub.cancelled) {
            subscribers.remove(sub);
            sub.complete();
        }
    }

    /** How many subscribers currently receive elements. */
    public int subscriberCount() {
        return subscribers.size();
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        CompletableFuture<?> pending = null;
        for (Sub<T> s : subscribers) {
            pending = both(pending, s.offer(x));
        }
        return pending;
    }

    /** Disconnects the node and completes its subscribers once they received what is queued. */
    @Override
    public void destroy() {
        super.destroy();
        completeSubscribers();
    }

    /** The end of the input completes every subscriber once it has what was emitted before. */
    @Override
    protected CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
        if (signal instanceof Signal.End) {
            completeSubscribers();
        }
        return forwardSignal(signal, who);
    }

    private void completeSubscribers() {
        completed = true;
        for (Sub<T> s : subscribers) {
            subscribers.remove(s);
            s.complete();
        }
    }

    /** One subscription: a queue of elements waiting for demand, drained by whoever gets there. */
    private static final class Sub<T> implements Subscription {
        private final PublisherSink<T> node;
        private final Subscriber<? super T> subscriber;
        private final Queue<Item<T>> queue = new ConcurrentLinkedQueue<>();
        private final AtomicLong requested = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private volatile boolean cancelled;
        private volatile boolean completing;
        private volatile Throwable badRequest;
        private boolean terminated;

        Sub(PublisherSink<T> node, Subscriber<? super T> subscriber) {
            this.node = node;
            this.subscriber = subscriber;
        }

        CompletableFuture<?> offer(T x) {
            if (cancelled) {
                return null;
            }
            Item<T> item = new Item<>(x);
            queue.add(item);
            drain();
            return item.isDone() ? null : item;
        }

        void complete() {
            completing = true;
            drain();
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                badRequest = new IllegalArgumentException(
                        "toPublisher: request(n) needs n > 0 (Reactive Streams rule 3.9), was " + n);
            } else {
                requested.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            }
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
            node.subscribers.remove(this);
            drain();
        }

        private void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            for (;;) {
                if (!terminated) {
                    drainOnce();
                }
                missed = wip.addAndGet(-missed);
                if (missed == 0) {
                    return;
                }
            }
        }

        private void drainOnce() {
            if (badRequest != null && !cancelled) {
                cancel();
                terminated = true;
                subscriber.onError(badRequest);
            }
            if (cancelled) {
                terminated = true;
                for (Item<T> i = queue.poll(); i != null; i = queue.poll()) {
                    i.complete(null);
                }
                return;
            }
            long r = requested.get();
            long sent = 0;
            while (sent != r) {
                Item<T> i = queue.poll();
                if (i == null) {
                    break;
                }
                try {
                    subscriber.onNext(i.value);
                } catch (RuntimeException e) {
                    // rule 2.13: a subscriber that throws is treated as cancelled
                    i.complete(null);
                    cancel();
                    return;
                }
                sent++;
                i.complete(null);
            }
            if (sent != 0 && r != Long.MAX_VALUE) {
                requested.addAndGet(-sent);
            }
            if (completing && queue.isEmpty()) {
                terminated = true;
                node.subscribers.remove(this);
                subscriber.onComplete();
            }
        }
    }

    /** An element waiting for one subscriber's demand; completes when delivered (or dropped by cancel). */
    private static final class Item<T> extends CompletableFuture<Void> {
        final T value;

        Item(T value) {
            this.value = value;
        }
    }
}
