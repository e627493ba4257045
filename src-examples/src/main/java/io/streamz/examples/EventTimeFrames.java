package io.streamz.examples;

import io.streamz.Stream;
import io.streamz.dataframe.EventTimeDataFrame;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.StreamingDataFrame;
import java.time.Instant;

/**
 * A dataframe in event time: readings indexed by their time, in batches out of order, go through
 * {@code inEventTime} so that a rolling sum sees them in order, in one frame per second of event
 * time, whatever the batches were; a reading behind the watermark goes to the late rows.
 */
public final class EventTimeFrames {
    private EventTimeFrames() {
    }

    private static Frame readings(String[] hms, double[] x) {
        Instant[] t = new Instant[hms.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Instant.parse("2026-03-01T" + hms[i] + "Z");
        }
        return Frame.of("t", t, "x", x);
    }

    /** Prints the rolling sums of each second's frame, and the late rows. */
    public static void main(String[] args) {
        // docs:start
        Stream<Frame> batches = Stream.create();
        StreamingDataFrame sdf = StreamingDataFrame.from(batches,
                Frame.of("t", new Instant[] {Instant.EPOCH}, "x", new double[] {0}), "t");
        EventTimeDataFrame ordered = sdf.inEventTime("1s", "2s");   // one frame per second, rows up to 2 s out of order
        ordered.rolling("2s").col("x").sum().sink(s -> System.out.println("rolling 2 s: " + s.toList()));
        ordered.lateRows().sink(late -> System.out.println("late: " + late.rowCount() + " row(s)"));

        batches.emit(readings(new String[] {"12:00:00.5", "12:00:01.2", "12:00:00.1"}, new double[] {1, 2, 3}));
        batches.emit(readings(new String[] {"12:00:03.5", "12:00:02.8", "12:00:00.9"}, new double[] {4, 5, 6}));
        batches.emit(readings(new String[] {"12:00:05.0", "12:00:00.2"}, new double[] {7, 8}));   // 12:00:00.2 is late
        batches.emitEnd();
        System.out.println("late rows: " + ordered.stream().stats().late());
        // docs:end
    }
}
