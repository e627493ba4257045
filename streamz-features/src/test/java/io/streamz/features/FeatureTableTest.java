package io.streamz.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.streamz.NodeException;
import io.streamz.Stream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table: late events, eviction, queries and serving; and bad input. */
class FeatureTableTest {
    private static final long MINUTE = 60_000;
    private static final List<FieldAggregator> COUNTS = List.of(
            FieldAggregator.of("clicks", "click", List.of("count"), SlidingWindows.of(List.of("10m", "1h"), "10m")));

    private static Map<String, Object> ev(String k, long minute) {
        return Map.of("k", k, "t", minute * MINUTE, "click", "yes");
    }

    @Test
    void outOfOrderEventsCountInTheKeptBucketsAndOlderOnesPassWithoutFeatures() {
        Stream<Map<String, Object>> source = Stream.create();
        AggregateByKey<Map<String, Object>> node = Features.aggregateByKey(source, "k", "t", COUNTS);
        List<Map<String, Object>> out = node.sinkToList();

        source.emit(ev("a", 100));
        source.emit(ev("a", 130));
        source.emit(ev("a", 105));   // out of order, in the key's kept buckets [100, 140)
        source.emit(ev("a", 95));    // before the key's first bucket: too old, as in storey
        source.emit(ev("b", 49));    // another key: its first event

        assertThat(out).hasSize(5);
        assertThat(out.get(2)).contains(entry("clicks_count_10m", 2L), entry("clicks_count_1h", 2L));
        assertThat(out.get(3)).containsOnlyKeys("k", "t", "click");
        assertThat(out.get(4)).contains(entry("clicks_count_1h", 1L));
        assertThat(node.table().lateEvents()).isEqualTo(1);
        assertThat(node.table().query("a", Instant.ofEpochMilli(130 * MINUTE)))
                .containsExactly(entry("clicks_count_10m", 1L), entry("clicks_count_1h", 3L));
        assertThat(node.table().query("a", Instant.ofEpochMilli(105 * MINUTE)))
                .containsExactly(entry("clicks_count_10m", 2L), entry("clicks_count_1h", 2L));
    }

    @Test
    void keysIdleLongerThanTheLargestWindowAreEvicted() {
        Stream<Map<String, Object>> source = Stream.create();
        AggregateByKey<Map<String, Object>> node = Features.aggregateByKey(source, "k", "t", COUNTS);
        FeatureTable table = node.table();

        source.emit(ev("a", 0));
        source.emit(ev("b", 30));
        source.emit(ev("c", 60));
        assertThat(table.keys()).containsExactlyInAnyOrder("a", "b", "c");

        source.emit(ev("c", 61));   // "a" is now idle for more than an hour

        assertThat(table.keys()).containsExactlyInAnyOrder("b", "c");
        assertThat(table.evictedKeys()).isEqualTo(1);
        assertThat(table.query("a", Instant.ofEpochMilli(61 * MINUTE))).containsEntry("clicks_count_1h", 0L);
    }

    @Test
    void countsStayRightAfterTheBucketRingWrapsManyTimes() {
        Stream<Map<String, Object>> source = Stream.create();
        AggregateByKey<Map<String, Object>> node = Features.aggregateByKey(source, "k", "t", COUNTS);
        List<Map<String, Object>> out = node.sinkToList();
        for (long m = 0; m < 100_000; m += 7) {
            source.emit(ev("a", m));
        }
        // the last event is at minute 99995; the 1h window is [99940, 100000): 99946, 99953, ..., 99995
        assertThat(out.get(out.size() - 1)).contains(entry("clicks_count_10m", 1L), entry("clicks_count_1h", 8L));
    }

    @Test
    void aRingGrowsToTheKeptBucketsAndAStoredRowRestores() {
        List<FieldAggregator> perMinute = List.of(FieldAggregator.of("clicks", "click", List.of("count"),
                SlidingWindows.of(List.of("2h"), "1m")));   // 120 buckets kept: a ring grows from 16 to 64 to 120
        Table storage = Table.inMemory();
        FeatureTable table = FeatureTable.of(perMinute, storage);
        Stream<Map<String, Object>> source = Stream.create();
        List<Map<String, Object>> out = Features.aggregateByKey(source, "k", "t", table, EmitPolicy.everyEvent()).sinkToList();
        for (long m = 0; m < 300; m++) {
            source.emit(ev("a", m));
        }
        assertThat(out.get(299)).contains(entry("clicks_count_2h", 120L));
        table.commit(Map.of());
        Instant at = Instant.ofEpochMilli(299 * MINUTE);
        assertThat(FeatureTable.of(perMinute, storage).query("a", at)).containsEntry("clicks_count_2h", 120L);

        // a row as the stored format has it since the stored tables came (one list per bucket:
        // its number, then its statistics), 100 buckets of 2 clicks each, restored into a new key
        List<Object> buckets = new java.util.ArrayList<>();
        for (long b = 200; b < 300; b++) {
            buckets.add(List.of(b, 2.0));
        }
        storage.storage().putAll(Map.of("b", Map.of("$features", Map.of("newest", 299 * MINUTE, "clicks",
                Map.of("first", 200L, "head", 299L, "last", 299 * MINUTE, "stats", List.of("count"), "buckets", buckets)))));
        FeatureTable reopened = FeatureTable.of(perMinute, storage);
        assertThat(reopened.query("b", at)).containsEntry("clicks_count_2h", 200L);
        Stream<Map<String, Object>> again = Stream.create();
        List<Map<String, Object>> more = Features.aggregateByKey(again, "k", "t", reopened, EmitPolicy.everyEvent()).sinkToList();
        again.emit(ev("b", 300));   // the window is buckets 181 to 300: the 100 stored ones and this
        assertThat(more.get(0)).contains(entry("clicks_count_2h", 201L));
    }

    @Test
    void aBatchFailsEventByEventAsSingleEventsDo() {
        List<FieldAggregator> sums = List.of(FieldAggregator.of("x", "x", List.of("sum"), SlidingWindows.of(List.of("1h"), "1m")));
        Stream<List<Map<String, Object>>> source = Stream.create();
        AggregateByKey<Map<String, Object>> node = Features.aggregateByKeyBatched(source, e -> e.get("k"),
                e -> (Long) e.get("t"), FeatureTable.of(sums), AggregateOptions.defaults());
        List<Map<String, Object>> out = node.sinkToList();
        List<Object> failed = node.errors().map(f -> f.element()).sinkToList();
        List<Map<String, Object>> batch = List.of(Map.of("k", "a", "t", 1L, "x", 1.0), Map.of("t", 2L, "x", 2.0),
                Map.of("k", "a", "t", 3L, "x", "ten"), Map.of("k", "a", "t", 4L, "x", 4.0));

        source.emit(batch);   // routed: the key-less event and the non-number fail on their own

        assertThat(out).extracting(e -> e.get("x_sum_1h")).containsExactly(1.0, 5.0);
        assertThat(failed).containsExactly(batch.get(1), batch.get(2));

        Stream<List<Map<String, Object>>> strict = Stream.create();
        List<Map<String, Object>> before = Features.aggregateByKeyBatched(strict, e -> e.get("k"),
                e -> (Long) e.get("t"), FeatureTable.of(sums), AggregateOptions.defaults()).sinkToList();
        assertThatThrownBy(() -> strict.emit(batch))   // propagated: the batch stops at the first failure
                .isInstanceOf(NodeException.class).hasRootCauseMessage("the key of the event is null");
        strict.emit(List.of(Map.of("k", "a", "t", 5L, "x", 5.0)));   // and the graph goes on
        assertThat(before).extracting(e -> e.get("x_sum_1h")).containsExactly(1.0, 6.0);
    }

    @Test
    void queryByKeyServesFeaturesWithoutAggregating() {
        Stream<Map<String, Object>> updates = Stream.create();
        AggregateByKey<Map<String, Object>> node = Features.aggregateByKey(updates, "k", "t", COUNTS);
        Stream<Map<String, Object>> requests = Stream.create();
        List<Map<String, Object>> served = Features.queryByKey(requests, "k", "t", node.table()).sinkToList();

        updates.emit(ev("a", 1));
        updates.emit(ev("a", 2));
        requests.emit(Map.of("k", "a", "t", 5 * MINUTE));
        requests.emit(Map.of("k", "a", "t", 5 * MINUTE));
        requests.emit(Map.of("k", "zed", "t", 5 * MINUTE));

        assertThat(served).containsExactly(
                Map.of("k", "a", "t", 5 * MINUTE, "clicks_count_10m", 2L, "clicks_count_1h", 2L),
                Map.of("k", "a", "t", 5 * MINUTE, "clicks_count_10m", 2L, "clicks_count_1h", 2L),
                Map.of("k", "zed", "t", 5 * MINUTE, "clicks_count_10m", 0L, "clicks_count_1h", 0L));
    }

    @Test
    void queriesFromAnotherThreadSeeConsistentCounts() throws Exception {
        Stream<Map<String, Object>> source = Stream.create();
        FeatureTable table = Features.aggregateByKey(source, "k", "t", COUNTS).table();
        Instant at = Instant.ofEpochMilli(5 * MINUTE);
        java.util.concurrent.atomic.AtomicLong lastSeen = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.CompletableFuture<Void> reader = java.util.concurrent.CompletableFuture.runAsync(() -> {
            while (lastSeen.get() < 20_000) {
                long n = (Long) table.query("a", at).get("clicks_count_10m");
                assertThat(n).isGreaterThanOrEqualTo(lastSeen.get());   // never torn, never backwards
                lastSeen.set(n);
            }
        });
        for (int i = 0; i < 20_000; i++) {
            source.emit(ev("a", 5));
        }
        reader.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(table.query("a", at)).containsEntry("clicks_count_10m", 20_000L);
    }

    @Test
    void queryBeforeTheKeptBucketsLeavesTheFeaturesOut() {
        FeatureTable table = FeatureTable.of(COUNTS);
        Stream<Map<String, Object>> source = Stream.create();
        Features.aggregateByKey(source, "k", "t", table, EmitPolicy.everyEvent());
        source.emit(ev("a", 600));
        assertThat(table.query("a", Instant.ofEpochMilli(0))).isEmpty();
    }

    @Test
    void failingKeyFunctionNamesTheNodeAndTheEvent() {
        Stream<String> source = Stream.create();
        Features.aggregateByKey(source, s -> s.substring(5), s -> 0L, List.of(
                FieldAggregator.of("n", (String s) -> s, List.of("count"), SlidingWindows.of(List.of("1m")))));
        assertThatThrownBy(() -> source.emit("abc"))
                .isInstanceOf(NodeException.class)
                .hasMessageStartingWith("aggregateByKey(features=1, emit=everyEvent) failed on element \"abc\"")
                .hasCauseInstanceOf(StringIndexOutOfBoundsException.class);
    }

    @Test
    void nullKeysAndBadEventsFailNamingTheEvent() {
        Stream<Map<String, Object>> source = Stream.create();
        Features.aggregateByKey(source, "k", "t", List.of(
                FieldAggregator.of("x", "x", List.of("sum"), SlidingWindows.of(List.of("1m")))));
        assertThatThrownBy(() -> source.emit(Map.of("t", 1L)))
                .isInstanceOf(NodeException.class).hasMessageContaining("{t=1}")
                .hasRootCauseMessage("the key of the event is null");
        assertThatThrownBy(() -> source.emit(Map.of("k", "a", "t", "noon")))
                .isInstanceOf(NodeException.class)
                .hasRootCauseMessage("Text 'noon' could not be parsed at index 0");
        assertThatThrownBy(() -> source.emit(Map.of("k", "a", "t", 1L, "x", "ten")))
                .isInstanceOf(NodeException.class)
                .hasRootCauseMessage("FieldAggregator \"x\": value must be a number for [SUM], was \"ten\" (String)");
    }

    @Test
    void aFieldAggregatorByMapKeyNeedsMapEvents() {
        Stream<Object> source = Stream.create();
        Features.aggregateByKey(source, e -> "k", e -> 1L, List.of(
                FieldAggregator.of("x", "x", List.of("sum"), SlidingWindows.of(List.of("1m")))));
        assertThatThrownBy(() -> source.emit("not a map"))
                .isInstanceOf(NodeException.class).hasMessageContaining("\"not a map\"")
                .hasRootCauseMessage("value field \"x\" needs a Map event, was java.lang.String");
    }

    @Test
    void badArgumentsAreQuoted() {
        assertThatThrownBy(() -> SlidingWindows.of(List.of("1h", "2 parsecs"), "10m"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"2 parsecs\"");
        assertThatThrownBy(() -> SlidingWindows.of(List.of("1h"), "7m"))
                .hasMessage("SlidingWindows: period 7m must divide every window, not \"1h\"");
        assertThatThrownBy(() -> FixedWindows.of(List.of()))
                .hasMessage("FixedWindows: windows must not be empty");
        assertThatThrownBy(() -> SlidingWindows.of(Arrays.asList("1h", null)))
                .isInstanceOf(NullPointerException.class).hasMessage("SlidingWindows: windows holds null, was [1h, null]");
        assertThatThrownBy(() -> FixedWindows.of(List.of("1h", "1h")))
                .hasMessageContaining("windows must be distinct");
        assertThatThrownBy(() -> FieldAggregator.of("x", "x", List.of("avg", "median"), FixedWindows.of(List.of("1h"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("FieldAggregator: unknown aggregation \"median\", expected one of "
                        + "count, sum, sqr, avg, min, max, first, last, stddev, stdvar");
        assertThatThrownBy(() -> FeatureTable.of(List.of(COUNTS.get(0), COUNTS.get(0))))
                .hasMessage("FeatureTable: aggregator names must be distinct, were [clicks, clicks]");
    }

    @Test
    void nullArgumentsNameTheParameter() {
        Stream<Map<String, Object>> source = Stream.create();
        assertThatThrownBy(() -> Features.aggregateByKey(source, (String) null, "t", COUNTS))
                .isInstanceOf(NullPointerException.class).hasMessage("aggregateByKey: key is null");
        assertThatThrownBy(() -> Features.aggregateByKey(source, "k", "t", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("FeatureTable: aggregators");
        assertThatThrownBy(() -> FieldAggregator.of("x", (String) null, List.of("sum"), FixedWindows.of(List.of("1h"))))
                .hasMessage("FieldAggregator: field is null");
        assertThatThrownBy(() -> Features.queryByKey(null, "k", "t", FeatureTable.of(COUNTS)))
                .hasMessage("queryByKey: stream is null");
        assertThatThrownBy(() -> Features.queryByKey(source, "k", null, FeatureTable.of(COUNTS)))
                .hasMessage("queryByKey: time is null");
        assertThatThrownBy(() -> SlidingWindows.of(List.of("1h"), null))
                .hasMessage("SlidingWindows: period is null");
        assertThatThrownBy(() -> FeatureTable.of(COUNTS).query(null, Instant.EPOCH))
                .hasMessage("FeatureTable.query: key is null");
        assertThatThrownBy(() -> Features.aggregateByKey(source, e -> e, e -> 0L, FeatureTable.of(COUNTS), null,
                reactor.core.scheduler.Schedulers.immediate())).hasMessage("aggregateByKey: policy is null");
    }
}
