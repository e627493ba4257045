package io.streamz;

import io.streamz.internal.reactive.DemandSubscriber;
import io.streamz.internal.util.Checks;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;

/**
 * A source fed by a Reactive Streams {@link Publisher}, built by {@link Stream#fromPublisher}.
 * {@link #start()} subscribes; each element is emitted into the graph, and the next one is
 * requested only when the graph's work for it (asynchronous sinks included) is done.
 * {@link #stop()} cancels the subscription; starting again subscribes again.
 *
 * <pre>{@code
 * PublisherSource<Integer> source = Stream.fromPublisher(Flux.range(1, 3));
 * List<Integer> out = source.map(x -> x * 10).sinkToList();
 * source.start();
 * source.completion().join();
 * // out: [10, 20, 30]
 * }</pre>
 *
 * <p><b>Completion and errors:</b> a stream has no end, so the publisher's {@code onComplete} and
 * {@code onError} surface in {@link #completion()}: it completes normally when the publisher
 * completes or the source is stopped, and exceptionally with the publisher's error, or with the
 * {@link NodeException} of a graph function that failed on an element (which also cancels the
 * subscription).
 *
 * @param <T> the type of the elements
 */
public final class PublisherSource<T> extends Source<T> {
    private final Publisher<? extends T> publisher;
    private volatile DemandSubscriber<T> subscriber;
    private volatile CompletableFuture<Void> completion = new CompletableFuture<>();

    PublisherSource(Publisher<? extends T> publisher) {
        super("fromPublisher", null);
        this.publisher = Checks.notNull(publisher, "fromPublisher", "publisher");
    }

    /**
     * Completes when the publisher completes or the source is stopped; fails with the publisher's
     * error or a failure of the graph. Each {@link #start()} after the last one ended begins a new
     * completion.
     *
     * @return the completion of the current (or last) subscription
     */
    public CompletableFuture<Void> completion() {
        return completion;
    }

    @Override
    protected void onStart() {
        if (completion.isDone()) {
            completion = new CompletableFuture<>();
        }
        DemandSubscriber<T> s = newSubscriber(completion);
        subscriber = s;
        publisher.subscribe(s);
    }

    @Override
    protected void onStop() {
        subscriber.cancel();
        completion.complete(null);
    }

    /** A subscriber that emits into this source's graph; the TCK tests it directly. */
    DemandSubscriber<T> newSubscriber(CompletableFuture<Void> done) {
        return new DemandSubscriber<>(x -> enterGraph(() -> emitDownstream(x, NO_METADATA)), done);
    }
}
