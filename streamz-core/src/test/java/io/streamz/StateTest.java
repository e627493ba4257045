package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

class StateTest {

    // ---------------------------------------------------------------- accumulate and scan

    @Test
    void accumulateWithoutStartEmitsTheFirstElementAsIs() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.accumulate((acc, x) -> acc + x).sinkToList();
        for (int i = 0; i < 5; i++) {
            source.emit(i);
        }
        assertThat(out).containsExactly(0, 1, 3, 6, 10);
    }

    @Test
    void accumulateWithStartCounts() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.accumulate((count, x) -> count + 1, 0).sinkToList();
        for (int i = 0; i < 5; i++) {
            source.emit(0);
        }
        assertThat(out).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void accumulateMayChangeTheTypeAndStartFromNull() {
        Stream<String> source = Stream.create();
        List<String> out = source.accumulate((String acc, String x) -> acc == null ? x : acc + x, null).sinkToList();
        source.emit("a");
        source.emit("b");
        assertThat(out).containsExactly("a", "ab");
    }

    @Test
    void accumulateWithStateEmitsOnlyTheResultLikeEnumerate() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> out = source.accumulateWithState(
                (Tuple2<Integer, Integer> acc, Integer x) -> Tuples.of(Tuples.of(acc.getT1() + 1, x), List.of(acc.getT1(), x)),
                Tuples.of(0, 0)).sinkToList();
        for (int i = 0; i < 3; i++) {
            source.emit(0);
        }
        assertThat(out).containsExactly(List.of(0, 0), List.of(1, 0), List.of(2, 0));
    }

    @Test
    void accumulateWithStateAsConformance() {
        Stream<String> source = Stream.create();
        List<List<Object>> out = source.accumulateWithState((acc, x) -> Tuples.of(acc + 1, List.<Object>of(acc, x)), 0)
                .sinkToList();
        for (String x : List.of("a", "b", "c")) {
            source.emit(x);
        }
        assertThat(out).containsExactly(List.of(0, "a"), List.of(1, "b"), List.of(2, "c"));
    }

    @Test
    void scanIsAccumulate() {
        // streamz test_scan uses returns_state; scan has the accumulate overloads here
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.scan(Integer::sum).sinkToList();
        List<Integer> counted = source.scan((Integer n, Integer x) -> n + x, 10).sinkToList();
        for (int i = 0; i < 3; i++) {
            source.emit(i);
        }
        assertThat(out).containsExactly(0, 1, 3);
        assertThat(counted).containsExactly(10, 11, 13);
        assertThat(source.scan(Integer::sum).kind()).isEqualTo("scan");
    }

    @Test
    void scanJavadocExample() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.scan(Integer::max).sinkToList();
        for (int x : List.of(3, 1, 4, 1, 5)) source.emit(x);
        assertThat(out).containsExactly(3, 3, 4, 4, 5);
    }

    @Test
    void accumulateFailureKeepsTheStateAndTheGraph() {
        // streamz test_accumulate_errors_raises
        Stream<Integer> a = Stream.create();
        List<Integer> out = a.accumulate((x, y) -> x / y).sinkToList();
        a.emit(12);
        assertThatThrownBy(() -> a.emit(0))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("accumulate failed on element 0")
                .hasCauseInstanceOf(ArithmeticException.class);
        a.emit(2);
        assertThat(out).containsExactly(12, 6);
    }

    @Test
    void accumulateWithStateReturningNullFails() {
        Stream<Integer> a = Stream.create();
        a.accumulateWithState((Integer s, Integer x) -> (Tuple2<Integer, Integer>) null, 0);
        assertThatThrownBy(() -> a.emit(1))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("accumulateWithState")
                .hasCauseInstanceOf(NullPointerException.class);
    }

    @Test
    void accumulatePassesMetadataAndHoldsNothing() {
        Stream<Integer> source = Stream.create();
        RefCounter ref = new RefCounter();
        List<List<Map<String, Object>>> md = Metadata.of(source.accumulate(Integer::sum)).sinkToList();
        source.emit(1, Metadata.v(1));
        source.emit(2, Metadata.ref(ref));
        assertThat(md).containsExactly(Metadata.v(1), Metadata.ref(ref));
        assertThat(ref.count()).isZero();
    }

    @Test
    void accumulateRejectsNull() {
        assertThatThrownBy(() -> Stream.<Integer>create().accumulate(null))
                .isInstanceOf(NullPointerException.class).hasMessage("accumulate: func is null");
        assertThatThrownBy(() -> Stream.<Integer>create().scan(null, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("scan: func is null");
        assertThatThrownBy(() -> Stream.<Integer>create().accumulateWithState(null, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("accumulateWithState: func is null");
    }

    // ---------------------------------------------------------------- frequencies

    @Test
    void frequenciesEmitsImmutableSnapshots() {
        Stream<String> source = Stream.create();
        List<Map<String, Long>> out = source.frequencies().sinkToList();
        for (String x : List.of("a", "b", "a")) {
            source.emit(x);
        }
        assertThat(out).containsExactly(Map.of("a", 1L), Map.of("a", 1L, "b", 1L), Map.of("a", 2L, "b", 1L));
        assertThat(out.get(2).toString()).isEqualTo("{a=2, b=1}");
        assertThatThrownBy(() -> out.get(0).put("z", 1L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void frequenciesCountsNull() {
        Stream<String> source = Stream.create();
        List<Map<String, Long>> out = source.frequencies().sinkToList();
        source.emit(null);
        source.emit(null);
        assertThat(out.get(1)).containsEntry(null, 2L);
    }

    // ---------------------------------------------------------------- collect

    @Test
    void collectHoldsUntilAnotherStreamFlushesIt() {
        // streamz test_collect
        Stream<Integer> source1 = Stream.create();
        Stream<String> source2 = Stream.create();
        CollectStream<Integer> collector = source1.collect();
        List<List<Integer>> out = collector.sinkToList();
        source2.sink(collector::flush);

        source1.emit(1);
        source1.emit(2);
        assertThat(out).isEmpty();
        source2.emit("anything");
        assertThat(out).containsExactly(List.of(1, 2));
        source2.emit("anything");
        assertThat(out).containsExactly(List.of(1, 2), List.of());
        source1.emit(3);
        assertThat(out).hasSize(2);
        source2.emit("anything");
        assertThat(out).containsExactly(List.of(1, 2), List.of(), List.of(3));
    }

    @Test
    void collectHoldsRefsUntilFlushed() {
        // streamz test_collect_ref_counts
        Stream<Integer> source = Stream.create();
        CollectStream<Integer> collector = source.collect();
        List<RefCounter> refs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            RefCounter r = new RefCounter();
            refs.add(r);
            source.emit(i, Metadata.ref(r));
        }
        assertThat(refs).allSatisfy(r -> assertThat(r.count()).isEqualTo(1));
        collector.flush();
        assertThat(refs).allSatisfy(r -> assertThat(r.count()).isZero());
    }

    @Test
    void collectEmitsTheMetadataOfWhatItFlushes() {
        // streamz test_collect_metadata
        Stream<Integer> source = Stream.create();
        CollectStream<Integer> collector = source.collect();
        List<List<Map<String, Object>>> md = Metadata.of(collector).sinkToList();
        source.emit(0);
        source.emit(1, Metadata.v(1));
        source.emit(2, Metadata.v(2));
        collector.flush();
        source.emit(3, Metadata.v(3));
        source.emit(4, Metadata.v(4));
        collector.flush(null);
        assertThat(md).containsExactly(List.of(Map.of("v", 1), Map.of("v", 2)), List.of(Map.of("v", 3), Map.of("v", 4)));
    }

    @Test
    void collectKeepsRefsWhileDownstreamWorksAndReleasesAfter() {
        Stream<Integer> source = Stream.create();
        CollectStream<Integer> collector = source.collect();
        RefCounter ref = new RefCounter();
        List<Integer> seen = new ArrayList<>();
        collector.sink(x -> seen.add(ref.count()));
        source.emit(1, Metadata.ref(ref));
        collector.flush();
        assertThat(seen).containsExactly(2);   // collect's hold and the sink's
        assertThat(ref.count()).isZero();
    }

    @Test
    void collectEmitsImmutableListsWithNulls() {
        Stream<Integer> source = Stream.create();
        CollectStream<Integer> collector = source.collect();
        List<List<Integer>> out = collector.sinkToList();
        source.emit(null);
        source.emit(1);
        collector.flush();
        assertThat(out.get(0)).containsExactly(null, 1);
        assertThat(out.get(0).toString()).isEqualTo("[null, 1]");
        assertThatThrownBy(() -> out.get(0).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void collectFlushFailureReachesTheCallerAndTheCollectorIsEmptyAfter() {
        Stream<Integer> source = Stream.create();
        CollectStream<Integer> collector = source.collect();
        List<List<Integer>> out = new ArrayList<>();
        collector.sink(l -> {
            if (l.contains(0)) {
                throw new IllegalStateException("no zeros");
            }
            out.add(l);
        });
        RefCounter ref = new RefCounter();
        source.emit(0, Metadata.ref(ref));
        assertThatThrownBy(collector::flush).isInstanceOf(NodeException.class).hasMessageContaining("sink");
        assertThat(ref.count()).isZero();
        source.emit(1);
        collector.flush();
        assertThat(out).containsExactly(List.of(1));
    }
}
