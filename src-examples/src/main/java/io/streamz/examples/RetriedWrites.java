package io.streamz.examples;

import io.streamz.ErrorPolicy;
import io.streamz.Stream;
import io.streamz.features.Event;
import io.streamz.features.Flows;
import io.streamz.features.NoSqlOptions;
import io.streamz.features.Table;
import io.streamz.features.TableStorage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * storey's NoSQL target on a store that is down for its first two writes: the write is retried
 * with a doubling backoff (on a virtual clock) until it succeeds.
 */
public final class RetriedWrites {
    private RetriedWrites() {
    }

    /** Writes clicks every 10 s into a table whose first two writes fail. */
    public static void main(String[] args) {
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        try {
            // docs:start
            Table table = Table.of(failingFirstWrites(2));   // a store that is down for two writes
            Stream<Event<Map<String, Object>>> clicks = Stream.create("clicks");
            Stream<Event<Map<String, Object>>> writes = Flows.noSqlTarget(clicks, table, List.of("clicks"),
                    NoSqlOptions.defaults().withFlushInterval(Duration.ofSeconds(10)).withScheduler(clock)
                            .withWriter(Schedulers.immediate()))
                    .onError(ErrorPolicy.retry(3, Duration.ofSeconds(1)).orElse(ErrorPolicy.route()));
            writes.errors().sink(f -> System.out.println("gave up on " + f.element()));
            clicks.emit(Event.of(Map.of("clicks", 1), "ann", null));
            clock.advanceTimeBy(Duration.ofSeconds(10));
            System.out.println("10 s: " + table.get("ann") + ", retried " + writes.stats().retried());
            clock.advanceTimeBy(Duration.ofSeconds(1));
            System.out.println("11 s: " + table.get("ann") + ", retried " + writes.stats().retried());
            clock.advanceTimeBy(Duration.ofSeconds(2));
            System.out.println("13 s: " + table.get("ann") + ", retried " + writes.stats().retried());
            // docs:end
        } finally {
            clock.dispose();
        }
    }

    /** An in-memory store whose first {@code n} writes throw. */
    private static TableStorage failingFirstWrites(int n) {
        TableStorage memory = Table.inMemory().storage();
        return new TableStorage() {
            private int failures = n;

            @Override
            public Map<String, Object> get(String key) {
                return memory.get(key);
            }

            @Override
            public void put(String key, Map<String, Object> value) {
                if (failures > 0) {
                    failures--;
                    throw new IllegalStateException("store unavailable");
                }
                memory.put(key, value);
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
        };
    }
}
