package io.streamz.examples;

import io.streamz.Stream;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.StreamingDataFrame;
import java.time.Instant;

/** Rolling aggregations, sliding windows and group-by, as in streamz's dataframe docs. */
public final class RollingAndWindows {
    private RollingAndWindows() {
    }

    /** Prints one line per batch for each aggregation. */
    public static void main(String[] args) {
        // docs:start
        Stream<Frame> source = Stream.create();
        Frame example = Frame.of("time", new Instant[] {Instant.EPOCH},
                "name", new String[] {"a"}, "x", new double[] {0});
        StreamingDataFrame sdf = StreamingDataFrame.from(source, example, "time");

        sdf.rolling(2).col("x").mean().sink(s -> System.out.println("rolling(2) mean: " + s.toList()));
        sdf.window(3).col("x").sum().sink(v -> System.out.println("window(3) sum:   " + v));
        sdf.window("2s").col("x").max().sink(v -> System.out.println("window(2s) max:  " + v));
        sdf.groupby("name").col("x").sum().sink(s -> System.out.println("groupby sum:     " + s.toMap()));

        source.emit(Frame.of("time", new Instant[] {Instant.ofEpochSecond(0), Instant.ofEpochSecond(1)},
                "name", new String[] {"a", "b"}, "x", new double[] {1, 2}));
        source.emit(Frame.of("time", new Instant[] {Instant.ofEpochSecond(2), Instant.ofEpochSecond(3)},
                "name", new String[] {"a", "a"}, "x", new double[] {3, 4}));
        // docs:end
    }
}
