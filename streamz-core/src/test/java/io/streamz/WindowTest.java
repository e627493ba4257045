package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.testing.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.scheduler.VirtualTimeScheduler;

class WindowTest {
    @RegisterExtension
    final VirtualClock clock = new VirtualClock();

    // ---------------------------------------------------------------- partition

    @Test
    void partitionEmitsGroupsOfNAndHoldsTheRest() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> out = source.partition(3).sinkToList();
        for (int i = 0; i < 10; i++) {
            source.emit(i);
        }
        assertThat(out).containsExactly(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7, 8));
        assertThat(out.get(0).toString()).isEqualTo("[0, 1, 2]");
        assertThatThrownBy(() -> out.get(0).add(9)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void partitionOfOnePassesEveryElementAsAList() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> out = source.partition(1, "10ms").sinkToList();
        for (int i = 0; i < 3; i++) {
            source.emit(i);
        }
        clock.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(out).containsExactly(List.of(0), List.of(1), List.of(2));
    }

    @Test
    void partitionKeyFunctionGroupsByKey() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> out = source.partition(2, x -> x % 2).sinkToList();
        for (int i = 0; i < 10; i++) {
            source.emit(i);
        }
        assertThat(out).containsExactly(List.of(0, 2), List.of(1, 3), List.of(4, 6), List.of(5, 7));
    }

    @Test
    void partitionKeyByItem() {
        // streamz test_partition_key (key=0)
        Stream<List<Integer>> source = Stream.create();
        List<List<List<Integer>>> out = source.partition(2, x -> x.get(0)).sinkToList();
        for (int i = 0; i < 4; i++) {
            source.emit(List.of(i % 2, i));
        }
        assertThat(out).containsExactly(List.of(List.of(0, 0), List.of(0, 2)), List.of(List.of(1, 1), List.of(1, 3)));
    }

    @Test
    void partitionHoldsRefsUntilItsGroupIsEmitted() {
        // streamz test_partition_ref_counts
        Stream<Integer> source = Stream.create();
        source.partition(2);
        for (int i = 0; i < 10; i++) {
            RefCounter r = new RefCounter();
            source.emit(i, Metadata.ref(r));
            assertThat(r.count()).isEqualTo(i % 2 == 0 ? 1 : 0);
        }
    }

    @Test
    void partitionEmitsTheMetadataOfItsGroup() {
        // streamz test_partition_metadata
        Stream<Integer> source = Stream.create();
        List<List<Map<String, Object>>> md = Metadata.of(source.partition(2)).sinkToList();
        source.emit(0);
        source.emit(1, Metadata.v(1));
        source.emit(2, Metadata.v(2));
        source.emit(3, Metadata.v(3));
        assertThat(md).containsExactly(Metadata.v(1), List.of(Map.of("v", 2), Map.of("v", 3)));
    }

    @Test
    void partitionReleasesRefsOnlyAfterAsynchronousDownstreamWork() {
        Stream<Integer> source = Stream.create();
        CompletableFuture<Void> work = new CompletableFuture<>();
        new Stream<List<Integer>>(source.partition(1)) {
            @Override
            protected CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
                return work;
            }
        };
        RefCounter ref = new RefCounter();
        CompletableFuture<Void> done = source.emitAsync(1, Metadata.ref(ref));
        assertThat(ref.count()).isEqualTo(2);   // the emit and the partition both wait for the work
        work.complete(null);
        assertThat(done).isDone();
        assertThat(ref.count()).isZero();
    }

    @Test
    void partitionFlushesOnTimeoutAndThenReleasesRefs() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> out = source.partition(5, "1s").sinkToList();
        RefCounter ref = new RefCounter();
        source.emit(0, Metadata.ref(ref));
        source.emit(1);
        assertThat(out).isEmpty();
        assertThat(ref.count()).isEqualTo(1);

        clock.advanceTimeBy(Duration.ofMillis(999));
        assertThat(out).isEmpty();
        clock.advanceTimeBy(Duration.ofMillis(1));

        assertThat(out).containsExactly(List.of(0, 1));
        assertThat(ref.count()).isZero();
    }

    @Test
    void partitionTimeoutStartsWithEachNewGroup() {
        // streamz test_partition_timeout_cancel
        Stream<Integer> source = Stream.create();
        List<List<Integer>> out = source.partition(3, Duration.ofMillis(100)).sinkToList();
        for (int i = 0; i < 3; i++) {
            source.emit(i);
        }
        clock.advanceTimeBy(Duration.ofMillis(90));
        source.emit(3);
        clock.advanceTimeBy(Duration.ofMillis(20));
        assertThat(out).containsExactly(List.of(0, 1, 2));
        clock.advanceTimeBy(Duration.ofMillis(90));
        assertThat(out).containsExactly(List.of(0, 1, 2), List.of(3));
        clock.advanceTimeBy(Duration.ofSeconds(10));
        assertThat(out).hasSize(2);
    }

    @Test
    void partitionTimeoutRunsPerKey() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> out = source.partition(2, "1s", x -> x % 2).sinkToList();
        source.emit(0);
        clock.advanceTimeBy(Duration.ofMillis(500));
        source.emit(1);
        source.emit(2);
        assertThat(out).containsExactly(List.of(0, 2));
        clock.advanceTimeBy(Duration.ofMillis(600));
        assertThat(out).containsExactly(List.of(0, 2));   // 1's timer started at 500ms
        clock.advanceTimeBy(Duration.ofMillis(400));
        assertThat(out).containsExactly(List.of(0, 2), List.of(1));
    }

    @Test
    void partitionTakesAnExplicitScheduler() {
        VirtualTimeScheduler own = VirtualTimeScheduler.create();
        Stream<Integer> source = Stream.create();
        List<List<Integer>> out = source.partition(5, Duration.ofSeconds(1), x -> 0, own).sinkToList();
        List<List<Integer>> out2 = source.partition(5, Duration.ofSeconds(1), own).sinkToList();
        source.emit(1);
        clock.advanceTimeBy(Duration.ofSeconds(5));
        assertThat(out).isEmpty();
        own.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(out).containsExactly(List.of(1));
        assertThat(out2).containsExactly(List.of(1));
    }

    @Test
    void partitionTimerEntersTheGraphLikeEmit() throws Exception {
        Stream<Integer> source = Stream.create();
        List<Boolean> heldGuard = new ArrayList<>();
        source.partition(5, "1s").sink(x -> heldGuard.add(source.graph().isHeldByCurrentThread()));
        source.emit(1);
        clock.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(heldGuard).containsExactly(true);
    }

    @Test
    void partitionTimeoutFailureDownstreamIsCountedNotThrownAtTheTimerAndRefsReleased() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> out = new ArrayList<>();
        Stream<List<Integer>> sink = source.partition(2, "1s").sink(l -> {
            if (l.contains(0)) {
                throw new IllegalStateException("no zeros");
            }
            out.add(l);
        });
        List<Throwable> reported = new ArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> reported.add(e));
        try {
            RefCounter ref = new RefCounter();
            source.emit(0, Metadata.ref(ref));
            clock.advanceTimeBy(Duration.ofSeconds(1));
            assertThat(reported).isEmpty();   // the timer thread's handler never sees it
            assertThat(sink.stats().failed()).isEqualTo(1);
            assertThat(ref.count()).isZero();
            source.emit(1);
            source.emit(2);
            assertThat(out).containsExactly(List.of(1, 2));
        } finally {
            Thread.currentThread().setUncaughtExceptionHandler(before);
        }
    }

    @Test
    void partitionRejectsBadArguments() {
        Stream<Integer> s = Stream.create();
        assertThatThrownBy(() -> s.partition(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("partition: n must be >= 1, was 0");
        assertThatThrownBy(() -> s.partition(2, "10 parsecs"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"10 parsecs\"");
        assertThatThrownBy(() -> s.partition(2, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partition: timeout must be > 0");
        assertThatThrownBy(() -> s.partition(2, (java.util.function.Function<Integer, ?>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("partition: key is null");
        assertThatThrownBy(() -> s.partition(2, (String) null))
                .isInstanceOf(NullPointerException.class).hasMessage("partition: timeout is null");
        assertThatThrownBy(() -> s.partition(2, Duration.ofSeconds(1), (reactor.core.scheduler.Scheduler) null))
                .isInstanceOf(NullPointerException.class).hasMessage("partition: scheduler is null");
    }

    @Test
    void partitionKeyFailureNamesTheNodeAndGoesOn() {
        Stream<String> source = Stream.create();
        List<List<String>> out = source.partition(2, String::length).sinkToList();
        assertThatThrownBy(() -> source.emit(null))
                .isInstanceOf(NodeException.class).hasMessageContaining("partition(n=2) failed on element null");
        source.emit("a");
        source.emit("b");
        assertThat(out).containsExactly(List.of("a", "b"));
    }

    // ---------------------------------------------------------------- partitionUnique

    @Test
    void partitionUniqueKeepFirst() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> out = source.partitionUnique(3, x -> x, "first").sinkToList();
        for (int x : List.of(1, 2, 1, 3, 1, 3, 3, 2)) {
            source.emit(x);
        }
        assertThat(out).containsExactly(List.of(1, 2, 3), List.of(1, 3, 2));
    }

    @Test
    void partitionUniqueKeepLast() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> out = source.partitionUnique(3, x -> x, "last").sinkToList();
        for (int x : List.of(1, 2, 1, 3, 1, 3, 3, 2)) {
            source.emit(x);
        }
        assertThat(out).containsExactly(List.of(2, 1, 3), List.of(1, 3, 2));
    }

    @Test
    void partitionUniqueByKey() {
        Stream<String> source = Stream.create();
        List<List<String>> out = source.partitionUnique(3, String::length, "last").sinkToList();
        for (String x : List.of("f", "fo", "f", "foo", "f", "foo", "foo", "fo")) {
            source.emit(x);
        }
        assertThat(out).containsExactly(List.of("fo", "f", "foo"), List.of("f", "foo", "fo"));

        Stream<Map<String, Object>> maps = Stream.create();
        List<List<Map<String, Object>>> first = maps.partitionUnique(2, m -> m.get("id"), "first").sinkToList();
        List<List<Map<String, Object>>> last = maps.partitionUnique(2, m -> m.get("id"), "last").sinkToList();
        maps.emit(Map.of("id", 0, "foo", "bar"));
        maps.emit(Map.of("id", 0, "foo", "baz"));
        maps.emit(Map.of("id", 1, "foo", "bat"));
        assertThat(first).containsExactly(List.of(Map.of("id", 0, "foo", "bar"), Map.of("id", 1, "foo", "bat")));
        assertThat(last).containsExactly(List.of(Map.of("id", 0, "foo", "baz"), Map.of("id", 1, "foo", "bat")));
    }

    @Test
    void partitionUniqueRefsAsStreamz() {
        Stream<Integer> source = Stream.create();
        List<List<Map<String, Object>>> md = Metadata.of(source.partitionUnique(2, x -> x, "first")).sinkToList();
        RefCounter kept = new RefCounter();
        RefCounter dropped = new RefCounter();
        RefCounter other = new RefCounter();
        source.emit(1, Metadata.ref(kept));
        source.emit(1, Metadata.ref(dropped));
        assertThat(kept.count()).isEqualTo(1);
        assertThat(dropped.count()).isEqualTo(1);
        source.emit(2, Metadata.ref(other));
        assertThat(md).containsExactly(List.of(Map.of("ref", kept), Map.of("ref", other)));
        assertThat(kept.count()).isZero();
        assertThat(other.count()).isZero();
        // streamz 0.6.4 never releases the refs of a dropped duplicate
        assertThat(dropped.count()).isEqualTo(1);
    }

    @Test
    void partitionUniqueRejectsBadArguments() {
        Stream<Integer> s = Stream.create();
        assertThatThrownBy(() -> s.partitionUnique(3, x -> x, "newest"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("partitionUnique: keep must be \"first\" or \"last\", was \"newest\"");
        assertThatThrownBy(() -> s.partitionUnique(0, x -> x, "first"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("partitionUnique: n must be >= 1, was 0");
        assertThatThrownBy(() -> s.partitionUnique(2, null, "first"))
                .isInstanceOf(NullPointerException.class).hasMessage("partitionUnique: key is null");
        assertThatThrownBy(() -> s.partitionUnique(2, x -> x, (String) null))
                .isInstanceOf(NullPointerException.class).hasMessage("partitionUnique: keep is null");
    }

    @Test
    void partitionUniqueTakesKeepTypedAsWellAsSpelledOut() {
        List<Integer> in = List.of(1, 2, 1, 3, 1, 3, 3, 2);
        for (Keep keep : Keep.values()) {
            Stream<Integer> source = Stream.create();
            Stream<List<Integer>> typed = source.partitionUnique(3, x -> x, keep);
            List<List<Integer>> out = typed.sinkToList();
            List<List<Integer>> spelled = source.partitionUnique(3, x -> x, keep.toString()).sinkToList();
            in.forEach(source::emit);
            assertThat(out).isEqualTo(spelled).hasSize(2);
            assertThat(typed).hasToString("partitionUnique(n=3, keep=" + keep + ")");
        }
        assertThat(Keep.FIRST).hasToString("first");
        assertThat(Keep.LAST).hasToString("last");
        assertThatThrownBy(() -> Stream.<Integer>create().partitionUnique(2, x -> x, (Keep) null))
                .isInstanceOf(NullPointerException.class).hasMessage("partitionUnique: keep is null");
    }

    // ---------------------------------------------------------------- slidingWindow

    @Test
    void slidingWindowWithAndWithoutPartials() {
        // streamz test_sliding_window
        Stream<Integer> source = Stream.create();
        List<List<Integer>> out = source.slidingWindow(2).sinkToList();
        List<List<Integer>> full = source.slidingWindow(2, false).sinkToList();
        for (int i = 0; i < 10; i++) {
            source.emit(i);
        }
        assertThat(out).containsExactly(List.of(0), List.of(0, 1), List.of(1, 2), List.of(2, 3), List.of(3, 4),
                List.of(4, 5), List.of(5, 6), List.of(6, 7), List.of(7, 8), List.of(8, 9));
        assertThat(full).isEqualTo(out.subList(1, 10));
    }

    @Test
    void slidingWindowOfOne() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> out = source.slidingWindow(1, false).sinkToList();
        source.emit(null);
        source.emit(1);
        assertThat(out.toString()).isEqualTo("[[null], [1]]");
    }

    @Test
    void slidingWindowReleasesAnElementAfterItsLastWindow() {
        // streamz test_sliding_window_ref_counts
        Stream<Integer> source = Stream.create();
        source.slidingWindow(2);
        RefCounter prev = new RefCounter();
        source.emit(-2);
        source.emit(-1, Metadata.ref(prev));
        for (int i = 0; i < 10; i++) {
            RefCounter r = new RefCounter();
            assertThat(prev.count()).isEqualTo(1);
            source.emit(i, Metadata.ref(r));
            assertThat(prev.count()).isZero();
            assertThat(r.count()).isEqualTo(1);
            prev = r;
        }
    }

    @Test
    void slidingWindowEmitsTheMetadataOfItsWindow() {
        // streamz test_sliding_window_metadata
        Stream<Integer> source = Stream.create();
        List<List<Map<String, Object>>> md = Metadata.of(source.slidingWindow(2)).sinkToList();
        source.emit(0);
        source.emit(1, Metadata.v(1));
        source.emit(2, Metadata.v(2));
        source.emit(3, Metadata.v(3));
        assertThat(md).containsExactly(Metadata.v(1), List.of(Map.of("v", 1), Map.of("v", 2)),
                List.of(Map.of("v", 2), Map.of("v", 3)));
    }

    @Test
    void slidingWindowRejectsBadN() {
        assertThatThrownBy(() -> Stream.create().slidingWindow(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("slidingWindow: n must be >= 1, was 0");
        assertThat(Stream.create().slidingWindow(3).toString()).isEqualTo("slidingWindow(n=3)");
    }
}
