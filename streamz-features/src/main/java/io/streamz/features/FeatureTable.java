package io.streamz.features;

import io.streamz.internal.util.Intervals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keyed state of {@link Features#aggregateByKey}: per key, the buckets of every
 * {@link FieldAggregator}, in memory (storey {@code Table}, Chalk's materialized aggregations).
 * It can be queried at any time, from any thread.
 *
 * <pre>{@code
 * FeatureTable table = FeatureTable.of(List.of(FieldAggregator.of("clicks", "click", List.of("count"),
 *         SlidingWindows.of(List.of("1h"), "10m"))));
 * Features.aggregateByKey(source, "user", "time", table, EmitPolicy.everyEvent());
 * source.emit(Map.of("user", "u1", "click", 1, "time", Instant.parse("2024-01-01T10:05:00Z")));
 * table.query("u1", Instant.parse("2024-01-01T10:30:00Z"));   // {clicks_count_1h=1}
 * }</pre>
 *
 * <p><b>Bounded:</b> a key whose newest event is older than the table's newest event minus the
 * largest window is evicted (its features there would all be empty). The table looks for such
 * keys once the events since its last look outnumber the keys it holds, and only when one may be
 * evictable: O(1) per event, amortized. A query for an evicted or unknown key answers empty
 * features; a later event for it starts afresh. Per key, each aggregator keeps the buckets that
 * hold values within the windows' least common multiple, as {@code double}s in one array per key.
 *
 * <p><b>Late events</b> (storey's rules): per key and aggregator, the table keeps the buckets of
 * the windows' least common multiple (for windows that each divide the largest: the largest
 * window) up to the newest event, and never before the key's first event for sliding windows, or
 * the current block of that multiple for fixed windows. An out-of-order event within them is
 * aggregated into its bucket, and so into every window that holds it; an older one is passed on
 * without counting and without that aggregator's features, and counted in {@link #lateEvents()}.
 */
public final class FeatureTable {
    private final List<FieldAggregator> aggregators;
    private final List<String> featureNames;
    private final long maxWindowMillis;
    private final FeatureLayout layout;
    /** Where a key's array holds its newest event time, whether it changed since the last commit, and then its aggregators' states. */
    static final int NEWEST = 0;
    static final int DIRTY = 1;
    static final int HEADER = 2;
    private final WindowedState[] states;
    private final int initialLength;
    private final int fixedEnd;
    private final KeyStates keys = new KeyStates();
    private long sinceSweep;
    private long oldestKept = Long.MAX_VALUE;
    private final Table storage;
    private final List<Object> dirty = new ArrayList<>();
    private final double[] valueOf;
    private final boolean[] hasValue;
    private long newest = Long.MIN_VALUE;
    /** Events of a batch whose keys are looked up together before they are aggregated. */
    static final int GROUP = 16;
    private final double[][] ahead = new double[GROUP][];
    /** The sum of what {@link #warm} read, kept so that the reads are not optimized away. */
    private double warmed;
    private long late;
    private long evicted;

    private FeatureTable(List<FieldAggregator> aggregators, Table storage) {
        this.aggregators = aggregators;
        this.storage = storage;
        List<String> names = new ArrayList<>();
        long max = 0;
        for (FieldAggregator a : aggregators) {
            names.addAll(a.featureNames());
            max = Math.max(max, a.windows().maxWindowMillis());
        }
        List<String> aggregatorNames = aggregators.stream().map(FieldAggregator::name).toList();
        if (new HashSet<>(aggregatorNames).size() != aggregatorNames.size()) {
            throw new IllegalArgumentException("FeatureTable: aggregator names must be distinct, were " + aggregatorNames);
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("FeatureTable: feature names must be distinct, were " + names);
        }
        this.featureNames = List.copyOf(names);
        this.maxWindowMillis = max;
        this.layout = new FeatureLayout(aggregators, Map.of());
        this.states = new WindowedState[aggregators.size()];
        int[] metas = new int[states.length];
        int fixedEnd = HEADER;
        for (int i = 0; i < states.length; i++) {
            metas[i] = fixedEnd;
            fixedEnd += WindowedState.fixedLength(aggregators.get(i));
        }
        int length = fixedEnd;
        for (int i = 0; i < states.length; i++) {
            states[i] = new WindowedState(aggregators.get(i), metas, i);
            length += states[i].initialRingLength();
        }
        this.fixedEnd = fixedEnd;
        this.initialLength = length;
        this.valueOf = new double[aggregators.size()];
        this.hasValue = new boolean[aggregators.size()];
    }

    /**
     * An empty table for these aggregators.
     *
     * @param aggregators the features to keep, at least one, with distinct feature names
     * @return the new table, holding no keys
     * @throws NullPointerException if {@code aggregators} is {@code null} or holds {@code null}
     * @throws IllegalArgumentException if {@code aggregators} is empty or two of them produce the
     *         same feature name
     */
    public static FeatureTable of(List<FieldAggregator> aggregators) {
        if (aggregators == null || aggregators.stream().anyMatch(a -> a == null)) {
            throw new NullPointerException("FeatureTable: aggregators is null or holds null");
        }
        if (aggregators.isEmpty()) {
            throw new IllegalArgumentException("FeatureTable: aggregators must not be empty");
        }
        return new FeatureTable(List.copyOf(aggregators), null);
    }

    /**
     * A table for these aggregators whose buckets live in {@code storage} too, so that they survive
     * a restart when the storage does (RocksDB, Redis). A key's buckets are read from the storage
     * the first time the key is aggregated or queried (storey's lazy loading), and written by
     * {@link #commit(Map)}, under the attribute {@code "$features"} of the key's row (other
     * attributes of the row, e.g. written by {@link Flows#noSqlTarget}, are kept). Keys are
     * stored as strings (a {@code List} key joined with {@code "."}).
     *
     * <pre>{@code
     * FeatureTable table = FeatureTable.of(aggregators, Table.of(RocksDbStorage.open(dir)));
     * // ... aggregate, then every so often, with the source's position:
     * table.commit(Map.of("$offsets", Map.of("events-0", 1234L)));
     * }</pre>
     *
     * @param aggregators the features to keep
     * @param storage where the buckets are written
     * @return the table
     * @throws NullPointerException if an argument is or holds {@code null}
     * @throws IllegalArgumentException as {@link #of(List)}
     */
    public static FeatureTable of(List<FieldAggregator> aggregators, Table storage) {
        if (storage == null) {
            throw new NullPointerException("FeatureTable: storage is null");
        }
        return new FeatureTable(of(aggregators).aggregators, storage);
    }

    /**
     * Writes the buckets of every key changed since the last commit, and {@code extra} entries,
     * in one write: atomically where the storage writes batches atomically (RocksDB). Pass the
     * source's position (e.g. Kafka offsets) as an extra entry, and after a restart resume from
     * the position read back with {@code storage.get(...)}: events replayed after a crash were then
     * not yet counted in the stored buckets, so nothing is counted twice.
     *
     * @param extra entries to write with the buckets, e.g. {@code "$offsets" -> {...}}
     * @return the number of keys written
     * @throws IllegalStateException if the table has no storage
     * @throws NullPointerException if {@code extra} is {@code null}
     */
    public synchronized int commit(Map<String, ? extends Map<String, ?>> extra) {
        if (storage == null) {
            throw new IllegalStateException("FeatureTable.commit: the table has no storage; use FeatureTable.of(aggregators, storage)");
        }
        Map<String, Map<String, Object>> batch = new LinkedHashMap<>();
        for (Object k : dirty) {
            String key = Table.keyOf(k);
            Map<String, Object> row = storage.storage().get(key);
            Map<String, Object> out = row == null ? new LinkedHashMap<>() : new LinkedHashMap<>(row);
            out.put("$features", attributes(keys.get(k)));
            batch.put(key, out);
        }
        int written = batch.size();
        extra.forEach((k, v) -> batch.put(k, new LinkedHashMap<>(v)));
        storage.storage().putAll(batch);
        for (Object k : dirty) {
            keys.get(k)[DIRTY] = 0;
        }
        dirty.clear();
        return written;
    }

    /**
     * The aggregators whose features this table keeps.
     *
     * @return the aggregators, in the order given; unmodifiable
     */
    public List<FieldAggregator> aggregators() {
        return aggregators;
    }

    /**
     * Every feature name, in the order the enriched events and queries list them.
     *
     * @return the feature names of all aggregators, aggregator by aggregator; unmodifiable
     */
    public List<String> featureNames() {
        return featureNames;
    }

    /**
     * The features of {@code key} at time {@code at} (storey {@code QueryByKey}). Nothing is
     * aggregated. Safe from any thread.
     *
     * @param key the key, as the key function of {@link Features#aggregateByKey} returned it
     * @param at the time to compute the windows at
     * @return an unmodifiable map from feature name to value, in {@link #featureNames()} order;
     *         empty features (0 counts, {@code NaN} or the declared default otherwise) for an
     *         unknown or evicted key; an aggregator's features are left out when {@code at} is
     *         before the buckets it still keeps for the key (as storey does)
     * @throws NullPointerException if {@code key} or {@code at} is {@code null}
     */
    public Map<String, Object> query(Object key, Instant at) {
        return query(key, at, layout);
    }

    /** {@link #query(Object, Instant)}, named as {@code names} says (the aliases of a node). */
    Map<String, Object> query(Object key, Instant at, FeatureLayout names) {
        if (key == null || at == null) {
            throw new NullPointerException("FeatureTable.query: " + (key == null ? "key" : "at") + " is null");
        }
        double[] out = new double[names.size()];
        return FeatureMap.features(names, out, snapshot(key, at.toEpochMilli(), out, names));
    }

    /** {@code event} enriched with the features of {@code key} at {@code at}, aggregating nothing (storey {@code QueryByKey}). */
    Map<String, Object> enrich(Object event, Object key, long at) {
        double[] out = new double[layout.size()];
        return FeatureMap.of(event, layout, out, snapshot(key, at, out, layout));
    }

    /** Writes the features of {@code key} at {@code t} into {@code out}; answers which aggregators have none, or {@code null}. */
    private synchronized boolean[] snapshot(Object key, long t, double[] out, FeatureLayout names) {
        double[] state = keys.get(key);
        if (state == null) {
            state = load(key, t);
        }
        boolean[] absent = null;
        for (int i = 0; i < states.length; i++) {
            if (!states[i].values(state, t, out, names.offset(i))) {
                absent = absent(absent, i);
            }
        }
        return absent;
    }

    /**
     * The layout of this table's features named after {@code aliases} (storey {@code aliases}),
     * built once per node.
     */
    FeatureLayout layout(Map<String, String> aliases) {
        return aliases.isEmpty() ? layout : new FeatureLayout(aggregators, aliases);
    }

    /**
     * The features named {@code features} of {@code key} at time {@code at} (storey
     * {@code QueryByKey(features=[...])}): declared features, and also windows that were not
     * declared but are a multiple of an aggregator's bucket period within the buckets it keeps
     * (a table of 24h windows in 1h buckets serves {@code clicks_count_3h}).
     *
     * <pre>{@code
     * table.query("u1", Instant.parse("2024-05-01T12:00:00Z"), List.of("clicks_count_3h"), FixedWindowType.CURRENT_OPEN_WINDOW);
     * // {clicks_count_3h=4}
     * }</pre>
     *
     * @param key the key
     * @param at the time to compute the windows at
     * @param features feature names, {@code <aggregator>_<aggregation>_<window>}
     * @param fixedWindowType for fixed windows, the window open at {@code at} or the last one closed
     *        before it (storey {@code FixedWindowType})
     * @return an unmodifiable map from each name to its value; names whose aggregator keeps no
     *         bucket at {@code at} for the key are left out
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException quoting a name that does not name such a feature
     */
    public synchronized Map<String, Object> query(Object key, Instant at, List<String> features,
            FixedWindowType fixedWindowType) {
        return querySelected(key, at, select(features), fixedWindowType);
    }

    /** {@link #query(Object, Instant, List, FixedWindowType)} with the names already resolved. */
    synchronized Map<String, Object> querySelected(Object key, Instant at, List<Selected> features,
            FixedWindowType fixedWindowType) {
        if (key == null || at == null || fixedWindowType == null) {
            throw new NullPointerException("FeatureTable.query: " + (key == null ? "key" : at == null ? "at"
                    : "fixedWindowType") + " is null");
        }
        long t = at.toEpochMilli();
        double[] state = keys.get(key);
        if (state == null) {
            state = load(key, t);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Selected f : features) {
            Object v = states[f.aggregator].feature(state, f.aggregation, f.buckets, t,
                    fixedWindowType == FixedWindowType.LAST_CLOSED_WINDOW);
            if (v != null || !states[f.aggregator].tooOld(state, t)) {
                out.put(f.name, v);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** A feature chosen by name: which aggregator, which aggregation, how many buckets. */
    record Selected(String name, int aggregator, FeatureAggregation aggregation, long buckets) {
    }

    /** Resolves feature names against this table's aggregators. */
    List<Selected> select(List<String> features) {
        if (features == null || features.stream().anyMatch(java.util.Objects::isNull)) {
            throw new NullPointerException("FeatureTable.query: features is null or holds null");
        }
        List<Selected> out = new ArrayList<>();
        for (String f : features) {
            out.add(selectOne(f));
        }
        return List.copyOf(out);
    }

    private Selected selectOne(String feature) {
        int w = feature.lastIndexOf('_');
        int a = w <= 0 ? -1 : feature.lastIndexOf('_', w - 1);
        if (a > 0) {
            String name = feature.substring(0, a);
            for (int i = 0; i < aggregators.size(); i++) {
                FieldAggregator agg = aggregators.get(i);
                if (agg.name().equals(name)) {
                    FeatureAggregation aggregation = FeatureAggregation.parse(feature.substring(a + 1, w));
                    long millis = FeatureWindows.millis(feature.substring(w + 1), "FeatureTable.query", "window");
                    long bucket = agg.windows().bucketMillis();
                    long kept = agg.windows().keptBuckets();
                    if (millis % bucket != 0 || millis / bucket > kept) {
                        throw new IllegalArgumentException("FeatureTable.query: window of \"" + feature
                                + "\" must be a multiple of " + Intervals.format(agg.windows().bucket()) + " up to "
                                + Intervals.format(java.time.Duration.ofMillis(bucket * kept)) + ", the buckets kept for \"" + name + "\"");
                    }
                    return new Selected(feature, i, aggregation, millis / bucket);
                }
            }
        }
        throw new IllegalArgumentException("FeatureTable.query: \"" + feature + "\" is not <aggregator>_<aggregation>_<window> "
                + "of this table's aggregators " + aggregators.stream().map(FieldAggregator::name).toList());
    }

    /**
     * The keys held now.
     *
     * @return an unmodifiable snapshot of the keys that have state and were not evicted
     */
    public synchronized Set<Object> keys() {
        return Collections.unmodifiableSet(new HashSet<>(keys.keys()));
    }

    /**
     * Events that some aggregator could not count, being older than the buckets it kept.
     *
     * @return the number of late events since the table was created
     */
    public synchronized long lateEvents() {
        return late;
    }

    /**
     * Keys evicted after being idle longer than the largest window.
     *
     * @return the number of evictions since the table was created (a key evicted twice counts twice)
     */
    public synchronized long evictedKeys() {
        return evicted;
    }

    /**
     * Aggregates {@code event} of {@code key} at epoch millisecond {@code t}. An aggregator for
     * which the event is too old (before the buckets it keeps for the key) does not count it and
     * gives no features, as in storey; such an event counts once in {@link #lateEvents()}.
     *
     * @return the event enriched with the key's features at {@code t}, named as {@code names} says
     */
    synchronized Map<String, Object> aggregate(Object key, Object event, long t, FeatureLayout names) {
        double[] out = new double[names.size()];
        return FeatureMap.of(event, names, out, record(key, event, t, out, names));
    }

    /**
     * {@link #aggregate} (or {@link #update}, without {@code names}) for events {@code from} to
     * {@code to} of a batch, under one lock entry, in order: event {@code i} of {@code key[i]} at
     * {@code t[i]}, its enriched event written to {@code out[i]}. Before each group of
     * {@link #GROUP} events, the group's keys are looked up and their arrays' fixed parts read, all
     * at once: those are the cache misses that come one after the other per event (the key's slot,
     * then its array), and here a group's misses overlap. The look-ups only warm the caches: each
     * event then finds its state as {@link #aggregate} does (an earlier event of the group may
     * have added, grown or evicted it).
     *
     * @return how many events were aggregated: {@code to - from}, or fewer when event
     *         {@code from + n} failed, its exception then written to {@code out[from + n]} and
     *         nothing of it aggregated
     */
    synchronized int aggregate(Object[] key, Object[] events, long[] t, int from, int to, FeatureLayout names,
            Object[] out) {
        for (int i = from; i < to; i++) {
            if ((i - from) % GROUP == 0) {
                warm(key, i, Math.min(to, i + GROUP));
            }
            try {
                if (names == null) {
                    record(key[i], events[i], t[i], null, null);
                } else {
                    double[] values = new double[names.size()];
                    out[i] = FeatureMap.of(events[i], names, values, record(key[i], events[i], t[i], values, names));
                }
            } catch (RuntimeException e) {
                out[i] = e;
                return i - from;
            }
        }
        return to - from;
    }

    /** Looks up keys {@code from} to {@code to} and reads their arrays' fixed parts, so that the loads of the group are in flight together. */
    private void warm(Object[] key, int from, int to) {
        for (int j = from; j < to; j++) {
            ahead[j - from] = keys.get(key[j]);
        }
        double sum = 0;
        for (int j = 0; j < to - from; j++) {
            double[] s = ahead[j];
            if (s != null) {
                for (int o = 0; o < fixedEnd; o += 8) {     // a cache line holds 8 doubles
                    sum += s[o];
                }
            }
            ahead[j] = null;
        }
        warmed = sum;
    }

    /** {@link #aggregate} for callers that do not need the features (Chalk's materialization). */
    synchronized void update(Object key, Object event, long t) {
        record(key, event, t, null, null);
    }

    /** Aggregates the event; with {@code out}, writes its features there and answers which aggregators have none. */
    private boolean[] record(Object key, Object event, long t, double[] out, FeatureLayout names) {
        for (int i = 0; i < valueOf.length; i++) {       // every value first: a failure changes nothing
            hasValue[i] = aggregators.get(i).read(event, valueOf, i);
        }
        double[] state = keys.get(key);
        if (state == null) {
            state = load(key, t);
            keys.put(key, state);
            oldestKept = Math.min(oldestKept, t);
        }
        if (storage != null && state[DIRTY] == 0) {
            state[DIRTY] = 1;
            dirty.add(key);
        }
        boolean tooOld = false;
        boolean[] absent = null;
        for (int i = 0; i < valueOf.length; i++) {
            WindowedState w = states[i];
            if (w.tooOld(state, t)) {
                tooOld = true;
                absent = out == null ? null : absent(absent, i);
                continue;
            }
            long at = t;
            if (hasValue[i]) {
                double[] grown = w.add(state, t, valueOf[i]);
                if (grown != state) {
                    state = grown;
                    keys.put(key, state);
                }
            } else {
                at = w.reportedTime(state, t);
            }
            if (out != null && !w.values(state, at, out, names.offset(i))) {
                absent = absent(absent, i);
            }
        }
        if (tooOld) {
            late++;
        }
        state[NEWEST] = Math.max(state[NEWEST], t);
        newest = Math.max(newest, t);
        if (++sinceSweep >= keys.size() && newest - maxWindowMillis > oldestKept) {
            evictIdle();
        }
        return absent;
    }

    private boolean[] absent(boolean[] absent, int aggregator) {
        boolean[] a = absent != null ? absent : new boolean[aggregators.size()];
        a[aggregator] = true;
        return a;
    }

    /**
     * Evicts every key idle for longer than the largest window. Called only when some key may be
     * evictable (the oldest newest-event seen at the last sweep has fallen out of the largest
     * window) and once the events since the last sweep outnumber the keys: O(1) per event, amortized.
     */
    private void evictIdle() {
        sinceSweep = 0;
        long[] oldest = {Long.MAX_VALUE};
        long horizon = newest - maxWindowMillis;
        evicted += keys.retainIf(s -> {
            if (s[NEWEST] < horizon && s[DIRTY] == 0) {   // a changed key waits for the next commit
                return false;
            }
            oldest[0] = Math.min(oldest[0], (long) s[NEWEST]);
            return true;
        });
        oldestKept = oldest[0];
    }

    /** A key's state from the storage, or a new one whose first event is at {@code t}. */
    @SuppressWarnings("unchecked")
    private double[] load(Object key, long t) {
        double[] state = new double[initialLength];
        state[NEWEST] = Long.MIN_VALUE;
        for (int i = 0, offset = fixedEnd; i < states.length; i++) {
            offset = states[i].init(state, offset, t);
        }
        if (storage != null) {
            Map<String, Object> row = storage.storage().get(Table.keyOf(key));
            if (row != null && row.get("$features") instanceof Map) {
                state = restore(state, (Map<String, Object>) row.get("$features"));
            }
        }
        return state;
    }

    private Map<String, Object> attributes(double[] state) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("newest", (long) state[NEWEST]);
        for (int i = 0; i < states.length; i++) {
            out.put(aggregators.get(i).name(), states[i].toAttributes(state));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private double[] restore(double[] state, Map<String, Object> stored) {
        double[] s = state;
        s[NEWEST] = (Long) stored.get("newest");
        oldestKept = Math.min(oldestKept, (long) s[NEWEST]);
        for (int i = 0; i < states.length; i++) {
            Object a = stored.get(aggregators.get(i).name());
            if (a instanceof Map) {
                s = states[i].restore(s, (Map<String, Object>) a);
            }
        }
        return s;
    }
}
