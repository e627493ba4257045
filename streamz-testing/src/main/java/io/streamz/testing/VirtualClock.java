package io.streamz.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Runs each test of a class on Reactor's {@link VirtualTimeScheduler}: installed before each
 * test (so every operator that uses the default time scheduler reads the virtual clock), reset
 * after it. Time moves only when the test says so.
 *
 * <pre>{@code
 * class TimeTest {
 *     @RegisterExtension
 *     final VirtualClock clock = new VirtualClock();
 *
 *     @Test
 *     void windowsCloseOnTheClock() {
 *         Stream<Integer> source = Stream.create();
 *         List<List<Integer>> out = source.timedWindow(Duration.ofSeconds(1)).sinkToList();
 *         source.emit(1);
 *         clock.advance(1000);
 *         assertThat(out).containsExactly(List.of(1));
 *     }
 * }
 * }</pre>
 */
public final class VirtualClock implements BeforeEachCallback, AfterEachCallback {
    private final Instant start;
    private VirtualTimeScheduler scheduler;

    /** A clock that starts at the epoch for each test. */
    public VirtualClock() {
        this.start = null;
    }

    private VirtualClock(Instant start) {
        this.start = start;
    }

    /**
     * A clock that is moved to {@code start} before each test.
     *
     * @param start the virtual time each test begins at
     * @return the extension, to register with {@code @RegisterExtension}
     */
    public static VirtualClock startingAt(Instant start) {
        return new VirtualClock(Objects.requireNonNull(start, "start is null"));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        scheduler = VirtualTimeScheduler.getOrSet();
        if (start != null) {
            scheduler.advanceTimeTo(start);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        VirtualTimeScheduler.reset();
        scheduler = null;
    }

    /**
     * The installed scheduler, for operators that take one explicitly.
     *
     * @return the virtual-time scheduler of the running test
     * @throws IllegalStateException outside a test
     */
    public VirtualTimeScheduler scheduler() {
        if (scheduler == null) {
            throw new IllegalStateException("VirtualClock: no test is running (register it with @RegisterExtension)");
        }
        return scheduler;
    }

    /**
     * Moves the clock on and runs every task that falls due.
     *
     * @param millis milliseconds to move on, {@code >= 0}
     */
    public void advance(long millis) {
        advanceTimeBy(Duration.ofMillis(millis));
    }

    /**
     * Moves the clock on and runs every task that falls due.
     *
     * @param by the time to move on
     */
    public void advanceTimeBy(Duration by) {
        scheduler().advanceTimeBy(by);
    }

    /**
     * The virtual time.
     *
     * @param unit the unit of the result
     * @return the time since the epoch on the virtual clock
     */
    public long now(TimeUnit unit) {
        return scheduler().now(unit);
    }
}
