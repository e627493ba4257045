package io.streamz.features.rocksdb;

import io.streamz.Stream;
import io.streamz.features.AggregateOptions;
import io.streamz.features.FeatureTable;
import io.streamz.features.Features;
import io.streamz.features.FieldAggregator;
import io.streamz.features.SlidingWindows;
import io.streamz.features.FixedWindows;
import io.streamz.features.Table;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The pipeline {@link RestartTest} runs in a child JVM and kills: aggregates a deterministic
 * sequence of events into a RocksDB-backed {@link FeatureTable}, committing the buckets and the
 * position in the sequence together every {@code commitEvery} events, and resuming from the
 * committed position when started again.
 *
 * <p>Arguments: the database directory, the number of events, events per commit, and the event
 * after which to stop and wait to be killed ({@code -1}: never). It prints {@code resumed N},
 * {@code committed N}, {@code waiting N} and {@code done}.
 */
public final class RestartPipeline {
    static final Instant BASE = Instant.parse("2024-05-01T00:00:00Z");

    private RestartPipeline() {
    }

    /** The aggregators of the pipeline. */
    static List<FieldAggregator> aggregators() {
        return List.of(
                FieldAggregator.of("v", "v", List.of("count", "sum", "min", "max", "first", "last", "avg"),
                        SlidingWindows.of(List.of("10m", "1h", "2h"), "5m")),
                FieldAggregator.of("f", "v", List.of("count", "sum"), FixedWindows.of(List.of("1h", "3h"))),
                FieldAggregator.of("odd", "v", List.of("count", "sum"), SlidingWindows.of(List.of("30m"), "10m"))
                        .withFilter((Map<String, Object> e) -> (Integer) e.get("v") % 2 != 0));
    }

    /** Event {@code i} of the sequence: 150 keys, about 4 s apart, every 7th one a minute and a half late. */
    static Map<String, Object> event(int i) {
        long t = BASE.toEpochMilli() + i * 4_000L - (i % 7 == 0 ? 90_000L : 0);
        return Map.of("key", "k" + Math.floorMod(i * 31 + 7, 150), "v", Math.floorMod(i * 17, 23) - 5,
                "time", Instant.ofEpochMilli(t));
    }

    /** Runs the pipeline; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int events = Integer.parseInt(args[1]);
        int commitEvery = Integer.parseInt(args[2]);
        int waitAfter = Integer.parseInt(args[3]);
        try (Table storage = Table.of(RocksDbStorage.open(dir))) {
            FeatureTable table = FeatureTable.of(aggregators(), storage);
            Stream<Map<String, Object>> source = Stream.create();
            Features.aggregateByKey(source, "key", "time", table, AggregateOptions.defaults());
            Map<String, Object> offsets = storage.get("$offsets");
            int next = offsets == null ? 0 : ((Long) offsets.get("next")).intValue();
            System.out.println("resumed " + next);
            for (int i = next; i < events; i++) {
                source.emit(event(i));
                if ((i + 1) % commitEvery == 0 || i + 1 == events) {
                    table.commit(Map.of("$offsets", Map.of("next", (long) (i + 1))));
                    System.out.println("committed " + (i + 1));
                }
                if (i == waitAfter) {
                    System.out.println("waiting " + (i + 1));
                    System.out.flush();
                    System.in.read();   // processed, not committed: killed here
                }
            }
            System.out.println("done");
        }
    }
}
