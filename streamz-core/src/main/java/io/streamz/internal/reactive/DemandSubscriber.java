package io.streamz.internal.reactive;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The subscriber behind {@code Stream.fromPublisher}: requests one element, hands it to the graph,
 * and requests the next only when the graph's work for it is done, so a slow graph slows the
 * publisher. Terminal signals and a failure of the graph go to {@code done}.
 */
public final class DemandSubscriber<T> implements Subscriber<T> {
    private final Function<? super T, ? extends CompletableFuture<?>> emit;
    private final CompletableFuture<Void> done;
    private volatile Subscription subscription;
    private volatile boolean cancelled;

    /**
     * @param emit pushes one element into the graph and returns its pending work
     * @param done completed on {@code onComplete}, failed on {@code onError} or when the graph fails
     */
    public DemandSubscriber(Function<? super T, ? extends CompletableFuture<?>> emit, CompletableFuture<Void> done) {
        this.emit = emit;
        this.done = done;
    }

    @Override
    public void onSubscribe(Subscription s) {
        Objects.requireNonNull(s, "fromPublisher: subscription is null");
        if (subscription != null || cancelled) {
            s.cancel();   // rule 2.5: at most one active subscription
            return;
        }
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(T x) {
        Objects.requireNonNull(x, "fromPublisher: element is null");
        if (cancelled) {
            return;
        }
        CompletableFuture<?> pending;
        try {
            pending = emit.apply(x);
        } catch (RuntimeException | Error e) {
            fail(e);
            return;
        }
        pending.whenComplete((r, e) -> {
            if (e != null) {
                fail(e);
            } else if (!cancelled) {
                subscription.request(1);
            }
        });
    }

    @Override
    public void onError(Throwable t) {
        Objects.requireNonNull(t, "fromPublisher: error is null");
        done.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        done.complete(null);
    }

    /** Cancels the subscription (now, or as soon as it arrives). */
    public void cancel() {
        cancelled = true;
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    private void fail(Throwable e) {
        cancel();
        done.completeExceptionally(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
    }
}
