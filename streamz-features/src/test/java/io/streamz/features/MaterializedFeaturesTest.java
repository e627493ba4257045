package io.streamz.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.streamz.Stream;
import io.streamz.testing.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Chalk's materialized windowed aggregations: several streams, defaults, opt-out, serving. */
class MaterializedFeaturesTest {
    private static final Instant DAY = Instant.parse("2024-05-01T00:00:00Z");

    @RegisterExtension
    final VirtualClock clock = new VirtualClock();

    @Test
    void streamsUpdateTheFeaturesUnlessTheyOptOutAndKeysAreServedNow() {
        MaterializedFeatures users = MaterializedFeatures.of(FeatureTable.of(List.of(
                FieldAggregator.of("transaction_amount", "amount", List.of("sum", "avg"),
                        SlidingWindows.of(List.of("1d", "30d"), "1h")).withDefault(0.0))), clock.scheduler());
        Stream<Map<String, Object>> transactions = Stream.create();
        Stream<Map<String, Object>> backfill = Stream.create();
        List<Map<String, Object>> passed = users.stream(transactions, t -> t.get("user_id"), t -> t.get("ts")).sinkToList();
        users.stream(backfill, t -> t.get("user_id"), t -> t.get("ts"), false);

        transactions.emit(Map.of("user_id", "u1", "amount", 30.0, "ts", DAY.plus(Duration.ofHours(2))));
        transactions.emit(Map.of("user_id", "u1", "amount", 10.0, "ts", DAY.plus(Duration.ofDays(3))));
        backfill.emit(Map.of("user_id", "u1", "amount", 1000.0, "ts", DAY.plus(Duration.ofDays(3))));

        assertThat(passed).hasSize(2);
        clock.scheduler().advanceTimeTo(DAY.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)));
        assertThat(users.serve("u1")).containsExactly(entry("transaction_amount_sum_1d", 10.0),
                entry("transaction_amount_sum_30d", 40.0), entry("transaction_amount_avg_1d", 10.0),
                entry("transaction_amount_avg_30d", 20.0));
        assertThat(users.serve("nobody")).containsEntry("transaction_amount_sum_30d", 0.0)
                .containsEntry("transaction_amount_avg_1d", 0.0);
        clock.advanceTimeBy(Duration.ofDays(2));
        assertThat(users.serve("u1")).containsEntry("transaction_amount_sum_1d", 0.0)
                .containsEntry("transaction_amount_sum_30d", 40.0);
    }
}
