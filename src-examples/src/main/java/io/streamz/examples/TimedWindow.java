package io.streamz.examples;

import io.streamz.Stream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Time: collect what arrived in each second (timedWindow). The graph runs on a virtual clock
 * here, so the example is instant and always prints the same; without the scheduler argument it
 * runs on real time.
 */
public final class TimedWindow {
    private TimedWindow() {
    }

    /** Prints one list per second. */
    public static void main(String[] args) {
        // docs:start
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        Stream<String> source = Stream.create();
        source.timedWindow(Duration.ofSeconds(1), clock)
                .sink(window -> System.out.println(clock.now(TimeUnit.MILLISECONDS) + " ms: " + window));

        source.emit("a");
        source.emit("b");
        clock.advanceTimeBy(Duration.ofMillis(1500));
        source.emit("c");
        clock.advanceTimeBy(Duration.ofSeconds(2));
        // docs:end
    }
}
