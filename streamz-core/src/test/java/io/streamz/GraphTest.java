package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GraphTest {

    @Test
    void mapFilterSinkInOrder() {
        Stream<Integer> source = Stream.create();
        List<String> out = source.map(x -> x + 1).filter(x -> x % 2 == 0).map(x -> "n" + x).sinkToList();
        for (int i = 0; i < 6; i++) {
            source.emit(i);
        }
        assertThat(out).containsExactly("n2", "n4", "n6");
    }

    @Test
    void userFailureReachesEmitNamingNodeAndElementAndGraphRecovers() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.map(x -> 10 / x).named("divide").sinkToList();
        source.emit(5);
        assertThatThrownBy(() -> source.emit(0))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("map \"divide\"")
                .hasMessageContaining("element 0")
                .hasCauseInstanceOf(ArithmeticException.class);
        source.emit(2);
        assertThat(out).containsExactly(2, 5);
    }

    @Test
    void branchesRetainRefsPerDownstreamAndReleaseThemWhenDone() {
        Stream<Integer> source = Stream.create();
        List<Integer> seen = new ArrayList<>();
        RefCounter ref = new RefCounter();
        source.sink(x -> seen.add(ref.count()));
        source.map(x -> x).sink(x -> seen.add(ref.count()));
        source.emit(1, List.of(Map.of("ref", ref)));
        // the source retains once per branch; map retains once more for its own downstream
        assertThat(seen).containsExactly(2, 2);
        assertThat(ref.count()).isZero();
    }

    @Test
    void fourThreadsEmittingLoseNothingAndNeverRunUserCodeAtOnce() throws Exception {
        Stream<Integer> source = Stream.create();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        long[] count = {0};
        source.map(x -> {
            if (inside.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
            }
            inside.decrementAndGet();
            return x;
        }).sink(x -> count[0]++);
        int threads = 4;
        int perThread = 100_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    source.emit(i);
                }
            });
            th.start();
            ts.add(th);
        }
        go.countDown();
        for (Thread th : ts) {
            th.join();
        }
        assertThat(overlaps.get()).isZero();
        assertThat(count[0]).isEqualTo((long) threads * perThread);
    }
}
