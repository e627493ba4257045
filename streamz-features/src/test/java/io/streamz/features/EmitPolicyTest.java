package io.streamz.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.streamz.RefCounter;
import io.streamz.Stream;
import io.streamz.testing.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmitPolicyTest {
    @RegisterExtension
    final VirtualClock clock = new VirtualClock();

    private static final List<FieldAggregator> SUMS = List.of(
            FieldAggregator.of("x", "x", List.of("sum"), SlidingWindows.of(List.of("10s"), "1s")));

    private static Map<String, Object> ev(String k, long t, double x) {
        return Map.of("k", k, "t", t, "x", x);
    }

    private static List<Map<String, Object>> md(RefCounter ref) {
        return List.of(Map.of("ref", ref));
    }

    @Test
    void everyEventPassesMetadataOnAndHoldsNothing() {
        Stream<Map<String, Object>> source = Stream.create();
        List<Integer> countsDownstream = new ArrayList<>();
        RefCounter ref = new RefCounter();
        AggregateByKey<Map<String, Object>> node = Features.aggregateByKey(source, "k", "t", FeatureTable.of(SUMS),
                EmitPolicy.everyEvent());
        node.sink(e -> countsDownstream.add(ref.count()));
        MetadataSink seen = new MetadataSink(node);

        source.emit(ev("a", 0, 1), md(ref));

        assertThat(countsDownstream).singleElement().matches(n -> n > 0);   // retained while downstream runs
        assertThat(seen.metadata).containsExactly(md(ref));
        assertThat(ref.count()).isZero();
    }

    @Test
    void afterMaxEventsEmitsTheNthEventOfEachKeyAndReleasesTheHeldRefs() {
        Stream<Map<String, Object>> source = Stream.create();
        AggregateByKey<Map<String, Object>> node = Features.aggregateByKey(source, "k", "t", FeatureTable.of(SUMS),
                EmitPolicy.afterMaxEvents(2));
        List<Map<String, Object>> out = node.sinkToList();
        MetadataSink seen = new MetadataSink(node);
        RefCounter r1 = new RefCounter();
        RefCounter r2 = new RefCounter();
        RefCounter r3 = new RefCounter();

        source.emit(ev("a", 0, 1), md(r1));
        source.emit(ev("b", 100, 5), md(r3));
        assertThat(out).isEmpty();
        assertThat(r1.count()).isEqualTo(1);    // held by aggregateByKey
        assertThat(r3.count()).isEqualTo(1);

        source.emit(ev("a", 200, 2), md(r2));

        assertThat(out).containsExactly(Map.of("k", "a", "t", 200L, "x", 2.0, "x_sum_10s", 3.0));
        assertThat(seen.metadata).containsExactly(List.of(Map.of("ref", r1), Map.of("ref", r2)));
        assertThat(r1.count()).isZero();
        assertThat(r2.count()).isZero();
        assertThat(r3.count()).isEqualTo(1);    // b has had one event only
    }

    @Test
    void afterMaxEventsWithATimeoutEmitsAQuietKeysLatestEvent() {
        Stream<Map<String, Object>> source = Stream.create();
        AggregateByKey<Map<String, Object>> node = Features.aggregateByKey(source, e -> e.get("k"), e -> e.get("t"),
                FeatureTable.of(SUMS), EmitPolicy.afterMaxEvents(3, "10s"), clock.scheduler());
        List<Map<String, Object>> out = node.sinkToList();
        MetadataSink seen = new MetadataSink(node);
        RefCounter r1 = new RefCounter();
        RefCounter r2 = new RefCounter();

        source.emit(ev("a", 0, 1), md(r1));
        clock.advanceTimeBy(Duration.ofSeconds(5));
        source.emit(ev("a", 10, 2), md(r2));
        clock.advanceTimeBy(Duration.ofMillis(4999));
        assertThat(out).isEmpty();
        assertThat(r1.count()).isEqualTo(1);

        clock.advanceTimeBy(Duration.ofMillis(1));   // 10 s after the first held event

        assertThat(out).extracting(e -> e.get("x_sum_10s")).containsExactly(3.0);
        assertThat(seen.metadata).containsExactly(List.of(Map.of("ref", r1), Map.of("ref", r2)));
        assertThat(r1.count()).isZero();
        assertThat(r2.count()).isZero();

        for (int i = 0; i < 3; i++) {
            source.emit(ev("a", 20 + i, 1));
        }
        clock.advanceTimeBy(Duration.ofSeconds(30));
        assertThat(out).hasSize(2);                  // the third event emitted, its timer cancelled
    }

    @Test
    void afterPeriodEmitsEachKeysLatestEventOnTheTick() {
        Stream<Map<String, Object>> source = Stream.create();
        AggregateByKey<Map<String, Object>> node = Features.aggregateByKey(source, e -> e.get("k"), e -> e.get("t"),
                FeatureTable.of(SUMS), EmitPolicy.afterPeriod("1s"), clock.scheduler());
        List<Map<String, Object>> out = node.sinkToList();
        MetadataSink seen = new MetadataSink(node);
        RefCounter r1 = new RefCounter();
        RefCounter r2 = new RefCounter();

        source.emit(ev("a", 0, 1), md(r1));
        source.emit(ev("b", 10, 7));
        source.emit(ev("a", 20, 2), md(r2));
        clock.advanceTimeBy(Duration.ofMillis(999));
        assertThat(out).isEmpty();
        assertThat(r1.count()).isEqualTo(1);

        clock.advanceTimeBy(Duration.ofMillis(1));

        assertThat(out).extracting(e -> e.get("x_sum_10s")).containsExactly(3.0, 7.0);
        assertThat(seen.metadata).containsExactly(List.of(Map.of("ref", r1), Map.of("ref", r2)), List.of());
        assertThat(r1.count()).isZero();
        assertThat(r2.count()).isZero();

        source.emit(ev("b", 1500, 1));
        clock.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(out).hasSize(3);
        assertThat(out.get(2)).contains(entry("x_sum_10s", 8.0));
        clock.advanceTimeBy(Duration.ofSeconds(5));
        assertThat(out).hasSize(3);            // nothing new, nothing emitted
    }

    @Test
    void lateEventsAreNotHeld() {
        Stream<Map<String, Object>> source = Stream.create();
        AggregateByKey<Map<String, Object>> node = Features.aggregateByKey(source, "k", "t", FeatureTable.of(SUMS),
                EmitPolicy.afterMaxEvents(2));
        RefCounter ref = new RefCounter();
        source.emit(ev("a", 60_000, 1));

        source.emit(ev("a", 0, 1), md(ref));

        assertThat(node.table().lateEvents()).isEqualTo(1);
        assertThat(ref.count()).isZero();
    }

    @Test
    void destroyReleasesHeldEventsAndStopsTheTimer() {
        Stream<Map<String, Object>> source = Stream.create();
        AggregateByKey<Map<String, Object>> node = Features.aggregateByKey(source, e -> e.get("k"), e -> e.get("t"),
                FeatureTable.of(SUMS), EmitPolicy.afterPeriod(Duration.ofSeconds(1)), clock.scheduler());
        List<Map<String, Object>> out = node.sinkToList();
        RefCounter ref = new RefCounter();
        source.emit(ev("a", 0, 1), md(ref));

        node.destroy();
        clock.advanceTimeBy(Duration.ofSeconds(3));

        assertThat(ref.count()).isZero();
        assertThat(out).isEmpty();
    }

    /** Records the metadata each element arrives with. */
    static final class MetadataSink extends Stream<Object> {
        final List<List<Map<String, Object>>> metadata = new ArrayList<>();

        MetadataSink(Stream<?> upstream) {
            super(upstream);
        }

        @Override
        protected CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> md) {
            metadata.add(md);
            return null;
        }
    }

    @Test
    void badPolicies() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmitPolicy.afterMaxEvents(0))
                .hasMessage("afterMaxEvents: n must be >= 1, was 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmitPolicy.afterPeriod("soon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"soon\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmitPolicy.afterPeriod(Duration.ZERO))
                .hasMessageContaining("afterPeriod: period must be > 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmitPolicy.afterMaxEvents(2, "-1s"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
