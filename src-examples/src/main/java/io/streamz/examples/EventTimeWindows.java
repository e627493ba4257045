package io.streamz.examples;

import io.streamz.EventWindowStream;
import io.streamz.EventWindows;
import io.streamz.Stream;
import io.streamz.WatermarkStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Event time: clicks per user and minute of the clicks' own timestamps, out of order within ten
 * seconds; a click that comes after its minute closed goes to the late branch. The watermarks run
 * on a virtual clock here, so the example is instant and always prints the same.
 */
public final class EventTimeWindows {
    private EventTimeWindows() {
    }

    /** A click: who, and when it happened. */
    record Click(String user, Instant time) {
    }

    /** Prints the counts per user and minute, and the late click. */
    public static void main(String[] args) {
        // docs:start
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        Function<String, Instant> at = hms -> Instant.parse("2026-03-01T" + hms + "Z");

        Stream<Click> clicks = Stream.create();
        EventWindowStream<Click, String, Long> perMinute = clicks
                .withTimestamps(Click::time, WatermarkStrategy.boundedOutOfOrderness("10s").withScheduler(clock))
                .eventWindow(EventWindows.tumbling("1m"), Click::user, Collectors.counting());
        perMinute.sink(System.out::println);
        perMinute.lateElements().sink(c -> System.out.println("late: " + c));

        clicks.emit(new Click("alice", at.apply("12:00:05")));
        clicks.emit(new Click("bob", at.apply("12:00:30")));
        clicks.emit(new Click("alice", at.apply("12:01:02")));
        clicks.emit(new Click("alice", at.apply("12:00:55")));   // 7 s behind the newest: on time
        clicks.emit(new Click("bob", at.apply("12:01:15")));
        clock.advanceTimeBy(Duration.ofMillis(200));              // watermark 12:01:05: 12:00 closes
        clicks.emit(new Click("bob", at.apply("12:00:40")));      // too late for 12:00
        clicks.emitEnd();                                         // the end closes 12:01
        System.out.println("late clicks: " + perMinute.stats().late());
        // docs:end
    }
}
