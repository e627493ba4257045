package io.streamz.examples;

import io.streamz.Stream;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.StreamingDataFrame;

/**
 * Streaming dataframes: batches of rows flow through, and reductions, rolling statistics,
 * filters and group-bys update with each batch.
 */
public final class RollingMean {
    private RollingMean() {
    }

    /** Prints the running total, the rolling mean, Alice's total and the totals by name per batch. */
    public static void main(String[] args) {
        // docs:start
        Stream<Frame> source = Stream.create("payments");
        Frame example = Frame.of("name", new String[] {"Alice"}, "amount", new double[] {0});
        StreamingDataFrame sdf = StreamingDataFrame.from(source, example);

        sdf.col("amount").sum().sink(total -> System.out.println("total " + total));
        sdf.rolling(3).col("amount").mean().sink(mean -> System.out.println("rolling mean of 3 " + mean.toList()));
        sdf.where(f -> f.stringColumn("name").isEqualTo("Alice")).col("amount").sum()
                .sink(total -> System.out.println("Alice's total " + total));
        sdf.groupby("name").col("amount").sum().sink(byName -> System.out.println("by name " + byName.toMap()));

        source.emit(Frame.of("name", new String[] {"Alice", "Bob", "Alice"}, "amount", new double[] {100, 200, 300}));
        source.emit(Frame.of("name", new String[] {"Bob", "Carol"}, "amount", new double[] {-50, 10}));
        // docs:end
    }
}
