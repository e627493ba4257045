package io.streamz.benchmarks;

import io.streamz.Stream;
import io.streamz.features.AggregateOptions;
import io.streamz.features.FeatureTable;
import io.streamz.features.Features;
import io.streamz.features.FieldAggregator;
import io.streamz.features.SlidingWindows;
import io.streamz.features.Table;
import io.streamz.features.rocksdb.RocksDbStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * storey's {@code AggregateByKey} at scale: 100,000 keys, sliding windows of 1h, 2h and 24h in
 * 10-minute buckets, count, sum, min and max of one field (12 features per event), events about
 * 1 ms apart in event time. {@code aggregate} is the node end to end (aggregate and emit the
 * enriched event) with the table in memory or in RocksDB (committed every 10,000 events), one
 * event per {@code emit}; {@code batched} is the same events in lists of 1,000 into
 * {@code aggregateByKeyBatched}, as from a source that emits batches ({@code fromKafkaBatched});
 * {@code mixed} runs the aggregation on one thread and {@code FeatureTable.query} on another, for
 * the query latency percentiles ({@code -bm sample}). The value and the time are read by primitive
 * getters, as a user with events of their own type would write it.
 *
 * <pre>{@code
 * Features.aggregateByKeyMillis(source, Ev::key, Ev::t, table, AggregateOptions.defaults()).sink(out)
 * }</pre>
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 15, time = 1)   // about ten batches of 1 M events pass before the JIT is done
public class AggregateByKeyBench {
    static final int KEYS = 100_000;
    static final int BATCH = 1_000_000;
    /** Events per list of the {@code batched} group. */
    static final int LIST = 1_000;
    static final Instant BASE = Instant.parse("2024-05-01T00:00:00Z");

    /** An event: its key, event time in epoch milliseconds, and value. */
    record Ev(String key, long t, double v) {
    }

    @Param({"memory", "rocksdb"})
    public String store;

    private final String[] keys = new String[KEYS];
    private final int[] keyOf = new int[BATCH];
    private final long[] timeOf = new long[BATCH];
    private final double[] valueOf = new double[BATCH];
    private Stream<Ev> source;
    private Stream<List<Ev>> lists;
    private FeatureTable table;
    private Table storage;
    private Path dir;
    private long next;
    private long emitted;
    private SplittableRandom random;

    static List<FieldAggregator> aggregators() {
        return List.of(FieldAggregator.ofDouble("v", Ev::v, List.of("count", "sum", "min", "max"),
                SlidingWindows.of(List.of("1h", "2h", "24h"), "10m")));
    }

    @Setup(Level.Trial)
    public void build(Blackhole bh) throws IOException {
        for (int i = 0; i < KEYS; i++) {
            keys[i] = "user-" + i;
        }
        random = new SplittableRandom(42);
        if (store.equals("rocksdb")) {
            dir = Files.createTempDirectory("aggregate-by-key");
            storage = Table.of(RocksDbStorage.open(dir));
            table = FeatureTable.of(aggregators(), storage);
        } else {
            table = FeatureTable.of(aggregators());
        }
        source = Stream.create();
        Features.aggregateByKeyMillis(source, Ev::key, Ev::t, table, AggregateOptions.defaults()).sink(bh::consume);
        lists = Stream.create();
        Features.aggregateByKeyBatched(lists, Ev::key, Ev::t, table, AggregateOptions.defaults()).sink(bh::consume);
    }

    /**
     * The next million events' keys, times and values, drawn before they are measured; each
     * {@code Ev} is made as it is emitted, as a source decoding records would, so that it dies
     * young instead of a million of them staying reachable through the batch and being copied by
     * every young collection during the measurement.
     */
    @Setup(Level.Invocation)
    public void nextBatch() {
        for (int i = 0; i < BATCH; i++) {
            keyOf[i] = random.nextInt(KEYS);
            timeOf[i] = BASE.toEpochMilli() + next++;
            valueOf[i] = random.nextInt(1000) / 10.0;
        }
    }

    @Benchmark
    @Group("aggregate")
    @GroupThreads(1)
    @OperationsPerInvocation(BATCH)
    public void aggregate() {
        emitAll();
    }

    private void emitAll() {
        for (int i = 0; i < BATCH; i++) {
            source.emit(new Ev(keys[keyOf[i]], timeOf[i], valueOf[i]));
            if (storage != null && ++emitted % 10_000 == 0) {
                table.commit(Map.of("$offsets", Map.of("next", emitted)));
            }
        }
    }

    @Benchmark
    @Group("batched")
    @GroupThreads(1)
    @OperationsPerInvocation(BATCH)
    public void batched() {
        Ev[] list = new Ev[LIST];
        for (int i = 0; i < BATCH; i += LIST) {
            for (int j = 0; j < LIST; j++) {
                list[j] = new Ev(keys[keyOf[i + j]], timeOf[i + j], valueOf[i + j]);
            }
            lists.emit(Arrays.asList(list));
            if (storage != null && (emitted += LIST) % 10_000 == 0) {
                table.commit(Map.of("$offsets", Map.of("next", emitted)));
            }
        }
    }

    @Benchmark
    @Group("mixed")
    @GroupThreads(1)
    @OperationsPerInvocation(BATCH)
    public void mixedAggregate() {
        emitAll();
    }

    @Benchmark
    @Group("mixed")
    @GroupThreads(1)
    public Object mixedQuery() {
        return table.query(keys[java.util.concurrent.ThreadLocalRandom.current().nextInt(KEYS)],
                Instant.ofEpochMilli(BASE.toEpochMilli() + next));
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        if (storage != null) {
            storage.close();
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Bytes per key: the heap a table of 100,000 keys holds after two million events (about a day
     * of event time), and the size of the same table in a RocksDB directory.
     *
     * @param args none
     */
    public static void main(String[] args) throws Exception {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        FeatureTable memory = FeatureTable.of(aggregators());
        feed(memory, false);
        System.gc();
        long heap = rt.totalMemory() - rt.freeMemory() - before;
        Path dir = Files.createTempDirectory("aggregate-by-key-size");
        long disk;
        try (Table storage = Table.of(RocksDbStorage.open(dir))) {
            FeatureTable durable = FeatureTable.of(aggregators(), storage);
            feed(durable, true);
            durable.commit(Map.of());
            storage.flush();
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                disk = files.filter(Files::isRegularFile).mapToLong(p -> {
                    try {
                        return Files.size(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).sum();
            }
        }
        System.out.printf("keys=%d: heap %d B/key, RocksDB directory %d B/key%n", memory.keys().size(),
                heap / KEYS, disk / KEYS);
    }

    private static void feed(FeatureTable table, boolean durable) {
        Stream<Ev> source = Stream.create();
        Features.aggregateByKeyMillis(source, Ev::key, Ev::t, table, AggregateOptions.defaults());
        SplittableRandom random = new SplittableRandom(42);
        for (long i = 0; i < 2_000_000; i++) {
            source.emit(new Ev("user-" + random.nextInt(KEYS), BASE.toEpochMilli() + i * 43, random.nextInt(1000) / 10.0));
            if (durable && i % 100_000 == 99_999) {
                table.commit(Map.of());
            }
        }
    }
}
