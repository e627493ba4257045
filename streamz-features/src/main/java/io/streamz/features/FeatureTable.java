package io.streamz.features;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
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
 * largest window is evicted (its features there would all be empty). Keys are checked oldest
 * update first, as events arrive. A query for an evicted or unknown key answers empty features;
 * a later event for it starts afresh. Per key, each aggregator keeps twice its largest window in
 * buckets.
 *
 * <p><b>Late events:</b> an event that some aggregator can no longer place (older than that
 * aggregator's newest bucket for the key minus its largest window) is dropped, neither
 * aggregated nor emitted, and counted in {@link #lateEvents()}.
 */
public final class FeatureTable {
    private final List<FieldAggregator> aggregators;
    private final List<String> featureNames;
    private final long maxWindowMillis;
    private final LinkedHashMap<Object, KeyState> keys = new LinkedHashMap<>();
    private long newest = Long.MIN_VALUE;
    private long late;
    private long evicted;

    private FeatureTable(List<FieldAggregator> aggregators) {
        this.aggregators = aggregators;
        List<String> names = new ArrayList<>();
        long max = 0;
        for (FieldAggregator a : aggregators) {
            names.addAll(a.featureNames());
            max = Math.max(max, a.windows().maxWindowMillis());
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("FeatureTable: feature names must be distinct, were " + names);
        }
        this.featureNames = List.copyOf(names);
        this.maxWindowMillis = max;
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
        return new FeatureTable(List.copyOf(aggregators));
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
     *         empty features (0 counts and sums, {@code NaN} otherwise) for an unknown or evicted key
     * @throws NullPointerException if {@code key} or {@code at} is {@code null}
     * @throws IllegalArgumentException if {@code at} is before the buckets still kept for the key
     */
    public synchronized Map<String, Object> query(Object key, Instant at) {
        if (key == null || at == null) {
            throw new NullPointerException("FeatureTable.query: " + (key == null ? "key" : "at") + " is null");
        }
        KeyState state = keys.get(key);
        return features(state != null ? state : new KeyState(aggregators), at.toEpochMilli());
    }

    /**
     * The keys held now.
     *
     * @return an unmodifiable snapshot of the keys that have state and were not evicted
     */
    public synchronized Set<Object> keys() {
        return Collections.unmodifiableSet(new HashSet<>(keys.keySet()));
    }

    /**
     * Events dropped because they were older than their key's kept buckets.
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
     * Aggregates {@code event} of {@code key} at epoch millisecond {@code t}.
     *
     * @return the key's features at {@code t}, or {@code null} if the event was late
     */
    synchronized Map<String, Object> aggregate(Object key, Object event, long t) {
        double[] values = new double[aggregators.size()];
        boolean[] counts = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            FieldAggregator a = aggregators.get(i);
            Object v = a.valueOf(event);
            counts[i] = v != null;
            values[i] = counts[i] ? number(a, v) : 0;
        }
        KeyState state = keys.remove(key);
        if (state == null) {
            state = new KeyState(aggregators);
        } else if (state.isLate(t)) {
            keys.put(key, state);
            late++;
            return null;
        }
        keys.put(key, state);
        for (int i = 0; i < values.length; i++) {
            if (counts[i]) {
                state.windows[i].add(t, values[i]);
            }
        }
        state.newest = Math.max(state.newest, t);
        newest = Math.max(newest, t);
        evictIdle(state);
        return features(state, t);
    }

    private void evictIdle(KeyState current) {
        Iterator<KeyState> it = keys.values().iterator();
        while (it.hasNext()) {
            KeyState oldest = it.next();
            if (oldest == current || oldest.newest >= newest - maxWindowMillis) {
                return;
            }
            it.remove();
            evicted++;
        }
    }

    private Map<String, Object> features(KeyState state, long t) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (WindowedState w : state.windows) {
            w.features(t, out);
        }
        return Collections.unmodifiableMap(out);
    }

    private static double number(FieldAggregator a, Object v) {
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        if (a.countOnly()) {
            return Double.NaN;
        }
        throw new IllegalArgumentException("FieldAggregator \"" + a.name() + "\": value must be a number for "
                + a.aggregations() + ", was \"" + v + "\" (" + v.getClass().getSimpleName() + ")");
    }

    /** One key's state. */
    private static final class KeyState {
        final WindowedState[] windows;
        long newest = Long.MIN_VALUE;

        KeyState(List<FieldAggregator> aggregators) {
            windows = new WindowedState[aggregators.size()];
            for (int i = 0; i < windows.length; i++) {
                windows[i] = new WindowedState(aggregators.get(i));
            }
        }

        boolean isLate(long t) {
            for (WindowedState w : windows) {
                if (w.isLate(t)) {
                    return true;
                }
            }
            return false;
        }
    }
}
