package io.streamz.examples;

import io.streamz.Stream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import reactor.test.scheduler.VirtualTimeScheduler;
import reactor.util.function.Tuples;

/**
 * A storey flow in Java: a source of events, Map, Filter, Extend, Choice into two sinks,
 * MapWithState keyed by user and Batch, on a virtual clock so that it is instant and always
 * prints the same.
 */
public final class StoreyFlow {
    private StoreyFlow() {
    }

    /** Prints the purchases to review, the batches with each user's running total, and a count. */
    public static void main(String[] args) {
        // docs:start
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        Stream<Map<String, Object>> source = Stream.create("events");                   // SyncEmitSource

        Stream<Map<String, Object>> purchases = source
                .map(e -> with(e, "amount", Double.parseDouble((String) e.get("amount")))) // Map
                .filter(e -> e.get("activity").equals("purchase"))                         // Filter
                .map(e -> with(e, "large", (Double) e.get("amount") >= 100));              // Extend

        purchases.filter(e -> (Boolean) e.get("large"))                                    // Choice
                .sink(e -> System.out.println("review: " + e.get("user") + " spent " + e.get("amount")
                        + " at " + e.get("time") + " s"));
        List<Map<String, Object>> regular = purchases.filter(e -> !(Boolean) e.get("large")).sinkToList();

        purchases.accumulateWithState((Map<String, Double> totals, Map<String, Object> e) -> {  // MapWithState
                    double total = totals.merge((String) e.get("user"), (Double) e.get("amount"), Double::sum);
                    return Tuples.of(totals, with(e, "user_total", total));
                }, new HashMap<String, Double>())
                .partition(4, Duration.ofSeconds(10), clock)                                // Batch
                .sink(batch -> System.out.println("at " + clock.now(TimeUnit.SECONDS) + " s, a batch of " + batch.size()
                        + ": " + batch.stream().map(e -> e.get("user") + " " + e.get("amount")
                        + " (total " + e.get("user_total") + ")").toList()));

        String log = """
                0 ann click 0
                1 bob click 0
                2 ann purchase 35.50
                4 cy click 0
                5 bob purchase 12.00
                6 ann click 0
                8 cy purchase 149.90
                9 dee click 0
                11 bob purchase 8.25
                13 ann purchase 20.00
                15 dee purchase 64.00
                16 cy click 0
                21 bob click 0
                24 ann click 0
                25 ann purchase 210.00
                31 dee click 0
                33 dee purchase 5.75
                35 bob purchase 17.40
                47 cy click 0
                48 cy purchase 22.10
                52 ann click 0
                53 bob click 0
                54 bob purchase 99.99
                55 dee purchase 120.00
                57 ann purchase 14.30
                61 cy click 0
                64 dee click 0
                70 cy purchase 42.00
                71 ann click 0
                72 bob click 0
                """;
        for (String line : log.lines().toList()) {
            String[] f = line.split(" ");
            clock.advanceTimeTo(Instant.ofEpochSecond(Long.parseLong(f[0])));
            source.emit(Map.of("time", Integer.parseInt(f[0]), "user", f[1], "activity", f[2], "amount", f[3]));
        }
        clock.advanceTimeBy(Duration.ofSeconds(10));                                        // the last batch times out
        System.out.println(regular.size() + " regular purchases");
        // docs:end
    }

    /**
     * A copy of {@code event} with one more field, in the order of the original; storey's Extend
     * merges the fields its function returns in the same way.
     */
    static Map<String, Object> with(Map<String, Object> event, String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>(event);
        out.put(key, value);
        return out;
    }
}
