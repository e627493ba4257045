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
 * Triggers: one-minute sums that fire early every two readings, on time when the watermark passes
 * the minute's end, and late for readings that come within the allowed lateness of 30 s; after
 * that, readings go to the late branch.
 */
public final class LateAndEarlyFirings {
    private LateAndEarlyFirings() {
    }

    /** A sensor's reading, and when it was taken. */
    record Reading(int value, Instant time) {
    }

    /** Prints every firing of the sums, and what came too late. */
    public static void main(String[] args) {
        // docs:start
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        Function<String, Instant> at = hms -> Instant.parse("2026-03-01T" + hms + "Z");

        Stream<Reading> readings = Stream.create();
        EventWindowStream<Reading, Void, Integer> sums = readings
                .withTimestamps(Reading::time, WatermarkStrategy.monotonousTimestamps().withScheduler(clock))
                .eventWindow(EventWindows.tumbling("1m").withEarlyFirings(2).withAllowedLateness("30s"),
                        Collectors.summingInt(Reading::value));
        sums.sink(System.out::println);
        sums.lateElements().sink(r -> System.out.println("too late: " + r));

        readings.emit(new Reading(1, at.apply("12:00:10")));
        readings.emit(new Reading(2, at.apply("12:00:20")));   // two readings: early
        readings.emit(new Reading(3, at.apply("12:00:50")));
        readings.emit(new Reading(4, at.apply("12:01:10")));
        clock.advanceTimeBy(Duration.ofMillis(200));            // watermark 12:01:10: on time
        readings.emit(new Reading(5, at.apply("12:00:40")));   // within 30 s: late, updated
        readings.emit(new Reading(6, at.apply("12:01:40")));   // two readings in 12:01: early
        clock.advanceTimeBy(Duration.ofMillis(200));            // watermark 12:01:40: 12:00 is gone
        readings.emit(new Reading(7, at.apply("12:00:45")));   // too late
        readings.emitEnd();
        // docs:end
    }
}
