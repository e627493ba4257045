package io.streamz.examples;

import io.streamz.Stream;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.StreamingDataFrame;

/** A streaming dataframe: filter, assign, and reductions over all history. */
public final class StreamingDataFrames {
    private StreamingDataFrames() {
    }

    /** Prints the running totals and counts after each batch. */
    public static void main(String[] args) {
        // docs:start
        Stream<Frame> source = Stream.create();
        Frame example = Frame.of("name", new String[] {"Alice"}, "amount", new double[] {0});
        StreamingDataFrame sdf = StreamingDataFrame.from(source, example);

        sdf.col("amount").sum().sink(total -> System.out.println("total: " + total));
        StreamingDataFrame big = sdf.where(f -> f.doubleColumn("amount").isGreaterThan(100));
        big.col("amount").count().sink(n -> System.out.println("big ones: " + n));
        sdf.assign("fee", f -> f.doubleColumn("amount").multiply(0.01))
                .col("fee").mean().sink(m -> System.out.println("mean fee: " + m));

        source.emit(Frame.of("name", new String[] {"Alice", "Bob"}, "amount", new double[] {100, 250}));
        source.emit(Frame.of("name", new String[] {"Carol"}, "amount", new double[] {400}));
        // docs:end
    }
}
