package io.streamz.spi;

import io.streamz.Stream;
import io.streamz.internal.time.TimerNode;
import reactor.core.scheduler.Scheduler;

/**
 * Base of a plugin's node that keeps time: its clock and its timers come from a Reactor
 * {@link Scheduler} (a {@code VirtualTimeScheduler} in tests), and a timer's callback runs inside
 * the graph, like an {@code emit}, so one graph stays single-threaded.
 *
 * <pre>{@code
 * // emits the last element seen in each interval, when the interval ends
 * public final class Sample<T> extends TimedOperator<T, T> {
 *     private final long intervalNanos;
 *     private T last;
 *     private List<Map<String, Object>> lastMetadata = List.of();
 *     private boolean waiting;
 *
 *     public Sample(Stream<T> upstream, Duration interval, Scheduler scheduler) {
 *         super(upstream, "sample", scheduler);
 *         this.intervalNanos = Arguments.interval(interval, "sample", "interval").toNanos();
 *     }
 *
 *     @Override
 *     protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
 *         Refs.release(lastMetadata);        // replaced: never emitted
 *         Refs.retain(metadata);             // held until the tick
 *         last = x;
 *         lastMetadata = metadata;
 *         if (!waiting) {
 *             waiting = true;
 *             later(intervalNanos, () -> {
 *                 waiting = false;
 *                 List<Map<String, Object>> held = lastMetadata;
 *                 lastMetadata = List.of();
 *                 emitHeld(last, held);      // releases the refs when downstream is done
 *             });
 *         }
 *         return null;
 *     }
 * }
 * }</pre>
 *
 * <p>Besides what {@link Operator} offers: {@code now()}, the scheduler's clock in nanoseconds,
 * and {@code later(delayNanos, body)}, which runs {@code body} inside the graph after the delay
 * and returns the {@code Disposable} that cancels it.
 *
 * @param <T> the element type received from upstream
 * @param <R> the element type emitted downstream
 */
public abstract class TimedOperator<T, R> extends TimerNode<T, R> {
    /**
     * A node of the given kind downstream of {@code upstream}, on {@code scheduler}'s clock.
     *
     * @param upstream the node it is connected to
     * @param kind its operator name, shown in {@code toString}, {@code toDot} and errors
     * @param scheduler where its clock and timers come from; capture it when the graph is built
     *     ({@code Schedulers.parallel()} by default), so that a test's virtual clock applies
     */
    protected TimedOperator(Stream<? extends T> upstream, String kind, Scheduler scheduler) {
        super(upstream, kind, scheduler);
    }
}
