package io.streamz.features;

import io.streamz.Stream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Chalk's materialized windowed aggregations: features declared once (several windows each, a
 * default per feature), kept up to date from any number of streams (Chalk's stream resolvers),
 * and served by key at the current time. A stream can opt out of updating them (Chalk's
 * {@code updates_materialized_aggregations=False}).
 *
 * <pre>{@code
 * MaterializedFeatures users = MaterializedFeatures.of(List.of(
 *         FieldAggregator.of("transaction_amount", "amount", List.of("sum", "avg"),
 *                 SlidingWindows.of(List.of("1d", "30d"), "1h")).withDefault(0.0)));
 * users.stream(transactions, t -> t.get("user_id"), t -> t.get("ts"));          // updates the aggregations
 * users.stream(backfill, t -> t.get("user_id"), t -> t.get("ts"), false);       // opted out
 * users.serve("u1");   // {transaction_amount_sum_1d=..., transaction_amount_avg_30d=0.0, ...}
 * }</pre>
 *
 * <p><b>Time:</b> {@link #serve(Object)} answers at the scheduler's current time
 * ({@code Schedulers.parallel()} unless given); {@link #serve(Object, Instant)} at any time.
 */
public final class MaterializedFeatures {
    private final FeatureTable table;
    private final Scheduler clock;

    private MaterializedFeatures(FeatureTable table, Scheduler clock) {
        this.table = table;
        this.clock = clock;
    }

    /**
     * Features kept in memory, served at {@code Schedulers.parallel()}'s time.
     *
     * @param features the windowed features, with their defaults ({@link FieldAggregator#withDefault})
     * @return the materialization
     * @throws NullPointerException if {@code features} is or holds {@code null}
     * @throws IllegalArgumentException as {@link FeatureTable#of(List)}
     */
    public static MaterializedFeatures of(List<FieldAggregator> features) {
        return of(FeatureTable.of(features), Schedulers.parallel());
    }

    /**
     * Features kept in {@code table} (in memory, or with a storage that survives a restart),
     * served at {@code clock}'s time.
     *
     * @param table the table of the features
     * @param clock the clock of {@link #serve(Object)}
     * @return the materialization
     * @throws NullPointerException if an argument is {@code null}
     */
    public static MaterializedFeatures of(FeatureTable table, Scheduler clock) {
        return new MaterializedFeatures(Flows.notNull(table, "MaterializedFeatures", "table"),
                Flows.notNull(clock, "MaterializedFeatures", "clock"));
    }

    /**
     * A stream resolver's outputs, which update the features: each element is aggregated into its
     * key's windows at its time, then passed on unchanged.
     *
     * @param <T> the element type
     * @param resolver the stream's outputs
     * @param key the key of an element (Chalk: the join to the feature class's id)
     * @param time the time of an element: an instant, a {@code Date}, epoch milliseconds or an
     *        ISO-8601 string
     * @return the same elements, downstream of the update
     * @throws NullPointerException if an argument is {@code null}
     */
    public <T> Stream<T> stream(Stream<? extends T> resolver, Function<? super T, ?> key, Function<? super T, ?> time) {
        return stream(resolver, key, time, true);
    }

    /**
     * See {@link #stream(Stream, Function, Function)}; with {@code updatesMaterializedAggregations}
     * {@code false}, the elements pass without updating the features (Chalk's opt-out).
     *
     * @param <T> the element type
     * @param resolver the stream's outputs
     * @param key the key of an element
     * @param time the time of an element
     * @param updatesMaterializedAggregations whether this stream updates the features
     * @return the same elements
     * @throws NullPointerException if an argument is {@code null}
     */
    public <T> Stream<T> stream(Stream<? extends T> resolver, Function<? super T, ?> key, Function<? super T, ?> time,
            boolean updatesMaterializedAggregations) {
        Flows.notNull(key, "materialize", "key");
        Flows.notNull(time, "materialize", "time");
        return new FunctionNode<T, T>(Flows.notNull(resolver, "materialize", "resolver"), "materialize",
                updatesMaterializedAggregations ? "" : "opted out", x -> {
                    if (updatesMaterializedAggregations) {
                        Object k = key.apply(x);
                        if (k == null) {
                            throw new NullPointerException("the key of the element is null");
                        }
                        table.update(k, x, Events.millis(time.apply(x), null));
                    }
                    return x;
                });
    }

    /**
     * The features of {@code key} now (Chalk's online query).
     *
     * @param key the key
     * @return every feature, its default where the window is empty
     * @throws NullPointerException if {@code key} is {@code null}
     */
    public Map<String, Object> serve(Object key) {
        return serve(key, Instant.ofEpochMilli(clock.now(TimeUnit.MILLISECONDS)));
    }

    /**
     * The features of {@code key} at {@code at}.
     *
     * @param key the key
     * @param at the time
     * @return every feature
     * @throws NullPointerException if an argument is {@code null}
     */
    public Map<String, Object> serve(Object key, Instant at) {
        return table.query(key, at);
    }

    /**
     * The table the features are kept in, for queries by name or {@link FeatureTable#commit}.
     *
     * @return the table
     */
    public FeatureTable table() {
        return table;
    }
}
