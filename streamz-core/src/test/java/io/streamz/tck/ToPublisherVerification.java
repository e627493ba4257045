package io.streamz.tck;

import io.streamz.Stream;
import io.streamz.internal.reactive.PublisherSink;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;

/**
 * The Reactive Streams TCK's publisher rules for {@code Stream.toPublisher()} (TestNG; run by
 * {@code ReactiveStreamsTckTest}). Each publisher is fed by a thread that emits {@code elements}
 * numbers into a fresh graph once the first subscriber arrived, and then destroys the node, which
 * completes the subscribers.
 */
public class ToPublisherVerification extends PublisherVerification<Long> {

    public ToPublisherVerification() {
        super(new TestEnvironment(ReactiveStreamsTckTest.TIMEOUT_MILLIS, ReactiveStreamsTckTest.NO_SIGNAL_TIMEOUT_MILLIS), ReactiveStreamsTckTest.TIMEOUT_MILLIS);
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        Stream<Long> source = Stream.create();
        PublisherSink<Long> node = (PublisherSink<Long>) source.toPublisher();
        AtomicBoolean started = new AtomicBoolean();
        return subscriber -> {
            node.subscribe(subscriber);
            if (started.compareAndSet(false, true)) {
                Thread producer = new Thread(() -> {
                    for (long i = 0; i < elements && node.subscriberCount() > 0; i++) {
                        source.emit(i);
                    }
                    node.destroy();
                }, "tck-producer");
                producer.setDaemon(true);
                producer.start();
            }
        };
    }

    @Override
    public Publisher<Long> createFailedPublisher() {
        return null;   // a stream has no failure signal: the rules for failed publishers do not apply
    }
}
