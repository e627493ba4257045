package io.streamz.features;

import io.streamz.internal.util.Intervals;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The result of a request sent into a flow by {@link FlowController#emit}: completed when the
 * event (or, with {@code expectedResults} above one, each of its copies) reaches a
 * {@link Flows#complete} step (storey {@code AwaitableResult} and {@code AsyncAwaitableResult}).
 *
 * <pre>{@code
 * AwaitableResult<Object> result = controller.emit(Map.of("x", 1), "k", null);
 * result.await(Duration.ofSeconds(5));   // the body the complete step saw, e.g. {x=1, y=2}
 * result.future().thenAccept(...);       // or asynchronously
 * }</pre>
 *
 * @param <R> the result type
 */
public final class AwaitableResult<R> {
    private final CompletableFuture<R> future = new CompletableFuture<>();
    private int remaining;

    AwaitableResult(int expectedResults) {
        this.remaining = expectedResults;
    }

    /**
     * Waits for the result.
     *
     * @param timeout how long to wait at most
     * @return the body that completed it (the last one, with several expected results)
     * @throws IllegalStateException if the flow failed on the event (the failure is the cause) or
     *         the time ran out
     */
    public R await(Duration timeout) {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the flow failed on the event", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no result within " + Intervals.format(timeout) + ": does the flow end in complete()?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the result", e);
        }
    }

    /**
     * The result as a future, for asynchronous callers.
     *
     * @return a future completed with the result, or exceptionally with the flow's failure
     */
    public CompletableFuture<R> future() {
        return future.copy();
    }

    /**
     * Whether the result is in.
     *
     * @return {@code true} once completed
     */
    public boolean isDone() {
        return future.isDone();
    }

    /** Counts one arrival at a complete step; completes on the last expected one. */
    synchronized void arrive(R value) {
        if (--remaining <= 0) {
            future.complete(value);
        }
    }

    void fail(Throwable e) {
        future.completeExceptionally(e);
    }
}
