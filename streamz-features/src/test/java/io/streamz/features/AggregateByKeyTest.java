package io.streamz.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.streamz.Stream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregateByKeyTest {
    private static final List<String> WINDOWS = List.of("1h", "2h", "24h");

    /** The storey README pipeline: clicks, purchases and failed activities per user. */
    static List<FieldAggregator> readmeAggregators() {
        return List.of(
                FieldAggregator.of("number_of_clicks", "click", List.of("count"), SlidingWindows.of(WINDOWS, "10m")),
                FieldAggregator.of("purchases", "purchase_amount", List.of("avg", "min", "max"),
                        SlidingWindows.of(WINDOWS, "10m")),
                FieldAggregator.of("failed_activities", "activity", List.of("count"),
                                SlidingWindows.of(List.of("1h"), "10m"))
                        .withFilter((Map<String, Object> e) -> "fail".equals(e.get("activity_status"))));
    }

    static Map<String, Object> event(String user, String time, double amount, String status) {
        Map<String, Object> e = new HashMap<>();
        e.put("user", user);
        e.put("time", Instant.parse("2024-01-01T" + time + ":00Z"));
        e.put("click", 1);
        e.put("purchase_amount", amount);
        e.put("activity", "buy");
        e.put("activity_status", status);
        return e;
    }

    @Test
    void storeyReadmeExampleByHand() {
        Stream<Map<String, Object>> source = Stream.create();
        List<Map<String, Object>> out = source.as(s -> Features.aggregateByKey(s, "user", "time",
                readmeAggregators())).sinkToList();

        source.emit(event("u1", "10:00", 10, "ok"));
        source.emit(event("u1", "10:15", 30, "fail"));
        source.emit(event("u2", "10:20", 99, "fail"));
        source.emit(event("u1", "11:05", 20, "fail"));
        source.emit(event("u1", "12:30", 5, "ok"));

        // 11:05 is in bucket [11:00, 11:10): the 1h window is the buckets [10:10, 11:10)
        assertThat(out.get(3)).contains(
                entry("user", "u1"), entry("purchase_amount", 20.0),
                entry("number_of_clicks_count_1h", 2L), entry("number_of_clicks_count_2h", 3L),
                entry("number_of_clicks_count_24h", 3L),
                entry("purchases_avg_1h", 25.0), entry("purchases_min_1h", 20.0), entry("purchases_max_1h", 30.0),
                entry("purchases_avg_2h", 20.0), entry("purchases_min_2h", 10.0), entry("purchases_max_2h", 30.0),
                entry("failed_activities_count_1h", 2L));
        // 12:30: 1h is [11:40, 12:40), 2h is [10:40, 12:40)
        assertThat(out.get(4)).contains(
                entry("number_of_clicks_count_1h", 1L), entry("number_of_clicks_count_2h", 2L),
                entry("number_of_clicks_count_24h", 4L),
                entry("purchases_avg_1h", 5.0), entry("purchases_avg_2h", 12.5), entry("purchases_avg_24h", 16.25),
                entry("purchases_min_24h", 5.0), entry("purchases_max_24h", 30.0),
                entry("failed_activities_count_1h", 2L));   // the filter rejects it: as of the 11:05 failure, as storey
        assertThat(out.get(2)).contains(entry("number_of_clicks_count_24h", 1L), entry("purchases_avg_1h", 99.0),
                entry("failed_activities_count_1h", 1L));
    }

    @Test
    void featureNamesFollowStorey() {
        FeatureTable table = FeatureTable.of(readmeAggregators());
        assertThat(table.featureNames()).containsExactly(
                "number_of_clicks_count_1h", "number_of_clicks_count_2h", "number_of_clicks_count_24h",
                "purchases_avg_1h", "purchases_avg_2h", "purchases_avg_24h",
                "purchases_min_1h", "purchases_min_2h", "purchases_min_24h",
                "purchases_max_1h", "purchases_max_2h", "purchases_max_24h",
                "failed_activities_count_1h");
    }

    @Test
    void fixedWindowsAlignToTheClockWhileSlidingWindowsEndNow() {
        Stream<Map<String, Object>> source = Stream.create();
        List<Map<String, Object>> out = source.as(s -> Features.aggregateByKey(s, "user", "time", List.of(
                FieldAggregator.of("sliding", "purchase_amount", List.of("sum"), SlidingWindows.of(List.of("1h"), "10m")),
                FieldAggregator.of("fixed", "purchase_amount", List.of("sum"), FixedWindows.of(List.of("1h", "1d"))))))
                .sinkToList();

        source.emit(event("u1", "09:55", 1, "ok"));
        source.emit(event("u1", "10:15", 2, "ok"));
        source.emit(event("u1", "11:05", 4, "ok"));

        assertThat(out.get(2)).contains(entry("sliding_sum_1h", 6.0),   // [10:10, 11:10)
                entry("fixed_sum_1h", 4.0),                              // [11:00, 11:05]
                entry("fixed_sum_1d", 7.0));                             // the whole UTC day
        assertThat(out.get(1)).contains(entry("sliding_sum_1h", 3.0), entry("fixed_sum_1h", 2.0));
    }

    @Test
    void nonMapEventsAreEnrichedUnderEvent() {
        record Purchase(String user, long millis, double amount) { }
        Stream<Purchase> source = Stream.create();
        List<Map<String, Object>> out = source.as(s -> Features.aggregateByKey(s, Purchase::user, Purchase::millis,
                List.of(FieldAggregator.of("amount", Purchase::amount, List.of("sum", "last"),
                        SlidingWindows.of(List.of("1s")))))).sinkToList();

        Purchase p = new Purchase("a", 1500, 2.5);
        source.emit(new Purchase("a", 1200, 1.0));
        source.emit(p);

        assertThat(out.get(1)).containsExactly(entry("event", p), entry("amount_sum_1s", 3.5),
                entry("amount_last_1s", 2.5));
    }

    @Test
    void emptyWindowsAnswerZeroCountsAndNaNAsStorey() {
        FeatureTable table = FeatureTable.of(List.of(FieldAggregator.of("x", "x",
                List.of("count", "sum", "avg", "min", "first", "stdvar"), SlidingWindows.of(List.of("1m")))));
        assertThat(table.query("nobody", Instant.EPOCH)).containsExactly(entry("x_count_1m", 0L),
                entry("x_sum_1m", Double.NaN), entry("x_avg_1m", Double.NaN), entry("x_min_1m", Double.NaN),
                entry("x_first_1m", Double.NaN), entry("x_stdvar_1m", Double.NaN));
    }
}
