package io.streamz.features.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.ErrorPolicy;
import io.streamz.RefCounter;
import io.streamz.Stream;
import io.streamz.features.Event;
import io.streamz.features.FeatureTable;
import io.streamz.features.Features;
import io.streamz.features.FieldAggregator;
import io.streamz.features.Flows;
import io.streamz.features.NoSqlOptions;
import io.streamz.features.SlidingWindows;
import io.streamz.features.Table;
import io.streamz.features.TableStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The RocksDB storage: entries, batches and keys survive closing and reopening the directory. */
class RocksDbStorageTest {
    @Test
    void entriesSurviveReopening(@TempDir Path dir) {
        try (Table t = Table.of(RocksDbStorage.open(dir))) {
            t.put("ann", Map.of("country", "NZ", "seen", Instant.EPOCH));
            t.update("ann", Map.of("plan", "pro"));
            t.put(List.of("bob", "uk"), Map.of("n", 1L));
            t.put("gone", Map.of());
            t.delete("gone");
        }
        try (Table t = Table.of(RocksDbStorage.open(dir))) {
            assertThat(t.get("ann")).isEqualTo(Map.of("country", "NZ", "seen", Instant.EPOCH, "plan", "pro"));
            assertThat(t.get("bob.uk")).isEqualTo(Map.of("n", 1L));
            assertThat(t.get("gone")).isNull();
            assertThat(t.keys()).containsExactly("ann", "bob.uk");
        }
    }

    @Test
    void mapWithStateAndFeatureBucketsResumeAfterARestart(@TempDir Path dir) {
        List<FieldAggregator> aggregators = List.of(FieldAggregator.of("clicks", "click", List.of("count"),
                SlidingWindows.of(List.of("1h"), "10m")));
        Instant t0 = Instant.parse("2024-05-01T10:00:00Z");
        for (int run = 1; run <= 2; run++) {
            try (Table table = Table.of(RocksDbStorage.open(dir))) {
                FeatureTable features = FeatureTable.of(aggregators, table);
                Stream<Map<String, Object>> source = Stream.create();
                List<Map<String, Object>> out = Features.aggregateByKey(source, "user", "time", features,
                        io.streamz.features.EmitPolicy.everyEvent()).sinkToList();
                List<Object> totals = Flows.mapWithState(source, table, e -> "state:" + e.get("user"), (e, state) ->
                        state.merge("n", 1L, (a, b) -> (Long) a + (Long) b)).sinkToList();
                source.emit(Map.of("user", "ann", "click", 1, "time", t0.plusSeconds(60L * run)));
                features.commit(Map.of());
                assertThat(totals).containsExactly((long) run);
                assertThat(out.get(0)).containsEntry("clicks_count_1h", (long) run);
            }
        }
    }

    @Test
    void aNoSqlWriteThatFailedIsRetriedIntoTheDatabaseOnceAndSurvivesReopening(@TempDir Path dir) {
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        RefCounter ref = new RefCounter();
        try (RocksDbStorage db = RocksDbStorage.open(dir)) {
            AtomicInteger writes = new AtomicInteger();
            TableStorage downForTwoWrites = new TableStorage() {
                @Override
                public Map<String, Object> get(String key) {
                    return db.get(key);
                }

                @Override
                public void put(String key, Map<String, Object> value) {
                    if (writes.incrementAndGet() <= 2) {
                        throw new IllegalStateException("store unavailable");
                    }
                    db.put(key, value);
                }

                @Override
                public void delete(String key) {
                    db.delete(key);
                }

                @Override
                public List<String> keys() {
                    return db.keys();
                }

                @Override
                public void close() {
                }
            };
            Stream<Event<Map<String, Object>>> events = Stream.create();
            Stream<Event<Map<String, Object>>> target = Flows.noSqlTarget(events, Table.of(downForTwoWrites),
                    List.of("clicks", "page"), NoSqlOptions.defaults().withFlushInterval(Duration.ofSeconds(10))
                            .withScheduler(clock).withWriter(Schedulers.immediate()))
                    .onError(ErrorPolicy.retry(3, Duration.ofSeconds(1)));
            events.emit(Event.of(Map.of("clicks", 3L, "page", "/"), "ann", null), List.of(Map.of("ref", ref)));
            events.emit(Event.of(Map.of("clicks", 4L), "ann", null), List.of(Map.of("ref", ref)));
            clock.advanceTimeBy(Duration.ofSeconds(11));   // two writes failed
            assertThat(db.get("ann")).isNull();
            assertThat(ref.count()).isEqualTo(2);
            clock.advanceTimeBy(Duration.ofSeconds(2));
            assertThat(writes.get()).isEqualTo(3);
            assertThat(ref.count()).isZero();
            assertThat(target.stats().retried()).isEqualTo(2);
        } finally {
            clock.dispose();
        }
        try (Table t = Table.of(RocksDbStorage.open(dir))) {
            assertThat(t.get("ann")).isEqualTo(Map.of("clicks", 4L, "page", "/"));
        }
    }

    @Test
    void aSecondOpenOfTheSameDirectoryFailsNamingIt(@TempDir Path dir) {
        try (RocksDbStorage first = RocksDbStorage.open(dir)) {
            assertThatThrownBy(() -> RocksDbStorage.open(dir))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(dir.toString());
        }
    }
}
