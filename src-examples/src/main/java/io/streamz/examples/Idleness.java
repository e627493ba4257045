package io.streamz.examples;

import io.streamz.EventWindows;
import io.streamz.Stream;
import io.streamz.WatermarkStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Idleness: two sensors feed one window; when one of them goes quiet, {@code withIdleness} lets
 * the windows close on the other one's time instead of waiting for it forever.
 */
public final class Idleness {
    private Idleness() {
    }

    /** A temperature reading: where, what, when. */
    record Reading(String sensor, double celsius, Instant time) {
    }

    /** Prints the readings per minute of both sensors, before and after one goes quiet. */
    public static void main(String[] args) {
        // docs:start
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        Function<String, Instant> at = hms -> Instant.parse("2026-03-01T" + hms + "Z");
        WatermarkStrategy<Object> strategy = WatermarkStrategy.boundedOutOfOrderness("5s")
                .withIdleness("1m").withScheduler(clock);

        Stream<Reading> north = Stream.create();
        Stream<Reading> south = Stream.create();
        north.withTimestamps(Reading::time, strategy)
                .union(south.withTimestamps(Reading::time, strategy))
                .eventWindow(EventWindows.tumbling("1m"), Collectors.counting())
                .sink(w -> System.out.println(w.start().toString().substring(11, 16) + " -> " + w.value()));

        north.emit(new Reading("north", 4.0, at.apply("12:00:10")));
        south.emit(new Reading("south", 9.5, at.apply("12:00:20")));
        north.emit(new Reading("north", 4.5, at.apply("12:01:10")));
        north.emit(new Reading("north", 5.0, at.apply("12:02:10")));
        clock.advanceTimeBy(Duration.ofSeconds(30));           // south says nothing: 12:00 stays open
        System.out.println("after 30 s: south holds the windows back");
        clock.advanceTimeBy(Duration.ofSeconds(30));           // a minute without south: it is idle
        south.emit(new Reading("south", 9.0, at.apply("12:02:30")));   // south is back
        north.emitEnd();
        south.emitEnd();
        // docs:end
    }
}
