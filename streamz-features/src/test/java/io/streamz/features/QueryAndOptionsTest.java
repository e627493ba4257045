package io.streamz.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.streamz.Stream;
import io.streamz.testing.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Queries by feature name, fixed window types, defaults, caps, config forms and afterWindow. */
class QueryAndOptionsTest {
    private static final Instant DAY = Instant.parse("2024-05-01T00:00:00Z");

    @RegisterExtension
    final VirtualClock clock = new VirtualClock();

    private static Map<String, Object> click(String user, String time) {
        return Map.of("user", user, "click", 1, "time", DAY.plus(Duration.parse("PT" + time)));
    }

    @Test
    void queriesServeUndeclaredWindowsThatAreMultiplesOfTheBucket() {
        FeatureTable table = FeatureTable.of(List.of(FieldAggregator.of("clicks", "click", List.of("count", "sum"),
                SlidingWindows.of(List.of("24h"), "1h"))));
        Stream<Map<String, Object>> source = Stream.create();
        Features.aggregateByKey(source, "user", "time", table, EmitPolicy.everyEvent());
        for (String t : List.of("8H10M", "9H30M", "10H05M", "11H40M", "11H50M")) {
            source.emit(click("ann", t));
        }
        Instant noon = DAY.plus(Duration.ofHours(12));   // 1h buckets: the 3h window is [10:00, 13:00)
        assertThat(table.query("ann", noon, List.of("clicks_count_1h", "clicks_count_3h", "clicks_sum_2h",
                "clicks_count_24h"), FixedWindowType.CURRENT_OPEN_WINDOW)).containsExactly(
                entry("clicks_count_1h", 0L), entry("clicks_count_3h", 3L), entry("clicks_sum_2h", 2.0),
                entry("clicks_count_24h", 5L));
        assertThatThrownBy(() -> table.query("ann", noon, List.of("clicks_count_90m"), FixedWindowType.CURRENT_OPEN_WINDOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"clicks_count_90m\"");
        assertThatThrownBy(() -> table.query("ann", noon, List.of("clicks_count_48h"), FixedWindowType.CURRENT_OPEN_WINDOW))
                .hasMessageContaining("up to 1d");
        assertThatThrownBy(() -> table.query("ann", noon, List.of("views_count_1h"), FixedWindowType.CURRENT_OPEN_WINDOW))
                .hasMessageContaining("of this table's aggregators [clicks]");
    }

    @Test
    void queryByKeyChoosesFeaturesByName() {
        FeatureTable table = FeatureTable.of(List.of(FieldAggregator.of("clicks", "click", List.of("count"),
                SlidingWindows.of(List.of("2h", "24h"), "1h"))));
        Stream<Map<String, Object>> source = Stream.create();
        Features.aggregateByKey(source, "user", "time", table, EmitPolicy.everyEvent());
        source.emit(click("ann", "10H"));
        source.emit(click("ann", "11H"));
        Stream<Map<String, Object>> requests = Stream.create();
        List<Map<String, Object>> out = Features.queryByKey(requests, "user", "time", table,
                List.of("clicks_count_1h")).sinkToList();
        requests.emit(Map.of("user", "ann", "time", DAY.plus(Duration.ofMinutes(11 * 60 + 30))));
        requests.emit(Map.of("user", "bob", "time", DAY.plus(Duration.ofHours(11))));
        assertThat(out).extracting(m -> m.get("clicks_count_1h")).containsExactly(1L, 0L);
    }

    @Test
    void lastClosedFixedWindowIsTheWholePreviousWindow() {
        FeatureTable table = FeatureTable.of(List.of(FieldAggregator.of("clicks", "click", List.of("count"),
                FixedWindows.of(List.of("1h", "24h")))));
        Stream<Map<String, Object>> source = Stream.create();
        Features.aggregateByKey(source, "user", "time", table, EmitPolicy.everyEvent());
        for (String t : List.of("9H10M", "9H50M", "10H05M")) {
            source.emit(click("ann", t));
        }
        Instant at = DAY.plus(Duration.ofMinutes(10 * 60 + 20));
        assertThat(table.query("ann", at, List.of("clicks_count_1h"), FixedWindowType.CURRENT_OPEN_WINDOW))
                .containsExactly(entry("clicks_count_1h", 1L));
        assertThat(table.query("ann", at, List.of("clicks_count_1h"), FixedWindowType.LAST_CLOSED_WINDOW))
                .containsExactly(entry("clicks_count_1h", 2L));
    }

    @Test
    void defaultsReplaceEmptyFeaturesAndMaxValueCaps() {
        FeatureTable table = FeatureTable.of(List.of(
                FieldAggregator.of("spent", "amount", List.of("sum", "avg", "max"), SlidingWindows.of(List.of("1h"), "10m"))
                        .withDefault(0.0).withMaxValue(100)));
        assertThat(table.query("nobody", DAY)).containsExactly(entry("spent_sum_1h", 0.0), entry("spent_avg_1h", 0.0),
                entry("spent_max_1h", 0.0));
        Stream<Map<String, Object>> source = Stream.create();
        List<Map<String, Object>> out = Features.aggregateByKey(source, "user", "time", table, EmitPolicy.everyEvent())
                .sinkToList();
        source.emit(Map.of("user", "ann", "amount", 70.0, "time", DAY));
        source.emit(Map.of("user", "ann", "amount", 150.0, "time", DAY.plusSeconds(60)));
        assertThat(out.get(1)).contains(entry("spent_sum_1h", 100.0), entry("spent_avg_1h", 110.0),
                entry("spent_max_1h", 100.0));
    }

    @Test
    void stringTimesAreIsoOrInTheGivenFormat() {
        Stream<Map<String, Object>> source = Stream.create();
        FeatureTable table = FeatureTable.of(List.of(FieldAggregator.of("clicks", "click", List.of("count"),
                SlidingWindows.of(List.of("1h"), "10m"))));
        List<Map<String, Object>> out = Features.aggregateByKey(source, "user", "time", table,
                AggregateOptions.defaults().withTimeFormat("dd/MM/yyyy HH:mm")).sinkToList();
        source.emit(Map.of("user", "ann", "click", 1, "time", "01/05/2024 10:00"));
        source.emit(Map.of("user", "ann", "click", 1, "time", "01/05/2024 10:30"));
        assertThat(out.get(1)).containsEntry("clicks_count_1h", 2L);
        assertThat(table.query("ann", Instant.parse("2024-05-01T11:15:00Z"))).containsEntry("clicks_count_1h", 1L);

        Stream<Map<String, Object>> iso = Stream.create();
        List<Map<String, Object>> isoOut = Features.aggregateByKey(iso, "user", "time", List.of(FieldAggregator.of(
                "clicks", "click", List.of("count"), SlidingWindows.of(List.of("1h"), "10m")))).sinkToList();
        iso.emit(Map.of("user", "ann", "click", 1, "time", "2024-05-01T10:00:00+02:00"));
        iso.emit(Map.of("user", "ann", "click", 1, "time", "2024-05-01T08:30:00"));   // UTC
        assertThat(isoOut.get(1)).containsEntry("clicks_count_1h", 2L);
    }

    @Test
    void aliasesRenameFeatures() {
        Stream<Map<String, Object>> source = Stream.create();
        FeatureTable table = FeatureTable.of(List.of(FieldAggregator.of("clicks", "click", List.of("count"),
                SlidingWindows.of(List.of("1h"), "10m"))));
        List<Map<String, Object>> out = Features.aggregateByKey(source, "user", "time", table,
                AggregateOptions.defaults().withAliases(Map.of("clicks_count_1h", "clicks_last_hour"))).sinkToList();
        source.emit(click("ann", "10H"));
        assertThat(out.get(0)).containsEntry("clicks_last_hour", 1L).doesNotContainKey("clicks_count_1h");
    }

    @Test
    void featuresDeclaredInJsonYamlOrMaps() {
        List<FieldAggregator> json = FeatureConfig.fromJson("""
                [{"name": "clicks", "column": "click", "operations": ["count"], "windows": ["1h", "24h"], "period": "10m"},
                 {"name": "spent", "column": "amount", "operations": ["sum"], "windows": ["1d"], "default": 0.0,
                  "max_value": 1000}]
                """);
        List<FieldAggregator> yaml = FeatureConfig.fromYaml("""
                - name: clicks
                  column: click
                  operations: [count]
                  windows: [1h, 24h]
                  period: 10m
                - name: spent
                  column: amount
                  operations: [sum]
                  windows: [1d]
                  default: 0.0
                  max_value: 1000
                """);
        for (List<FieldAggregator> declared : List.of(json, yaml)) {
            assertThat(declared).extracting(FieldAggregator::featureNames)
                    .containsExactly(List.of("clicks_count_1h", "clicks_count_24h"), List.of("spent_sum_1d"));
            assertThat(declared.get(0).windows()).isInstanceOf(SlidingWindows.class);
            assertThat(declared.get(1).windows()).isInstanceOf(FixedWindows.class);
            assertThat(FeatureTable.of(declared).query("nobody", DAY)).containsEntry("spent_sum_1d", 0.0);
        }
        assertThatThrownBy(() -> FeatureConfig.fromMaps(List.of(Map.of("name", "x", "column", "x",
                "operations", List.of("sum"), "windows", List.of("1h"), "perod", "1m"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown entry \"perod\"");
        assertThatThrownBy(() -> FeatureConfig.fromMaps(List.of(Map.of("name", "x", "operations", List.of("sum"),
                "windows", List.of("1h"))))).hasMessageContaining("\"column\" must be a String, was missing");
        assertThatThrownBy(() -> FeatureConfig.fromJson("{\"name\": 1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected a list of aggregators");
    }

    @Test
    void emitPolicyFromStoreyDictForm() {
        assertThat(EmitPolicy.fromConfig(Map.of("mode", "maxEvents", "maxEvents", 3))).hasToString("afterMaxEvents(3)");
        assertThat(EmitPolicy.fromConfig(Map.of("mode", "everyEvent"))).hasToString("everyEvent");
        assertThat(EmitPolicy.fromConfig(Map.of("mode", "afterWindow", "delay", "30s"))).hasToString("afterWindow(30s)");
        assertThatThrownBy(() -> EmitPolicy.fromConfig(Map.of("mode", "afterDelay")))
                .hasMessageContaining("was \"afterDelay\"");
        assertThatThrownBy(() -> EmitPolicy.fromConfig(Map.of("mode", "everyEvent", "maxEvents", 2)))
                .hasMessageContaining("unexpected entries [maxEvents]");
    }

    @Test
    void afterWindowEmitsEveryKeyWhenTheSmallestWindowEndsPlusTheDelay() {
        clock.scheduler().advanceTimeTo(DAY.plus(Duration.ofMinutes(10 * 60 + 50)));
        Stream<Map<String, Object>> source = Stream.create();
        FeatureTable table = FeatureTable.of(List.of(FieldAggregator.of("clicks", "click", List.of("count"),
                SlidingWindows.of(List.of("1h", "2h"), "10m"))));
        AggregateByKey<Map<String, Object>> node = Features.aggregateByKey(source, "user", "time", table,
                AggregateOptions.defaults().withEmitPolicy(EmitPolicy.afterWindow("30s")).withScheduler(clock.scheduler()));
        List<Map<String, Object>> out = node.sinkToList();
        source.emit(click("ann", "10H15M"));
        source.emit(click("bob", "10H40M"));
        source.emit(click("ann", "10H55M"));
        assertThat(out).isEmpty();

        clock.advanceTimeBy(Duration.ofMinutes(10));
        assertThat(out).isEmpty();                       // 11:00, the delay is not over
        clock.advanceTimeBy(Duration.ofSeconds(30));
        Instant eleven = DAY.plus(Duration.ofHours(11));
        assertThat(out).containsExactly(
                Map.of("key", "ann", "time", eleven, "clicks_count_1h", 2L, "clicks_count_2h", 2L),
                Map.of("key", "bob", "time", eleven, "clicks_count_1h", 1L, "clicks_count_2h", 1L));
        clock.advanceTimeBy(Duration.ofHours(1));
        assertThat(out).hasSize(4);
        assertThat(out.get(2)).containsEntry("time", eleven.plus(Duration.ofHours(1))).containsEntry("clicks_count_1h", 0L);
        node.destroy();
        clock.advanceTimeBy(Duration.ofHours(1));
        assertThat(out).hasSize(4);
    }
}
