package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A confined graph ({@link Stream#confined()}): run by one thread without atomic entries, and
 * every other thread that enters is refused with an exception naming the graph and both threads.
 */
class ConfinedGraphTest {

    /** Runs {@code body} on a new thread of that name and returns what it threw, or null. */
    private static Throwable onThread(String name, Runnable body) throws InterruptedException {
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                thrown[0] = e;
            }
        }, name);
        t.start();
        t.join();
        return thrown[0];
    }

    @Test
    void oneThreadRunsItReentrantlyAndAnotherThreadIsRefusedByName() throws Exception {
        Stream<Integer> source = Stream.<Integer>create("prices").confined();
        List<Integer> out = new ArrayList<>();
        source.map(x -> x + 1).sink(x -> {
            out.add(x);
            if (x < 3) {
                source.emit(x);   // a feedback loop enters again on the same thread
            }
        });

        assertThat(onThread("feeder", () -> source.emit(0))).isNull();   // built here, run there
        assertThat(out).containsExactly(1, 2, 3);

        Throwable refused = onThread("intruder", () -> source.emit(10));
        assertThat(refused).isInstanceOf(IllegalStateException.class)
                .hasMessage("the graph of stream \"prices\" is confined to thread \"feeder\"; "
                        + "entered on thread \"intruder\"");
        assertThat(out).containsExactly(1, 2, 3);
        assertThat(onThread("feeder-again", () -> source.emit(10))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void graphsJoinedToAConfinedGraphAreConfinedToo() throws Exception {
        Stream<Integer> a = Stream.<Integer>create("a").confined();
        Stream<Integer> b = Stream.create("b");
        List<Integer> out = a.union(b).sinkToList();
        assertThat(b.graph().isConfined()).isTrue();

        a.emit(1);
        b.emit(2);
        assertThat(out).containsExactly(1, 2);
        assertThat(onThread("other", () -> b.emit(3)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the graph of stream \"a\" is confined to thread \"" + Thread.currentThread().getName());
        assertThat(out).containsExactly(1, 2);
    }

    @Test
    void waitingForAsynchronousWorkIsRefused() {
        Stream<Integer> source = Stream.<Integer>create("slow").confined();
        CompletableFuture<Void> never = new CompletableFuture<>();
        source.sinkAsync(x -> never);
        assertThatThrownBy(() -> source.emit(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the graph of stream \"slow\" is confined to thread")
                .hasMessageContaining("waiting for asynchronous work");
    }

    @Test
    void theDefaultGraphIsNotConfined() throws Exception {
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.sinkToList();
        source.emit(1);
        assertThat(onThread("other", () -> source.emit(2))).isNull();
        assertThat(out).containsExactly(1, 2);
        assertThat(source.graph().isConfined()).isFalse();
    }

    @Test
    void ofThreadsRacingForAFreshConfinedGraphExactlyOneRunsIt() throws Exception {
        for (int round = 0; round < 50; round++) {
            Stream<Integer> source = Stream.<Integer>create().confined();
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            int[] count = {0};
            source.sink(x -> {
                if (inside.incrementAndGet() != 1) {
                    overlaps.incrementAndGet();
                }
                count[0]++;
                inside.decrementAndGet();
            });
            int threads = 4;
            int emits = 1000;
            CyclicBarrier start = new CyclicBarrier(threads);
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger other = new AtomicInteger();
            List<Thread> all = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread th = new Thread(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < emits; i++) {
                            source.emit(i);
                        }
                    } catch (IllegalStateException e) {
                        refused.incrementAndGet();
                    } catch (Exception e) {
                        other.incrementAndGet();
                    }
                }, "racer-" + t);
                th.start();
                all.add(th);
            }
            for (Thread th : all) {
                th.join();
            }
            assertThat(other).hasValue(0);
            assertThat(refused).hasValue(threads - 1);
            assertThat(overlaps).hasValue(0);
            assertThat(count[0]).isEqualTo(emits);
        }
    }
}
