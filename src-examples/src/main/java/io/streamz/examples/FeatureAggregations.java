package io.streamz.examples;

import io.streamz.Stream;
import io.streamz.features.EmitPolicy;
import io.streamz.features.FeatureTable;
import io.streamz.features.Features;
import io.streamz.features.FieldAggregator;
import io.streamz.features.SlidingWindows;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Keyed windowed features in the style of storey: clicks and purchases per user over sliding
 * windows of 1h and 2h in 10-minute buckets, emitted with each event and queried afterwards.
 */
public final class FeatureAggregations {
    private FeatureAggregations() {
    }

    /** Prints each user's features as their events arrive, then one query. */
    public static void main(String[] args) {
        // docs:start
        SlidingWindows windows = SlidingWindows.of(List.of("1h", "2h"), "10m");
        FeatureTable table = FeatureTable.of(List.of(
                FieldAggregator.of("number_of_clicks", "click", List.of("count"), windows),
                FieldAggregator.of("purchases", "amount", List.of("sum", "max"), windows)));

        Stream<Map<String, Object>> events = Stream.create("events");
        events.as(s -> Features.aggregateByKey(s, "user", "time", table, EmitPolicy.everyEvent()))
                .sink(e -> System.out.println(e.get("user") + " at " + e.get("time") + ": clicks 1h="
                        + e.get("number_of_clicks_count_1h") + ", purchases 2h sum=" + e.get("purchases_sum_2h")
                        + " max=" + e.get("purchases_max_2h")));

        events.emit(Map.of("user", "ann", "click", 1, "amount", 20.0, "time", Instant.parse("2024-05-01T10:00:00Z")));
        events.emit(Map.of("user", "bob", "click", 1, "amount", 5.0, "time", Instant.parse("2024-05-01T10:05:00Z")));
        events.emit(Map.of("user", "ann", "click", 1, "amount", 35.0, "time", Instant.parse("2024-05-01T10:40:00Z")));
        events.emit(Map.of("user", "ann", "click", 1, "amount", 10.0, "time", Instant.parse("2024-05-01T11:15:00Z")));

        System.out.println("ann at 12:30: " + table.query("ann", Instant.parse("2024-05-01T12:30:00Z")));
        // docs:end
    }
}
