package io.streamz.examples;

import io.streamz.EventWindows;
import io.streamz.Stream;
import io.streamz.WatermarkGenerator;
import io.streamz.WatermarkStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Collectors;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A watermark generator of your own: a meter uploads its readings in batches, in any order within
 * a batch, and marks the last reading of each batch; the watermark moves to a batch's end only
 * when its marker has come, so no reading of a batch is ever late, however shuffled.
 */
public final class CustomWatermarks {
    private CustomWatermarks() {
    }

    /** A reading: its value, when it was measured, and whether its batch is complete with it. */
    record Reading(double kwh, Instant time, boolean endOfBatch) {
    }

    /** Prints the energy per minute, each minute once a batch marker has passed its end. */
    public static void main(String[] args) {
        // docs:start
        class BatchEnds implements WatermarkGenerator<Reading> {   // the end of the last complete batch
            private Instant complete;

            @Override
            public void onEvent(Reading r, Instant time) {
                if (r.endOfBatch() && (complete == null || time.isAfter(complete))) {
                    complete = time;
                }
            }

            @Override
            public Instant currentWatermark() {
                return complete;                                   // null: no watermark yet
            }
        }

        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        Function<String, Instant> at = hms -> Instant.parse("2026-03-01T" + hms + "Z");

        Stream<Reading> readings = Stream.create();
        readings.withTimestamps(Reading::time,
                        WatermarkStrategy.of(BatchEnds::new).withInterval("1s").withScheduler(clock))
                .eventWindow(EventWindows.tumbling("1m"), Collectors.summingDouble(Reading::kwh))
                .sink(w -> System.out.println(w.start().toString().substring(11, 16) + " " + w.value() + " kWh"));

        readings.emit(new Reading(0.5, at.apply("12:00:40"), false));    // the first batch, shuffled
        readings.emit(new Reading(0.25, at.apply("12:00:10"), false));
        clock.advanceTimeBy(Duration.ofSeconds(5));
        System.out.println("after 5 s: no marker yet, nothing fired");
        readings.emit(new Reading(2.0, at.apply("12:01:00"), true));     // its marker: 12:00 is complete
        clock.advanceTimeBy(Duration.ofSeconds(1));
        readings.emit(new Reading(0.75, at.apply("12:01:50"), false));   // the second batch
        readings.emit(new Reading(1.0, at.apply("12:01:30"), false));
        readings.emit(new Reading(1.5, at.apply("12:02:00"), true));     // its marker: 12:01 is complete
        clock.advanceTimeBy(Duration.ofSeconds(1));
        // docs:end
    }
}
