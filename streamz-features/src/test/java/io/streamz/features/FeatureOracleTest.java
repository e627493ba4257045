package io.streamz.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamz.Stream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every aggregation, incremental and queried, against a recomputation over all the events each
 * aggregator accepted, with storey's rules written out plainly: per key and aggregator, the kept
 * buckets are the windows' least common multiple up to the newest (sliding: never before the key's
 * first bucket; fixed: the current block of that multiple); an older event is not counted and gets
 * none of that aggregator's features; windows reaching before the kept buckets count what is kept;
 * an event an aggregator does not count reports it as of its last value.
 */
class FeatureOracleTest {
    private static final List<String> ALL =
            List.of("count", "sum", "sqr", "avg", "min", "max", "first", "last", "stddev", "stdvar");
    private static final long MINUTE = 60_000;

    private record Ev(String key, long t, double v) { }

    /** A window as the oracle sees it: sliding over period buckets, or fixed and aligned to the epoch. */
    private record Win(String name, String label, long length, long period, boolean fixed, boolean positiveOnly) {
        Win(String name, String label, long length, long period, boolean fixed) {
            this(name, label, length, period, fixed, false);
        }

        boolean counts(Ev e) {
            return !positiveOnly || e.v() > 0;
        }

        /** Buckets kept: the least common multiple of this aggregator's windows, in buckets. */
        long kept() {
            return name.equals("s") ? 12 : name.equals("f") ? 4 : name.equals("l") ? 1080 : 3;
        }

        long lowest(long head, long first) {
            return fixed ? Math.floorDiv(head, kept()) * kept() : Math.max(first, head - kept() + 1);
        }

        boolean includes(long eventTime, long at) {
            long b = Math.floorDiv(at, period);
            long eb = Math.floorDiv(eventTime, period);
            if (fixed) {
                return eb <= b && Math.floorDiv(eventTime, length) == Math.floorDiv(at, length);
            }
            return eb <= b && eb > b - length / period;
        }
    }

    private static final List<Win> WINS = List.of(
            new Win("s", "20m", 20 * MINUTE, 5 * MINUTE, false), new Win("s", "1h", 60 * MINUTE, 5 * MINUTE, false),
            new Win("f", "30m", 30 * MINUTE, 30 * MINUTE, true), new Win("f", "2h", 120 * MINUTE, 30 * MINUTE, true),
            new Win("p", "45m", 45 * MINUTE, 15 * MINUTE, false, true),
            new Win("l", "90m", 90 * MINUTE, MINUTE, false), new Win("l", "18h", 1080 * MINUTE, MINUTE, false));

    /**
     * How the test feeds the node: boxed getters, the primitive ones ({@code ofDouble},
     * {@code aggregateByKeyMillis}), or those and also batches of 1 to 40 events into
     * {@code aggregateByKeyBatched} on a table of its own, whose output must equal the per-event one.
     */
    private enum Feed { BOXED, PRIMITIVE, BATCHED }

    private static List<FieldAggregator> aggregators(Feed feed) {
        return List.of(
                field(feed, "s", SlidingWindows.of(List.of("20m", "1h"), "5m")),
                field(feed, "f", FixedWindows.of(List.of("30m", "2h"))),
                field(feed, "p", SlidingWindows.of(List.of("45m"), "15m")).withFilter((Ev e) -> e.v() > 0),
                // 1080 buckets kept, more than a new key's ring has room for: about 270 of them
                // hold values per key, so the ring grows past WindowedState.FIRST_RING, twice
                field(feed, "l", SlidingWindows.of(List.of("90m", "18h"), "1m")));
    }

    private static FieldAggregator field(Feed feed, String name, FeatureWindows windows) {
        return feed == Feed.BOXED ? FieldAggregator.of(name, (Ev e) -> e.v(), ALL, windows)
                : FieldAggregator.ofDouble(name, (Ev e) -> e.v(), ALL, windows);
    }

    private static AggregateByKey<Ev> aggregate(Feed feed, Stream<Ev> source, Table storage) {
        FeatureTable table = storage == null ? FeatureTable.of(aggregators(feed)) : FeatureTable.of(aggregators(feed), storage);
        return feed == Feed.BOXED ? Features.aggregateByKey(source, Ev::key, Ev::t, table, AggregateOptions.defaults())
                : Features.aggregateByKeyMillis(source, Ev::key, Ev::t, table, AggregateOptions.defaults());
    }

    /** The batched node and what it emitted, checked against the per-event node's output. */
    private static final class Batches {
        final Stream<List<Ev>> source = Stream.create();
        final List<Ev> pending = new ArrayList<>();
        final List<Map<String, Object>> out;
        final FeatureTable table;
        int size;

        Batches(Table storage) {
            table = storage == null ? FeatureTable.of(aggregators(Feed.PRIMITIVE))
                    : FeatureTable.of(aggregators(Feed.PRIMITIVE), storage);
            out = Features.aggregateByKeyBatched(source, Ev::key, Ev::t, table, AggregateOptions.defaults()).sinkToList();
        }

        /** Emits the pending events as one batch; the outputs must equal the per-event node's, in order. */
        void flush(List<Map<String, Object>> expected) {
            int before = out.size();
            source.emit(List.copyOf(pending));
            pending.clear();
            assertThat(out.subList(before, out.size())).isEqualTo(expected.subList(before, expected.size()));
        }
    }

    @Test
    void incrementalAndQueriedFeaturesEqualARecomputation() {
        for (long seed = 1; seed <= 5; seed++) {
            check(new Random(seed), null, Feed.BOXED);
        }
    }

    /** The same through a stored table that is committed and reopened every 250 events (a restart). */
    @Test
    void featuresSurviveRestartsFromTheStoredBuckets() {
        for (long seed = 11; seed <= 13; seed++) {
            check(new Random(seed), Table.inMemory(), Feed.BOXED);
        }
    }

    /** The same with the value and the time read by primitive getters, in memory and stored. */
    @Test
    void primitiveGettersGiveTheSameFeatures() {
        check(new Random(21), null, Feed.PRIMITIVE);
        check(new Random(22), Table.inMemory(), Feed.PRIMITIVE);
    }

    /** The same events in batches of random sizes: the same enriched events, in memory and stored. */
    @Test
    void batchesGiveTheSameFeaturesAsSingleEvents() {
        check(new Random(31), null, Feed.BATCHED);
        check(new Random(32), Table.inMemory(), Feed.BATCHED);
    }

    private void check(Random random, Table storage, Feed feed) {
        accepted.clear();
        first.clear();
        heads.clear();
        lastTimes.clear();
        lates = 0;
        Stream<Ev> source = Stream.create();
        AggregateByKey<Ev> node = null;
        List<Map<String, Object>> out = null;
        int start = 0;
        long clock = 1_700_000_000_000L;
        Table batchStorage = storage == null ? null : Table.inMemory();
        Batches batches = null;
        for (int i = 0; i < 1500; i++) {
            if (node == null || storage != null && i % 250 == 0) {
                if (node != null) {
                    node.table().commit(Map.of());
                    node.destroy();
                    assertThat(node.table().lateEvents()).isEqualTo(lates);
                }
                if (batches != null) {
                    batches.flush(out);
                    assertThat(batches.table.lateEvents()).isEqualTo(lates);
                    batches.table.commit(Map.of());
                }
                source = Stream.create();
                node = aggregate(feed, source, storage);
                out = node.sinkToList();
                batches = feed == Feed.BATCHED ? new Batches(batchStorage) : null;
                start = i;
                lates = 0;
            }
            clock += random.nextInt(2 * (int) MINUTE);
            long jitter = random.nextInt(5) == 0 ? random.nextInt(30 * (int) MINUTE) : 0;   // out of order
            Ev e = new Ev("k" + random.nextInt(4), clock - jitter, Math.round(random.nextGaussian() * 1000) / 10.0);
            source.emit(e);
            if (batches != null) {
                if (batches.pending.isEmpty()) {
                    batches.size = 1 + random.nextInt(40);
                }
                batches.pending.add(e);
                if (batches.pending.size() == batches.size) {
                    batches.flush(out);
                }
            }
            Map<String, Long> reported = new HashMap<>();
            boolean late = false;
            for (Win w : WINS) {
                first.putIfAbsent(e.key() + w.name(), Math.floorDiv(e.t(), w.period()));
                String state = e.key() + w.name();
                long eb = Math.floorDiv(e.t(), w.period());
                long head = heads.getOrDefault(state, first.get(state));
                if (eb < w.lowest(Math.max(eb, head), first.get(state))) {
                    late = true;
                    reported.put(w.label(), null);
                } else if (w.counts(e)) {
                    heads.put(state, Math.max(head, eb));
                    lastTimes.merge(state, e.t(), Math::max);
                    accepted.computeIfAbsent(e.key() + "|" + w.label(), x -> new ArrayList<>()).add(e);
                    reported.put(w.label(), e.t());
                } else {
                    Long last = lastTimes.get(state);
                    reported.put(w.label(), last != null && e.t() > last ? last : e.t());
                }
            }
            lates += late ? 1 : 0;
            assertFeatures(out.get(i - start), reported, e.key(), "event " + i);
        }
        if (batches != null) {
            batches.flush(out);
        }
        for (int i = 0; i < 200; i++) {
            String key = "k" + random.nextInt(4);
            long at = clock - random.nextInt(30 * (int) MINUTE) + random.nextInt(180 * (int) MINUTE);
            Map<String, Long> reported = new HashMap<>();
            for (Win w : WINS) {
                String state = key + w.name();
                long b = Math.floorDiv(at, w.period());
                boolean kept = !first.containsKey(state)
                        || b >= w.lowest(Math.max(b, heads.getOrDefault(state, first.get(state))), first.get(state));
                reported.put(w.label(), kept ? at : null);
            }
            assertFeatures(node.table().query(key, Instant.ofEpochMilli(at)), reported, key, "query " + i);
            if (batches != null) {
                assertThat(batches.table.query(key, Instant.ofEpochMilli(at))).isEqualTo(node.table().query(key, Instant.ofEpochMilli(at)));
            }
        }
        assertThat(node.table().lateEvents()).isEqualTo(lates);
    }

    private final Map<String, List<Ev>> accepted = new HashMap<>();
    private final Map<String, Long> first = new HashMap<>();
    private final Map<String, Long> heads = new HashMap<>();
    private final Map<String, Long> lastTimes = new HashMap<>();
    private long lates;

    /** Checks each window's features at the time {@code reported} gives it ({@code null}: absent). */
    private void assertFeatures(Map<String, Object> actual, Map<String, Long> reported, String key, String what) {
        for (Win w : WINS) {
            Long at = reported.get(w.label());
            if (at == null) {
                if (actual.containsKey(w.name() + "_count_" + w.label())) {
                    assertThat(actual).as(what + " " + w.name()).doesNotContainKey(w.name() + "_count_" + w.label());
                }
                continue;
            }
            String state = key + w.name();
            long b = Math.floorDiv(at, w.period());
            long low = first.containsKey(state)
                    ? w.lowest(Math.max(b, heads.getOrDefault(state, first.get(state))), first.get(state)) : b;
            List<Ev> in = new ArrayList<>();
            for (Ev e : accepted.getOrDefault(key + "|" + w.label(), List.of())) {
                if (w.includes(e.t(), at) && Math.floorDiv(e.t(), w.period()) >= low) {
                    in.add(e);
                }
            }
            for (String a : ALL) {
                String name = w.name() + "_" + a + "_" + w.label();
                Object expected = recompute(a, in);
                if (!matches(expected, actual.get(name))) {   // AssertJ only on a mismatch: it is the slow part
                    assertThat(actual.get(name)).as(what + " " + name).isEqualTo(expected);
                }
            }
        }
    }

    private static boolean matches(Object expected, Object actual) {
        if (expected instanceof Long || !(actual instanceof Double)) {
            return expected.equals(actual);
        }
        double x = (Double) expected;
        double y = (Double) actual;
        return Double.isNaN(x) ? Double.isNaN(y) : Math.abs(x - y) <= 1e-7 * Math.max(1, Math.abs(x));
    }

    private static Object recompute(String aggregation, List<Ev> in) {
        int n = in.size();
        double sum = 0;
        double sqr = 0;
        double min = Double.NaN;
        double max = Double.NaN;
        Ev first = null;
        Ev last = null;
        for (Ev e : in) {
            sum += e.v();
            sqr += e.v() * e.v();
            min = first == null ? e.v() : Math.min(min, e.v());
            max = first == null ? e.v() : Math.max(max, e.v());
            first = first == null || e.t() < first.t() ? e : first;
            last = last == null || e.t() >= last.t() ? e : last;
        }
        double mean = sum / n;
        double squares = 0;
        for (Ev e : in) {
            squares += (e.v() - mean) * (e.v() - mean);
        }
        double var = n < 2 ? Double.NaN : squares / (n - 1);
        switch (aggregation) {
            case "count": return (long) n;
            case "sum": return n == 0 ? Double.NaN : sum;
            case "sqr": return n == 0 ? Double.NaN : sqr;
            case "avg": return n == 0 ? Double.NaN : mean;
            case "min": return min;
            case "max": return max;
            case "first": return n == 0 ? Double.NaN : first.v();
            case "last": return n == 0 ? Double.NaN : last.v();
            case "stdvar": return var;
            default: return Math.sqrt(var);
        }
    }
}
