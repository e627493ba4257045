package io.streamz.examples;

import io.streamz.Stream;
import io.streamz.dataframe.Batch;
import io.streamz.dataframe.StreamingDataFrame;
import java.util.List;
import java.util.Map;

/** Batches of records: filter, pluck, and hand over to a streaming dataframe. */
public final class Batches {
    private Batches() {
    }

    /** Prints the names of the large payments and the running total. */
    public static void main(String[] args) {
        // docs:start
        Stream<List<Map<String, Object>>> source = Stream.create();
        Batch<Map<String, Object>> batch = source.as(Batch::from);

        batch.filter(r -> (double) r.get("amount") > 100)
                .pluck("name")
                .toStream()
                .sink(name -> System.out.println("large: " + name));
        StreamingDataFrame sdf = batch.toDataFrame();
        sdf.col("amount").sum().sink(total -> System.out.println("total: " + total));

        source.emit(List.of(Map.of("name", "Alice", "amount", 100.0), Map.of("name", "Bob", "amount", 250.0)));
        source.emit(List.of(Map.of("name", "Carol", "amount", 400.0)));
        // docs:end
    }
}
