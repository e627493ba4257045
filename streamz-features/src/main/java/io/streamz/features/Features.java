package io.streamz.features;

import io.streamz.Stream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Keyed windowed feature aggregations in the style of storey and Chalk: each event is aggregated
 * into its key's time windows, and emitted enriched with features such as
 * {@code number_of_clicks_count_1h} or {@code purchases_avg_2h}.
 *
 * <pre>{@code
 * Stream<Map<String, Object>> source = Stream.create();
 * List<Map<String, Object>> out = source.as(s -> Features.aggregateByKey(s, "user", "time",
 *         List.of(FieldAggregator.of("purchases", "amount", List.of("sum", "max"),
 *                 SlidingWindows.of(List.of("1h", "2h"), "10m"))))).sinkToList();
 * source.emit(Map.of("user", "u1", "amount", 10.0, "time", Instant.parse("2024-01-01T10:05:00Z")));
 * source.emit(Map.of("user", "u1", "amount", 5.0, "time", Instant.parse("2024-01-01T11:20:00Z")));
 * // out.get(1): {user=u1, amount=5.0, time=..., purchases_sum_1h=5.0, purchases_sum_2h=15.0,
 * //              purchases_max_1h=5.0, purchases_max_2h=10.0}
 * }</pre>
 *
 * <p><b>Time:</b> windows follow event time, read from the event: an {@code Instant} (or any other
 * instant type), a {@code Date} or epoch milliseconds. Only {@link EmitPolicy#afterPeriod} and
 * the timeout of {@link EmitPolicy#afterMaxEvents(int, String)} use a clock: the node's scheduler
 * ({@code Schedulers.parallel()} unless given, captured when the graph is built).
 *
 * <p><b>Metadata:</b> passed on with the enriched event; nothing is held with
 * {@link EmitPolicy#everyEvent()}. The other policies retain the metadata of the events they hold
 * back and release it once the event emitted for them has been processed downstream.
 *
 * <p><b>Cost:</b> an event in its key's newest bucket costs O(1) per aggregation and window;
 * min, max and first rescan a window's buckets once when a bucket holding the window's extreme or
 * first value leaves it, and an out-of-order event (an older bucket) reads its windows' buckets to
 * compute its features. The emitted map is a read-only view of the event and of the features,
 * which are boxed when read.
 */
public final class Features {
    private Features() {
    }

    /**
     * Aggregates {@code Map} events by map key {@code keyField}, event time under {@code timeField},
     * into a new table, emitting every event ({@link EmitPolicy#everyEvent()}).
     *
     * @param stream the events
     * @param keyField the map key holding each event's key; an event whose key is {@code null}
     *        fails as a {@code NodeException}
     * @param timeField the map key holding each event's time
     * @param aggregators the features to compute, at least one, with distinct feature names
     * @return the new node, downstream of {@code stream}; its {@link AggregateByKey#table()} is
     *         the new table
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code aggregators} is empty or repeats a feature name
     */
    public static AggregateByKey<Map<String, Object>> aggregateByKey(Stream<? extends Map<String, Object>> stream,
            String keyField, String timeField, List<FieldAggregator> aggregators) {
        return aggregateByKey(stream, keyField, timeField, FeatureTable.of(aggregators), EmitPolicy.everyEvent());
    }

    /**
     * See {@link #aggregateByKey(Stream, String, String, List)}; into {@code table}, emitting as
     * {@code policy} says. {@link EmitPolicy#afterPeriod} and the timeout of
     * {@link EmitPolicy#afterMaxEvents(int, String)} use {@code Schedulers.parallel()}.
     *
     * @param stream the events
     * @param keyField the map key holding each event's key
     * @param timeField the map key holding each event's time
     * @param table the table to aggregate into, which may also be queried or shared with
     *        {@link #queryByKey(Stream, String, String, FeatureTable)}
     * @param policy when the enriched events are emitted
     * @return the new node, downstream of {@code stream}
     * @throws NullPointerException if an argument is {@code null}
     */
    public static AggregateByKey<Map<String, Object>> aggregateByKey(Stream<? extends Map<String, Object>> stream,
            String keyField, String timeField, FeatureTable table, EmitPolicy policy) {
        return aggregateByKey(stream, keyField, timeField, table, AggregateOptions.defaults().withEmitPolicy(policy));
    }

    /**
     * See {@link #aggregateByKey(Stream, String, String, List)}; into {@code table}, with the
     * optional arguments in {@code options} (emit policy, aliases, time format, scheduler).
     *
     * <pre>{@code
     * Features.aggregateByKey(source, "user", "time", table, AggregateOptions.defaults()
     *         .withAliases(Map.of("clicks_count_1h", "clicks_last_hour"))
     *         .withTimeFormat("yyyy-MM-dd HH:mm:ss"));
     * }</pre>
     *
     * @param stream the events
     * @param keyField the map key holding each event's key
     * @param timeField the map key holding each event's time: an instant, a {@code Date}, epoch
     *        milliseconds or a string (ISO-8601, or in the options' time format)
     * @param table the table to aggregate into
     * @param options emit policy, aliases, time format and scheduler
     * @return the new node, downstream of {@code stream}
     * @throws NullPointerException if an argument is {@code null}
     */
    public static AggregateByKey<Map<String, Object>> aggregateByKey(Stream<? extends Map<String, Object>> stream,
            String keyField, String timeField, FeatureTable table, AggregateOptions options) {
        return aggregateByKey(stream, Events.field(keyField, "aggregateByKey", "key"),
                Events.field(timeField, "aggregateByKey", "time"), table, options);
    }

    /**
     * Aggregates events of any type by {@code key(event)} at time {@code time(event)} into a new
     * table, emitting every event. An event that is not a {@code Map} is emitted as a map holding
     * it under {@code "event"}, plus its features.
     *
     * @param <T> the event type
     * @param stream the events
     * @param key the event's key; a {@code null} key fails as a {@code NodeException}
     * @param time the event's time: an {@code Instant} (or any other instant type), a {@code Date}
     *        or epoch milliseconds
     * @param aggregators the features to compute, at least one, with distinct feature names
     * @return the new node, downstream of {@code stream}
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code aggregators} is empty or repeats a feature name
     */
    public static <T> AggregateByKey<T> aggregateByKey(Stream<? extends T> stream, Function<? super T, ?> key,
            Function<? super T, ?> time, List<FieldAggregator> aggregators) {
        return aggregateByKey(stream, key, time, FeatureTable.of(aggregators), AggregateOptions.defaults());
    }

    /**
     * Aggregates events of any type by {@code key(event)} at time {@code time(event)} into
     * {@code table}, with the optional arguments in {@code options}; no scheduler is needed unless
     * the emit policy is driven by time.
     *
     * <pre>{@code
     * Features.aggregateByKey(purchases, Purchase::user, Purchase::time, table, AggregateOptions.defaults());
     * }</pre>
     *
     * @param <T> the event type
     * @param stream the events
     * @param key the event's key; a {@code null} key fails as a {@code NodeException}
     * @param time the event's time
     * @param table the table to aggregate into
     * @param options emit policy, aliases, time format and scheduler
     * @return the new node, downstream of {@code stream}
     * @throws NullPointerException if an argument is {@code null}
     */
    public static <T> AggregateByKey<T> aggregateByKey(Stream<? extends T> stream, Function<? super T, ?> key,
            Function<? super T, ?> time, FeatureTable table, AggregateOptions options) {
        if (time == null || options == null) {
            throw new NullPointerException("aggregateByKey: " + (time == null ? "time" : "options") + " is null");
        }
        DateTimeFormatter format = options.timeFormat();
        return aggregateByKeyMillis(stream, key, x -> Events.millis(time.apply(x), format), table, options);
    }

    /**
     * {@link #aggregateByKey(Stream, Function, Function, FeatureTable, AggregateOptions)} for events
     * whose time is a {@code long} of epoch milliseconds, read without boxing: the fastest form for
     * events of a type of one's own (with {@link FieldAggregator#ofDouble}).
     *
     * <pre>{@code
     * Features.aggregateByKeyMillis(clicks, Click::user, Click::epochMillis, table, AggregateOptions.defaults());
     * }</pre>
     *
     * @param <T> the event type
     * @param stream the events
     * @param key the event's key; a {@code null} key fails as a {@code NodeException}
     * @param epochMillis the event's time, in milliseconds since the epoch
     * @param table the table to aggregate into
     * @param options emit policy, aliases and scheduler (the time format is not used)
     * @return the new node, downstream of {@code stream}
     * @throws NullPointerException if an argument is {@code null}
     */
    public static <T> AggregateByKey<T> aggregateByKeyMillis(Stream<? extends T> stream, Function<? super T, ?> key,
            ToLongFunction<? super T> epochMillis, FeatureTable table, AggregateOptions options) {
        return new AggregateByKey<>(notNull(stream, "aggregateByKey"), key, epochMillis, table, options, false);
    }

    /**
     * {@link #aggregateByKeyMillis} for a stream of batches of events, such as
     * {@code Kafka.fromKafkaBatched} emits: every event of a batch is aggregated in order and
     * emitted enriched on its own (with the batch's metadata), exactly as if the events had come
     * one by one, failures included (each event's own, under the node's error policy); but the
     * table is entered once per 256 events of a batch instead of once per event, and looks up
     * several keys at once, which makes a large table (many keys, not in the processor's caches)
     * faster; a query from another thread waits for at most those 256 events. The key
     * and time functions are called for a whole batch before its first event is aggregated.
     *
     * <pre>{@code
     * Stream<List<Click>> batches = Kafka.fromKafkaBatched("clicks", config).map(Click::decodeAll);
     * Features.aggregateByKeyBatched(batches, Click::user, Click::epochMillis, table, AggregateOptions.defaults())
     *         .sink(System.out::println);   // one enriched event per click
     * }</pre>
     *
     * @param <T> the event type
     * @param stream the batches of events; an element that is not a {@code List} fails
     * @param key the event's key; a {@code null} key fails as a {@code NodeException}
     * @param epochMillis the event's time, in milliseconds since the epoch
     * @param table the table to aggregate into
     * @param options emit policy, aliases and scheduler (the time format is not used)
     * @return the new node, downstream of {@code stream}, emitting enriched events
     * @throws NullPointerException if an argument is {@code null}
     */
    public static <T> AggregateByKey<T> aggregateByKeyBatched(Stream<? extends List<? extends T>> stream,
            Function<? super T, ?> key, ToLongFunction<? super T> epochMillis, FeatureTable table,
            AggregateOptions options) {
        return new AggregateByKey<>(notNull(stream, "aggregateByKeyBatched"), key, epochMillis, table, options, true);
    }

    /**
     * The general form: into {@code table}, emitting as {@code policy} says, with the clock and
     * timers of {@code scheduler} (used by {@link EmitPolicy#afterPeriod} and the timeout of
     * {@link EmitPolicy#afterMaxEvents(int, java.time.Duration)} only).
     *
     * <pre>{@code
     * VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();
     * Features.aggregateByKey(source, e -> e.get("user"), e -> e.get("time"), table,
     *         EmitPolicy.afterPeriod("1m"), scheduler).sink(System.out::println);
     * scheduler.advanceTimeBy(Duration.ofMinutes(1));   // each key's latest event since the start
     * }</pre>
     *
     * @param <T> the event type
     * @param stream the events
     * @param key the event's key; a {@code null} key fails as a {@code NodeException}
     * @param time the event's time: an {@code Instant} (or any other instant type), a {@code Date}
     *        or epoch milliseconds
     * @param table the table to aggregate into
     * @param policy when the enriched events are emitted
     * @param scheduler the clock and timers of the emit policy, captured now
     * @return the new node, downstream of {@code stream}
     * @throws NullPointerException if an argument is {@code null}
     */
    public static <T> AggregateByKey<T> aggregateByKey(Stream<? extends T> stream, Function<? super T, ?> key,
            Function<? super T, ?> time, FeatureTable table, EmitPolicy policy, Scheduler scheduler) {
        if (policy == null || scheduler == null) {
            throw new NullPointerException("aggregateByKey: " + (policy == null ? "policy" : "scheduler") + " is null");
        }
        return aggregateByKey(stream, key, time, table, AggregateOptions.defaults().withEmitPolicy(policy)
                .withScheduler(scheduler));
    }

    /**
     * Enriches {@code Map} events with the features of their key at their time, read from
     * {@code table} and not aggregated (storey {@code QueryByKey}, Chalk serving).
     *
     * <pre>{@code
     * Features.queryByKey(requests, "user", "time", table).sink(System.out::println);
     * requests.emit(Map.of("user", "u1", "time", Instant.now()));   // {user=u1, time=..., clicks_count_1h=3}
     * }</pre>
     *
     * <p>A time before the buckets the table still keeps for the key fails as a
     * {@code NodeException}; an unknown key gets empty features.
     *
     * @param stream the events to enrich
     * @param keyField the map key holding each event's key
     * @param timeField the map key holding each event's time
     * @param table the table to read the features from
     * @return the new node, downstream of {@code stream}
     * @throws NullPointerException if an argument is {@code null}
     */
    public static QueryByKey<Map<String, Object>> queryByKey(Stream<? extends Map<String, Object>> stream,
            String keyField, String timeField, FeatureTable table) {
        return queryByKey(stream, Events.field(keyField, "queryByKey", "key"),
                Events.field(timeField, "queryByKey", "time"), table);
    }

    /**
     * See {@link #queryByKey(Stream, String, String, FeatureTable)}; for events of any type. An
     * event that is not a {@code Map} is emitted as a map holding it under {@code "event"}, plus
     * its features.
     *
     * @param <T> the event type
     * @param stream the events to enrich
     * @param key the event's key; a {@code null} key fails as a {@code NodeException}
     * @param time the event's time: an {@code Instant} (or any other instant type), a {@code Date}
     *        or epoch milliseconds
     * @param table the table to read the features from
     * @return the new node, downstream of {@code stream}
     * @throws NullPointerException if an argument is {@code null}
     */
    public static <T> QueryByKey<T> queryByKey(Stream<? extends T> stream, Function<? super T, ?> key,
            Function<? super T, ?> time, FeatureTable table) {
        return new QueryByKey<>(notNull(stream, "queryByKey"), key, time, table, null,
                FixedWindowType.CURRENT_OPEN_WINDOW);
    }

    /**
     * Enriches {@code Map} events with the features named {@code features} of their key at their
     * time (storey {@code QueryByKey(features=[...])}); a window that was not declared is computed
     * from the buckets when it is a multiple of the bucket period within the buckets kept.
     *
     * <pre>{@code
     * Features.queryByKey(requests, "user", "time", table, List.of("clicks_count_1h", "clicks_count_3h"))
     *         .sink(System.out::println);   // {user=u1, time=..., clicks_count_1h=1, clicks_count_3h=4}
     * }</pre>
     *
     * @param stream the events to enrich
     * @param keyField the map key holding each event's key
     * @param timeField the map key holding each event's time
     * @param table the table to read the features from
     * @param features the feature names, {@code <aggregator>_<aggregation>_<window>}
     * @return the new node, downstream of {@code stream}
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException quoting a name the table cannot serve
     */
    public static QueryByKey<Map<String, Object>> queryByKey(Stream<? extends Map<String, Object>> stream,
            String keyField, String timeField, FeatureTable table, List<String> features) {
        return queryByKey(stream, Events.field(keyField, "queryByKey", "key"),
                Events.field(timeField, "queryByKey", "time"), table, features, FixedWindowType.CURRENT_OPEN_WINDOW);
    }

    /**
     * The general form of {@link #queryByKey(Stream, String, String, FeatureTable, List)}: events
     * of any type, and fixed windows read as {@code fixedWindowType} says.
     *
     * <pre>{@code
     * Features.queryByKey(requests, r -> r.user(), r -> r.time(), table, List.of("clicks_count_1h"),
     *         FixedWindowType.LAST_CLOSED_WINDOW);
     * }</pre>
     *
     * @param <T> the event type
     * @param stream the events to enrich
     * @param key the event's key
     * @param time the event's time
     * @param table the table to read the features from
     * @param features the feature names
     * @param fixedWindowType the open fixed window or the last closed one
     * @return the new node, downstream of {@code stream}
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException quoting a name the table cannot serve
     */
    public static <T> QueryByKey<T> queryByKey(Stream<? extends T> stream, Function<? super T, ?> key,
            Function<? super T, ?> time, FeatureTable table, List<String> features, FixedWindowType fixedWindowType) {
        if (table == null) {
            throw new NullPointerException("queryByKey: table is null");
        }
        return new QueryByKey<>(notNull(stream, "queryByKey"), key, time, table, table.select(features),
                fixedWindowType);
    }

    private static <S> S notNull(S stream, String node) {
        if (stream == null) {
            throw new NullPointerException(node + ": stream is null");
        }
        return stream;
    }
}
