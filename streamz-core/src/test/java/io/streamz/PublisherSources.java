package io.streamz;

import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Subscriber;
import reactor.core.publisher.Flux;

/** Test access to the subscriber {@link PublisherSource} subscribes with. */
public final class PublisherSources {
    private PublisherSources() {
    }

    /** A subscriber that emits into a new graph ending in a list sink. */
    public static Subscriber<Integer> subscriberIntoNewGraph() {
        PublisherSource<Integer> source = Stream.fromPublisher(Flux.never());
        source.map(x -> x + 1).sinkToList();
        return source.newSubscriber(new CompletableFuture<>());
    }
}
