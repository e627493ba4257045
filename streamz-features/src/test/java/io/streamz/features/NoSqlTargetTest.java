package io.streamz.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.ErrorPolicy;
import io.streamz.Failure;
import io.streamz.NodeException;
import io.streamz.RefCounter;
import io.streamz.Stream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

/** noSqlTarget's flush interval and max updates in flight (storey's Table options). */
class NoSqlTargetTest {
    private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();

    /** A storage whose writes wait for a gate, counting how many run at once and per key. */
    private static final class GatedStorage implements TableStorage {
        final TableStorage memory = Table.inMemory().storage();
        final CountDownLatch gate = new CountDownLatch(1);
        final CountDownLatch twoWriting = new CountDownLatch(2);
        final AtomicInteger writing = new AtomicInteger();
        final AtomicInteger mostWriting = new AtomicInteger();
        final Map<String, Integer> puts = new java.util.concurrent.ConcurrentHashMap<>();
        volatile int failFirst;

        @Override
        public Map<String, Object> get(String key) {
            return memory.get(key);
        }

        @Override
        public void put(String key, Map<String, Object> value) {
            mostWriting.accumulateAndGet(writing.incrementAndGet(), Math::max);
            try {
                twoWriting.countDown();
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("gate never opened");
                }
                if (puts.merge(key, 1, Integer::sum) <= failFirst) {
                    throw new IllegalStateException("store unavailable");
                }
                memory.put(key, value);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                writing.decrementAndGet();
            }
        }

        @Override
        public void delete(String key) {
            memory.delete(key);
        }

        @Override
        public List<String> keys() {
            return memory.keys();
        }

        @Override
        public void close() {
        }
    }

    private NoSqlOptions every10s() {
        return NoSqlOptions.defaults().withFlushInterval(Duration.ofSeconds(10)).withScheduler(clock)
                .withWriter(Schedulers.immediate());
    }

    private static Event<Map<String, Object>> event(Object key, Map<String, Object> body) {
        return Event.of(body, key, null);
    }

    @Test
    void storeysDefaultsAndOptionsPrintAsTyped() {
        assertThat(NoSqlOptions.defaults()).hasToString("NoSqlOptions(flushInterval=5m, maxUpdatesInFlight=8)");
        assertThat(NoSqlOptions.everyEvent().withMaxUpdatesInFlight(2))
                .hasToString("NoSqlOptions(flushInterval=none, maxUpdatesInFlight=2)");
    }

    @Test
    void withAnIntervalEventsGoOnAtOnceAndTheirRefsAreHeldUntilTheirKeyIsWritten() {
        Table table = Table.inMemory();
        Stream<Event<Map<String, Object>>> events = Stream.create();
        Stream<Event<Map<String, Object>>> target = Flows.noSqlTarget(events, table, List.of("clicks", "page"), every10s());
        List<Event<Map<String, Object>>> out = target.sinkToList();
        RefCounter a1 = new RefCounter();
        RefCounter a2 = new RefCounter();
        RefCounter b1 = new RefCounter();
        events.emit(event("ann", Map.of("clicks", 3, "page", "/")), List.of(Map.of("ref", a1)));
        events.emit(event("ann", Map.of("clicks", 4)), List.of(Map.of("ref", a2)));
        clock.advanceTimeBy(Duration.ofSeconds(5));
        events.emit(event("bob", Map.of("clicks", 1)), List.of(Map.of("ref", b1)));
        assertThat(out).hasSize(3);
        assertThat(table.keys()).isEmpty();
        assertThat(List.of(a1.count(), a2.count(), b1.count())).containsExactly(1, 1, 1);
        assertThat(target.stats().held()).isEqualTo(3);

        clock.advanceTimeBy(Duration.ofSeconds(5));   // 10 s after the first change
        assertThat(table.get("ann")).isEqualTo(Map.of("clicks", 4, "page", "/"));
        assertThat(table.get("bob")).isEqualTo(Map.of("clicks", 1));
        assertThat(List.of(a1.count(), a2.count(), b1.count())).containsExactly(0, 0, 0);
        assertThat(target.stats().held()).isZero();

        RefCounter c1 = new RefCounter();
        events.emit(event("cid", Map.of("clicks", 7)), List.of(Map.of("ref", c1)));
        clock.advanceTimeBy(Duration.ofSeconds(9));
        assertThat(table.get("cid")).isNull();
        events.emitEnd().join();   // the end writes what is held before it goes on
        assertThat(table.get("cid")).isEqualTo(Map.of("clicks", 7));
        assertThat(c1.count()).isZero();
    }

    @Test
    void aFailedTimedWriteKeepsItsChangeAndRefsForTheNextInterval() {
        GatedStorage storage = new GatedStorage();
        storage.gate.countDown();
        storage.failFirst = 1;
        Table table = Table.of(storage);
        Stream<Event<Map<String, Object>>> events = Stream.create();
        Stream<Event<Map<String, Object>>> target = Flows.noSqlTarget(events, table, List.of(), every10s());
        RefCounter ref = new RefCounter();
        events.emit(event("ann", Map.of("clicks", 3)), List.of(Map.of("ref", ref)));
        clock.advanceTimeBy(Duration.ofSeconds(10));
        assertThat(table.get("ann")).isNull();
        assertThat(target.stats().failed()).isEqualTo(1);
        assertThat(ref.count()).isEqualTo(1);
        events.emit(event("ann", Map.of("page", "/")));
        clock.advanceTimeBy(Duration.ofSeconds(10));
        assertThat(table.get("ann")).isEqualTo(Map.of("clicks", 3, "page", "/"));
        assertThat(ref.count()).isZero();
        assertThat(storage.puts).containsEntry("ann", 2);
    }

    @Test
    void aWriteThatFailsAtTheEndFailsTheEnd() {
        GatedStorage storage = new GatedStorage();
        storage.gate.countDown();
        storage.failFirst = 1;
        Stream<Event<Map<String, Object>>> events = Stream.create();
        Flows.noSqlTarget(events, Table.of(storage), List.of(), every10s());
        events.emit(event("ann", Map.of("clicks", 3)));
        assertThatThrownBy(() -> events.emitEnd().join()).hasRootCauseMessage("store unavailable")
                .hasMessageContaining("noSqlTarget").hasMessageContaining("writing at the end of the input failed");
    }

    @Test
    void eachEventGoesOnAfterItsWriteWithAtMostMaxUpdatesInFlightAndOneWritePerKey() throws Exception {
        GatedStorage storage = new GatedStorage();
        Table table = Table.of(storage);
        Scheduler writer = Schedulers.newBoundedElastic(4, 100, "nosql-test");
        try {
            Stream<Event<Map<String, Object>>> events = Stream.create();
            Stream<Event<Map<String, Object>>> target = Flows.noSqlTarget(events, table, List.of(),
                    NoSqlOptions.everyEvent().withMaxUpdatesInFlight(2).withWriter(writer));
            List<Object> out = new ArrayList<>();
            target.sink(e -> out.add(e.key() + "" + e.body()));
            RefCounter ref = new RefCounter();
            List<CompletableFuture<Void>> emits = new ArrayList<>();
            emits.add(events.emitAsync(event("k0", Map.of("a", 1)), List.of(Map.of("ref", ref))));
            for (String k : List.of("k1", "k2", "k3")) {
                emits.add(events.emitAsync(event(k, Map.of("a", 1))));
            }
            emits.add(events.emitAsync(event("k0", Map.of("b", 2))));
            emits.add(events.emitAsync(event("k0", Map.of("c", 3))));
            assertThat(storage.twoWriting.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(out).isEmpty();   // nothing goes on before its write
            assertThat(ref.count()).isEqualTo(1);
            assertThat(target.stats().queued()).isEqualTo(3);   // k2, k3, and k0's second change
            assertThat(target.stats().held()).isEqualTo(6);
            storage.gate.countDown();
            CompletableFuture.allOf(emits.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
            assertThat(storage.mostWriting.get()).isEqualTo(2);
            assertThat(table.get("k0")).isEqualTo(Map.of("a", 1, "b", 2, "c", 3));
            assertThat(storage.puts).containsEntry("k0", 2);   // b and c merged into one write
            assertThat(out).hasSize(6).contains("k0{a=1}", "k0{b=2}", "k0{c=3}", "k3{a=1}");
            assertThat(ref.count()).isZero();
            assertThat(target.stats().held()).isZero();
        } finally {
            writer.dispose();
        }
    }

    @Test
    void aFailedWriteFailsItsEventsThroughThePolicy() {
        GatedStorage storage = new GatedStorage();
        storage.gate.countDown();
        storage.failFirst = 1;
        Stream<Event<Map<String, Object>>> events = Stream.create();
        Flows.noSqlTarget(events, Table.of(storage), List.of(), NoSqlOptions.everyEvent());
        CompletableFuture<Void> emitted = events.emitAsync(event("ann", Map.of("clicks", 3)));
        assertThatThrownBy(() -> emitted.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(NodeException.class).hasMessageContaining("noSqlTarget")
                .hasMessageContaining("ann").hasRootCauseMessage("store unavailable");
    }

    /** A table over an in-memory storage whose first {@code k} writes of each key fail. */
    private static GatedStorage failingFirst(int k) {
        GatedStorage storage = new GatedStorage();
        storage.gate.countDown();
        storage.failFirst = k;
        return storage;
    }

    /** A target writing every 10 s into {@code table} under {@code policy}. */
    private Stream<Event<Map<String, Object>>> every10s(Stream<Event<Map<String, Object>>> events, Table table,
            ErrorPolicy policy) {
        return Flows.noSqlTarget(events, table, List.of(), every10s()).onError(policy);
    }

    @Test
    void retryWritesTheSameMergedChangeAgainAfterTheBackoffAndLaterChangesWaitForIt() {
        GatedStorage storage = failingFirst(2);
        Table table = Table.of(storage);
        Stream<Event<Map<String, Object>>> events = Stream.create();
        Stream<Event<Map<String, Object>>> target = every10s(events, table, ErrorPolicy.retry(3, Duration.ofSeconds(1)));
        RefCounter first = new RefCounter();
        RefCounter second = new RefCounter();
        events.emit(event("ann", Map.of("clicks", 3, "page", "/")), List.of(Map.of("ref", first)));
        events.emit(event("ann", Map.of("clicks", 4)), List.of(Map.of("ref", first)));
        clock.advanceTimeBy(Duration.ofSeconds(10));   // write 1 fails
        events.emit(event("ann", Map.of("page", "/cart")), List.of(Map.of("ref", second)));
        clock.advanceTimeBy(Duration.ofSeconds(1));    // write 2, after 1 s, fails
        assertThat(storage.puts).containsEntry("ann", 2);
        assertThat(table.get("ann")).isNull();
        assertThat(first.count()).isEqualTo(2);
        assertThat(target.stats().retried()).isEqualTo(2);

        clock.advanceTimeBy(Duration.ofSeconds(2));    // write 3, after 2 s more, sends the same row
        assertThat(table.get("ann")).isEqualTo(Map.of("clicks", 4, "page", "/"));
        assertThat(first.count()).isZero();
        assertThat(second.count()).isEqualTo(1);       // the later change waits for its own interval
        assertThat(target.stats().held()).isEqualTo(1);

        clock.advanceTimeBy(Duration.ofSeconds(7));    // 10 s after the later change came
        assertThat(table.get("ann")).isEqualTo(Map.of("clicks", 4, "page", "/cart"));
        assertThat(second.count()).isZero();
        assertThat(storage.puts).containsEntry("ann", 4);
        assertThat(target.stats().failed()).isZero();
        assertThat(target.stats().held()).isZero();
    }

    @Test
    void whenRetriesRunOutRouteSendsAFailurePerEventNamingTheNodeAndReleasesTheRefs() {
        GatedStorage storage = failingFirst(Integer.MAX_VALUE);
        Stream<Event<Map<String, Object>>> events = Stream.create();
        Stream<Event<Map<String, Object>>> target = every10s(events, Table.of(storage),
                ErrorPolicy.retry(2, Duration.ofSeconds(1)).orElse(ErrorPolicy.route())).named("clicks");
        List<Failure> failures = target.errors().sinkToList();
        RefCounter ref = new RefCounter();
        events.emit(event("ann", Map.of("clicks", 3)), List.of(Map.of("ref", ref)));
        events.emit(event("ann", Map.of("clicks", 4)), List.of(Map.of("ref", ref)));
        clock.advanceTimeBy(Duration.ofSeconds(10));
        assertThat(failures).isEmpty();
        assertThat(ref.count()).isEqualTo(2);
        clock.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(failures).hasSize(2).allSatisfy(f -> assertThat(f.node()).isSameAs(target)
                .hasToString(target.toString()).asString().startsWith("noSqlTarget \"clicks\""));
        assertThat(failures).extracting(f -> (Object) ((Event<?>) f.element()).body())
                .containsExactly(Map.of("clicks", 3), Map.of("clicks", 4));
        assertThat(failures).allSatisfy(f -> {
            assertThat(f.attempts()).isEqualTo(2);
            assertThat(f.error()).hasMessage("store unavailable");
        });
        assertThat(ref.count()).isZero();
        assertThat(target.stats().routed()).isEqualTo(2);
        assertThat(target.stats().held()).isZero();
        events.emitEnd().join();   // nothing is kept for the end to write
        assertThat(storage.puts).containsEntry("ann", 2);
    }

    @Test
    void skipDropsAChangeThatCannotBeWrittenAndReleasesItsRefs() {
        Stream<Event<Map<String, Object>>> events = Stream.create();
        Stream<Event<Map<String, Object>>> target = every10s(events, Table.of(failingFirst(1)), ErrorPolicy.skip());
        RefCounter ref = new RefCounter();
        events.emit(event("ann", Map.of("clicks", 3)), List.of(Map.of("ref", ref)));
        clock.advanceTimeBy(Duration.ofSeconds(10));
        assertThat(ref.count()).isZero();
        assertThat(target.stats().skipped()).isEqualTo(1);
        assertThat(target.stats().held()).isZero();
        clock.advanceTimeBy(Duration.ofSeconds(60));
        assertThat(target.stats().failed()).isZero();   // not kept, not written again
    }

    @Test
    void retryThenPropagateKeepsTheChangeForTheNextIntervalAsWithoutRetry() {
        Stream<Event<Map<String, Object>>> events = Stream.create();
        Table table = Table.of(failingFirst(2));
        Stream<Event<Map<String, Object>>> target = every10s(events, table, ErrorPolicy.retry(2, Duration.ofSeconds(1)));
        RefCounter ref = new RefCounter();
        events.emit(event("ann", Map.of("clicks", 3)), List.of(Map.of("ref", ref)));
        clock.advanceTimeBy(Duration.ofSeconds(11));
        assertThat(target.stats().retried()).isEqualTo(1);
        assertThat(target.stats().failed()).isEqualTo(1);
        assertThat(ref.count()).isEqualTo(1);
        clock.advanceTimeBy(Duration.ofSeconds(10));
        assertThat(table.get("ann")).isEqualTo(Map.of("clicks", 3));
        assertThat(ref.count()).isZero();
    }

    @Test
    void theEndWaitsForARetriedWrite() {
        Table table = Table.of(failingFirst(1));
        Stream<Event<Map<String, Object>>> events = Stream.create();
        every10s(events, table, ErrorPolicy.retry(2, Duration.ofSeconds(1)));
        events.emit(event("ann", Map.of("clicks", 3)));
        CompletableFuture<?> end = events.emitEnd();
        assertThat(end).isNotDone();
        clock.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(end).isCompleted();
        assertThat(table.get("ann")).isEqualTo(Map.of("clicks", 3));
    }

    @Test
    void withoutAnIntervalARetriedEventGoesOnOnceWrittenAndSkipLetsItsEmitReturn() {
        NoSqlOptions eachEvent = NoSqlOptions.everyEvent().withScheduler(clock).withWriter(Schedulers.immediate());
        Table table = Table.of(failingFirst(1));
        Stream<Event<Map<String, Object>>> events = Stream.create();
        Stream<Event<Map<String, Object>>> target = Flows.noSqlTarget(events, table, List.of(), eachEvent)
                .onError(ErrorPolicy.retry(2, Duration.ofSeconds(1)).orElse(ErrorPolicy.skip()));
        List<Event<Map<String, Object>>> out = target.sinkToList();
        RefCounter ref = new RefCounter();
        CompletableFuture<Void> emitted = events.emitAsync(event("ann", Map.of("clicks", 3)), List.of(Map.of("ref", ref)));
        assertThat(emitted).isNotDone();
        assertThat(ref.count()).isEqualTo(1);
        clock.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(emitted).isCompleted();
        assertThat(out).hasSize(1);
        assertThat(table.get("ann")).isEqualTo(Map.of("clicks", 3));
        assertThat(ref.count()).isZero();

        Stream<Event<Map<String, Object>>> more = Stream.create();
        Stream<Event<Map<String, Object>>> skipping = Flows.noSqlTarget(more, Table.of(failingFirst(5)), List.of(),
                eachEvent).onError(ErrorPolicy.retry(2, Duration.ofSeconds(1)).orElse(ErrorPolicy.skip()));
        List<Event<Map<String, Object>>> none = skipping.sinkToList();
        CompletableFuture<Void> skipped = more.emitAsync(event("bob", Map.of("clicks", 1)), List.of(Map.of("ref", ref)));
        clock.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(skipped).isCompleted();
        assertThat(none).isEmpty();
        assertThat(ref.count()).isZero();
        assertThat(skipping.stats().skipped()).isEqualTo(1);
    }

    @Test
    void badInputNamesTheNodeAndTheValue() {
        Stream<Event<Map<String, Object>>> events = Stream.create();
        Table table = Table.inMemory();
        Flows.noSqlTarget(events, table, List.of("clicks"), every10s());
        assertThatThrownBy(() -> events.emit(Event.of(Map.of("clicks", 1), null, null)))
                .isInstanceOf(NodeException.class).hasMessageContaining("noSqlTarget")
                .hasMessageContaining("clicks=1").hasRootCauseMessage("noSqlTarget: the event has no key");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Event<Map<String, Object>> notAMap = (Event) Event.of("click", "ann", null);
        assertThatThrownBy(() -> events.emit(notAMap)).isInstanceOf(NodeException.class)
                .hasMessageContaining("noSqlTarget").hasRootCauseMessage("the event's body must be a Map, was \"click\" (String)");
        assertThatThrownBy(() -> NoSqlOptions.defaults().withMaxUpdatesInFlight(0))
                .hasMessage("NoSqlOptions: maxUpdatesInFlight must be >= 1, was 0");
        assertThatThrownBy(() -> NoSqlOptions.defaults().withFlushInterval(Duration.ofSeconds(-1)))
                .hasMessageContaining("NoSqlOptions").hasMessageContaining("flushInterval").hasMessageContaining("-1s");
        assertThatThrownBy(() -> Flows.noSqlTarget(events, table, List.of(), null)).hasMessage("noSqlTarget: options is null");
        assertThat(table.keys()).isEmpty();
    }
}
