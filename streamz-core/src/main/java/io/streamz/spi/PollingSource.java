package io.streamz.spi;

import java.time.Duration;
import reactor.core.scheduler.Scheduler;

/**
 * Base of a plugin's source that looks for new data every interval on a Reactor
 * {@link Scheduler} (a directory, a table, an HTTP endpoint): a poll at {@code start()}, then
 * one every interval until {@code stop()}; polls never overlap.
 *
 * <pre>{@code
 * public final class Counter extends PollingSource<Integer> {
 *     private int next;
 *
 *     public Counter(Duration interval, Scheduler scheduler) {
 *         super("counter", interval, scheduler);
 *     }
 *
 *     @Override
 *     protected void poll(BooleanSupplier running) {
 *         if (running.getAsBoolean()) {
 *             emit(next++);
 *         }
 *     }
 * }
 * // started on a virtual clock and advanced by 2 intervals, it has emitted 0, 1, 2
 * }</pre>
 *
 * <p>{@code poll(running)} checks {@code running} before each element: once it says
 * {@code false} the source was stopped, and what was not emitted should be kept for the next
 * start. {@code prepare()} runs at each {@code start()} before the first poll. A poll that
 * throws stops the source and reports the failure.
 *
 * @param <T> the element type
 */
public abstract class PollingSource<T> extends io.streamz.internal.source.PollingSource<T> {
    /**
     * A source of the given kind polling every {@code interval} on {@code scheduler}.
     *
     * @param kind its operator name, shown in {@code toString}, {@code toDot} and errors
     * @param interval the time between two polls, at least 1ms (the shortest repeating timer)
     * @param scheduler where the polls run; a {@code VirtualTimeScheduler} in tests
     */
    protected PollingSource(String kind, Duration interval, Scheduler scheduler) {
        super(kind, interval, scheduler);
    }
}
