package io.streamz.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
