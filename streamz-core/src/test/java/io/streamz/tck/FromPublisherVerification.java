package io.streamz.tck;

import io.streamz.PublisherSources;
import org.reactivestreams.Subscriber;
import org.reactivestreams.tck.SubscriberBlackboxVerification;
import org.reactivestreams.tck.TestEnvironment;

/**
 * The Reactive Streams TCK's subscriber rules for the subscriber behind
 * {@code Stream.fromPublisher} (TestNG; run by {@code ReactiveStreamsTckTest}).
 */
public class FromPublisherVerification extends SubscriberBlackboxVerification<Integer> {

    public FromPublisherVerification() {
        super(new TestEnvironment(ReactiveStreamsTckTest.TIMEOUT_MILLIS, ReactiveStreamsTckTest.NO_SIGNAL_TIMEOUT_MILLIS));
    }

    @Override
    public Subscriber<Integer> createSubscriber() {
        return PublisherSources.subscriberIntoNewGraph();
    }

    @Override
    public Integer createElement(int element) {
        return element;
    }
}
