package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.streamz.internal.Graph;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The races of the graph's guard: one CAS in, a plain store out, waiters that park for a bounded
 * time, reentrant holds, and waiting for back-pressure without holding the guard.
 */
class GuardTest {

    /** Runs {@code body} on {@code n} threads started together and waits for all of them. */
    private static void onThreads(int n, ThrowingRunnable body) throws Exception {
        CyclicBarrier start = new CyclicBarrier(n);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    body.run(id);
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "guard-test-" + t);
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        assertThat(failures).isEmpty();
    }

    interface ThrowingRunnable {
        void run(int thread) throws Exception;
    }

    @Test
    void eightThreadsTimesOneMillionEmitsLoseNothingAndNeverOverlap() throws Exception {
        Stream<Integer> source = Stream.create();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        long[] sum = {0};
        long[] count = {0};
        source.map(x -> {
            if (inside.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
            }
            inside.decrementAndGet();
            return x;
        }).sink(x -> {
            sum[0] += x;
            count[0]++;   // plain fields: the guard alone makes these safe
        });
        int perThread = 1_000_000;
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> onThreads(8, t -> {
            for (int i = 0; i < perThread; i++) {
                source.emit(i & 1);
            }
        }));
        source.graph().inside(() -> {
            assertThat(count[0]).isEqualTo(8L * perThread);
            assertThat(sum[0]).isEqualTo(8L * perThread / 2);
            return null;
        });
        assertThat(overlaps).hasValue(0);
    }

    @Test
    void aWaiterArrivingAsTheOwnerLeavesIsNeverLost() throws Exception {
        // thousands of hand-overs where the second thread starts to wait just as the first leaves:
        // a lost wake-up with an untimed park would hang here
        Graph g = new Graph();
        int rounds = 20_000;
        AtomicLong entries = new AtomicLong();
        assertTimeoutPreemptively(Duration.ofMinutes(1), () -> onThreads(2, t -> {
            for (int i = 0; i < rounds; i++) {
                g.enter();
                entries.incrementAndGet();
                if ((i & 7) == t) {
                    Thread.onSpinWait();
                }
                g.exit();
            }
        }));
        assertThat(entries).hasValue(2L * rounds);
    }

    @Test
    void reentrantHoldsAreCountedAndRestoredAfterWaiting() throws Exception {
        Graph g = new Graph();
        CompletableFuture<Void> pending = new CompletableFuture<>();
        AtomicInteger otherGotIn = new AtomicInteger();
        g.enter();
        g.enter();   // two holds
        Thread other = new Thread(() -> {
            g.enter();
            otherGotIn.incrementAndGet();
            pending.complete(null);   // completes the work the owner waits for, from inside the graph
            g.exit();
        });
        other.start();
        g.await(pending);   // gives up both holds, so the other thread gets in
        assertThat(otherGotIn).hasValue(1);
        assertThat(g.isHeldByCurrentThread()).isTrue();
        g.exit();
        assertThat(g.isHeldByCurrentThread()).isTrue();   // the second hold was restored
        g.exit();
        assertThat(g.isHeldByCurrentThread()).isFalse();
        other.join();
    }

    @Test
    void aFeedbackLoopReentersTheGraphOnTheSameThread() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = new ArrayList<>();
        source.sink(x -> {
            out.add(x);
            if (x > 0) {
                source.emit(x - 1);   // the sink feeds its own graph
            }
        });
        source.emit(3);
        assertThat(out).containsExactly(3, 2, 1, 0);
        assertThat(source.graph().isHeldByCurrentThread()).isFalse();
    }

    @Test
    void anEmitWaitingForATimerCompletedStageNeverDeadlocksWithTheTimer() throws Exception {
        // a waiter (emit held by an async sink) and a timer that must enter the graph to finish
        // the very work being waited for, on real threads, many times over
        Scheduler timers = Schedulers.newSingle("guard-timer");
        try {
            Stream<Integer> source = Stream.create();
            AtomicInteger ticks = new AtomicInteger();
            AtomicInteger sunk = new AtomicInteger();
            Stream<Integer> relay = Stream.create();
            relay.sink(x -> ticks.incrementAndGet());
            source.sinkAsync(x -> {
                CompletableFuture<Void> done = new CompletableFuture<>();
                timers.schedule(() -> {
                    relay.emit(x);   // enters the graph from the timer thread while emit waits
                    sunk.incrementAndGet();
                    done.complete(null);
                }, 1, TimeUnit.MICROSECONDS);
                return done;
            });
            source.connect(relay);   // one graph for both
            int rounds = 2_000;
            assertTimeoutPreemptively(Duration.ofMinutes(1), () -> {
                for (int i = 0; i < rounds; i++) {
                    source.emit(i);
                }
            });
            assertThat(sunk).hasValue(rounds);
            assertThat(ticks).hasValue(2 * rounds);   // one through connect, one from the timer
        } finally {
            timers.dispose();
        }
    }

    @Test
    void emittersAndAWaiterRaceWithoutLosingAnElement() throws Exception {
        // one thread waits for back-pressure (not holding the guard) while others keep emitting
        Stream<Integer> source = Stream.create();
        Stream<Integer> counted = source.map(x -> x);
        AtomicLong seen = new AtomicLong();
        counted.sink(x -> seen.incrementAndGet());
        Stream<Integer> slow = Stream.create();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch called = new CountDownLatch(1);
        slow.sinkAsync(x -> CompletableFuture.runAsync(() -> {
            called.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        slow.filter(x -> false).connect(counted);   // one graph, nothing passes
        int perThread = 50_000;
        assertTimeoutPreemptively(Duration.ofMinutes(1), () -> {
            CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> slow.emit(-1),
                    command -> new Thread(command, "guard-test-waiter").start());
            called.await();   // the waiter is in emit, waiting for the slow sink
            onThreads(4, t -> {
                for (int i = 0; i < perThread; i++) {
                    source.emit(i);
                }
            });
            release.countDown();
            waiter.join();
        });
        assertThat(seen).hasValue(4L * perThread);
    }
}
