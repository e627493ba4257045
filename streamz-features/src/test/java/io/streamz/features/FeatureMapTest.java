package io.streamz.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.Stream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The enriched events: read-only views of the event and its features, equal to the maps they stand for. */
class FeatureMapTest {
    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");
    private static final List<FieldAggregator> AGGREGATORS = List.of(FieldAggregator.of("amount", "amount",
            List.of("count", "sum"), SlidingWindows.of(List.of("1h", "2h"), "10m")));

    @Test
    void anEnrichedEventIsTheMapOfItsEntriesThenItsFeatures() {
        Stream<Map<String, Object>> source = Stream.create();
        List<Map<String, Object>> out = Features.aggregateByKey(source, "user", "time", AGGREGATORS).sinkToList();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("user", "ann");
        event.put("amount", 2.5);
        event.put("time", T);

        source.emit(event);

        Map<String, Object> expected = new LinkedHashMap<>(event);
        expected.put("amount_count_1h", 1L);
        expected.put("amount_count_2h", 1L);
        expected.put("amount_sum_1h", 2.5);
        expected.put("amount_sum_2h", 2.5);
        Map<String, Object> enriched = out.get(0);
        assertThat(enriched).isEqualTo(expected).hasSameHashCodeAs(expected).hasSize(7);
        assertThat(enriched).containsExactlyEntriesOf(expected);
        assertThat(enriched.toString()).isEqualTo(expected.toString());
        assertThat(enriched.get("amount_sum_2h")).isEqualTo(2.5);
        assertThat(enriched.get("missing")).isNull();
        assertThat(enriched.containsKey("amount_count_1h")).isTrue();
        assertThatThrownBy(() -> enriched.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aFeatureReplacesAnEventEntryOfTheSameNameInPlace() {
        Stream<Map<String, Object>> source = Stream.create();
        List<Map<String, Object>> out = Features.aggregateByKey(source, "user", "time", AGGREGATORS).sinkToList();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("amount_sum_2h", "stale");
        event.put("user", "ann");
        event.put("amount", 1.0);
        event.put("time", T);

        source.emit(event);

        assertThat(out.get(0).keySet()).containsExactly("amount_sum_2h", "user", "amount", "time", "amount_count_1h",
                "amount_count_2h", "amount_sum_1h");
        assertThat(out.get(0)).containsEntry("amount_sum_2h", 1.0).hasSize(7);
    }

    @Test
    void anEventOfAnotherTypeIsTheEntryEvent() {
        record Purchase(String user, double amount, Instant time) {
        }
        Stream<Purchase> source = Stream.create();
        List<Map<String, Object>> out = Features.aggregateByKey(source, Purchase::user, Purchase::time,
                List.of(FieldAggregator.of("amount", Purchase::amount, List.of("sum"),
                        SlidingWindows.of(List.of("1h"), "10m")))).sinkToList();
        Purchase p = new Purchase("ann", 3.0, T);

        source.emit(p);

        assertThat(out.get(0)).containsExactly(Map.entry("event", p), Map.entry("amount_sum_1h", 3.0));
    }

    @Test
    void featuresAreASnapshotOfTheirEvent() {
        Stream<Map<String, Object>> source = Stream.create();
        List<Map<String, Object>> out = Features.aggregateByKey(source, "user", "time", AGGREGATORS).sinkToList();

        source.emit(Map.of("user", "ann", "amount", 1.0, "time", T));
        source.emit(Map.of("user", "ann", "amount", 2.0, "time", T.plusSeconds(60)));

        assertThat(out.get(0)).containsEntry("amount_sum_1h", 1.0);
        assertThat(out.get(1)).containsEntry("amount_sum_1h", 3.0);
    }
}
