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
 * <p><b>Completion and errors:</b> the publisher's {@code onComplete} is the end of the input
 * ({@link Signal#end()}): windows flush, and {@link #completion()} completes once every node
 * downstream, asynchronous sinks included, is done with the elements. It completes exceptionally
 * with the publisher's {@code onError}, or with the {@link NodeException} of a graph function
 * that failed on an element (which also cancels the subscription), and normally when the source
 * is stopped.
 *
 * @param <T> the type of the elements
 */
public final class PublisherSource<T> extends Source<T> {
    private final Publisher<? extends T> publisher;
    private volatile DemandSubscriber<T> subscriber;
    /** The downstream work of the last element, which the end waits for too. */
    private volatile CompletableFuture<?> lastWork;

    PublisherSource(Publisher<? extends T> publisher) {
        super("fromPublisher", null);
        this.publisher = Checks.notNull(publisher, "fromPublisher", "publisher");
    }

    @Override
    protected void onStart() {
        CompletableFuture<Void> upstreamDone = new CompletableFuture<>();
        DemandSubscriber<T> s = newSubscriber(upstreamDone);
        subscriber = s;
        lastWork = null;
        upstreamDone.whenComplete((r, e) -> ended(s, e));
        publisher.subscribe(s);
    }

    private void ended(DemandSubscriber<T> s, Throwable failure) {
        synchronized (this) {
            if (subscriber != s || !isStarted()) {
                return;   // stopped meanwhile
            }
            if (failure != null) {
                failed(failure);
            } else {
                finish(lastWork);
            }
        }
    }

    @Override
    protected void onStop() {
        subscriber.cancel();
    }

    /** A subscriber that emits into this source's graph and completes {@code done} at its end. */
    DemandSubscriber<T> newSubscriber(CompletableFuture<Void> done) {
        return new DemandSubscriber<>(x -> {
            CompletableFuture<?> work = enterGraph(() -> emitAndHold(x, NO_METADATA));
            lastWork = work;
            return work;
        }, done);
    }
}
