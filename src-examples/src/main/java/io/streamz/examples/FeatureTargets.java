package io.streamz.examples;

import io.streamz.Stream;
import io.streamz.features.BatchOptions;
import io.streamz.features.Event;
import io.streamz.features.Flows;
import io.streamz.features.NoSqlOptions;
import io.streamz.features.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * storey's targets: a NoSQL target that writes every 10 seconds (on a virtual clock), and a CSV
 * target of list bodies with the event's key as a column.
 */
public final class FeatureTargets {
    private FeatureTargets() {
    }

    /** Writes clicks into a table every 10 s, then rows of lists into a CSV file. */
    public static void main(String[] args) throws Exception {
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        try {
            // docs:start
            Table table = Table.inMemory();
            Stream<Event<Map<String, Object>>> clicks = Stream.create("clicks");
            Flows.noSqlTarget(clicks, table, List.of("clicks", "last_page=page"), NoSqlOptions.defaults()
                    .withFlushInterval(Duration.ofSeconds(10)).withScheduler(clock).withWriter(Schedulers.immediate()));
            clicks.emit(Event.of(Map.of("clicks", 1, "page", "/"), "ann", null));
            clicks.emit(Event.of(Map.of("clicks", 2, "page", "/cart"), "ann", null));
            System.out.println("at once: " + table.get("ann"));
            clock.advanceTimeBy(Duration.ofSeconds(10));
            System.out.println("after 10 s: " + table.get("ann"));

            Path file = Files.createTempFile("clicks", ".csv");
            Files.delete(file);
            Stream<Event<List<Object>>> rows = Stream.create("rows");
            Flows.csvTarget(rows, file, List.of("user=$key", "clicks", "page"), true, BatchOptions.atEnd());
            rows.emit(Event.of(List.of(3, "/"), "ann", null));
            rows.emit(Event.of(List.of(1, "/cart"), "bob", null));
            rows.emitEnd();
            System.out.print(Files.readString(file));
            // docs:end
            Files.delete(file);
        } finally {
            clock.dispose();
        }
    }
}
