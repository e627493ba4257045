package io.streamz.features;

import io.streamz.Stream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import reactor.core.scheduler.Scheduler;
import reactor.util.annotation.Nullable;

/**
 * storey's steps over streams of {@link Event}s and of {@code Map} bodies: each method builds one
 * node downstream of the stream it is given, so steps chain as in storey's
 * {@code build_flow([...])}. Aggregations are in {@link Features}.
 *
 * <pre>{@code
 * Stream<Event<Map<String, Object>>> source = Stream.create();
 * FlowController<Map<String, Object>> controller = FlowController.of(source);
 * Stream<Event<Map<String, Object>>> enriched = Flows.extendBodies(source, b -> Map.of("big", (Integer) b.get("x") > 10));
 * Flows.complete(Flows.reifyMetadata(enriched, List.of("key")));
 * controller.emit(Map.of("x", 42), "ann", null).await(Duration.ofSeconds(1));   // {x=42, big=true, key=ann}
 * }</pre>
 */
public final class Flows {
    private Flows() {
    }

    /**
     * Wraps each element in an {@link Event} whose key and time are read from it (storey's
     * {@code key_field} and {@code time_field} of its sources).
     *
     * <pre>{@code
     * Flows.toEvents(rows, r -> r.get("user"), r -> r.get("time"));   // Event({user=ann, ...}, key=ann, time=...)
     * }</pre>
     *
     * @param <T> the element type
     * @param stream the elements
     * @param key the event key of an element ({@code null} for none)
     * @param time the event time of an element: an instant, a {@code Date}, epoch milliseconds or
     *        an ISO-8601 string ({@code null} for none)
     * @return the events
     * @throws NullPointerException if an argument is {@code null}
     */
    public static <T> Stream<Event<T>> toEvents(Stream<? extends T> stream, Function<? super T, ?> key,
            Function<? super T, ?> time) {
        notNull(key, "toEvents", "key");
        notNull(time, "toEvents", "time");
        return new FunctionNode<T, Event<T>>(notNull(stream, "toEvents", "stream"), "toEvents", "", x -> {
            Object t = time.apply(x);
            return Event.of(x, key.apply(x), t == null ? null : Instant.ofEpochMilli(Events.millis(t, null)));
        });
    }

    /**
     * The bodies of events, without their metadata.
     *
     * <pre>{@code
     * Flows.bodies(events).sink(System.out::println);
     * }</pre>
     *
     * @param <T> the body type
     * @param events the events
     * @return the bodies ({@code null} bodies are dropped)
     * @throws NullPointerException if {@code events} is {@code null}
     */
    public static <T> Stream<T> bodies(Stream<? extends Event<T>> events) {
        return new FunctionNode<Event<T>, T>(notNull(events, "bodies", "events"), "bodies", "", Event::body);
    }

    /**
     * Maps each event's body with {@code func}, keeping key, time and id (storey's steps without
     * {@code full_event}); a {@code null} result drops the event.
     *
     * <pre>{@code
     * Flows.mapBody(events, (Map<String, Object> b) -> b.get("x"));
     * }</pre>
     *
     * @param <T> the body type in
     * @param <R> the body type out
     * @param events the events
     * @param func the body function
     * @return the mapped events
     * @throws NullPointerException if an argument is {@code null}
     */
    public static <T, R> Stream<Event<R>> mapBody(Stream<? extends Event<T>> events, Function<? super T, ? extends R> func) {
        notNull(func, "mapBody", "func");
        return new FunctionNode<Event<T>, Event<R>>(notNull(events, "mapBody", "events"), "mapBody", "", e -> {
            R r = func.apply(e.body());
            return r == null ? null : e.withBody(r);
        });
    }

    /**
     * Completes each event's pending {@link AwaitableResult} with its body, and passes the event
     * on (storey {@code Complete}): the response of a request-response flow.
     *
     * <pre>{@code
     * Flows.complete(Flows.mapBody(source, b -> "hello " + b));
     * controller.emit("ann").await(Duration.ofSeconds(1));   // hello ann
     * }</pre>
     *
     * @param <T> the body type
     * @param events the events
     * @return the same events, downstream of the step
     * @throws NullPointerException if {@code events} is {@code null}
     */
    public static <T> Stream<Event<T>> complete(Stream<Event<T>> events) {
        return new CompleteNode<>(notNull(events, "complete", "events"));
    }

    /**
     * Copies event metadata into the body (storey {@code ReifyMetadata}): {@code "key"},
     * {@code "time"} and {@code "id"}, each under its own name.
     *
     * <pre>{@code
     * Flows.reifyMetadata(events, List.of("key", "time"));   // {x=1, key=ann, time=2024-05-01T10:00:00Z}
     * }</pre>
     *
     * @param events events with {@code Map} bodies
     * @param attributes some of {@code "key"}, {@code "time"}, {@code "id"}
     * @return events whose bodies are copies with the attributes added
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException quoting an attribute that is not one of the three
     */
    public static Stream<Event<Map<String, Object>>> reifyMetadata(Stream<Event<Map<String, Object>>> events,
            List<String> attributes) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String a : notNull(attributes, "reifyMetadata", "attributes")) {
            mapping.put(a, a);
        }
        return reifyMetadata(events, mapping);
    }

    /**
     * Copies event metadata into the body under the given names (storey {@code ReifyMetadata}
     * with a mapping).
     *
     * <pre>{@code
     * Flows.reifyMetadata(events, Map.of("key", "user"));   // {x=1, user=ann}
     * }</pre>
     *
     * @param events events with {@code Map} bodies
     * @param mapping attribute ({@code "key"}, {@code "time"}, {@code "id"}) to body field
     * @return events whose bodies are copies with the attributes added
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException quoting an attribute that is not one of the three
     */
    public static Stream<Event<Map<String, Object>>> reifyMetadata(Stream<Event<Map<String, Object>>> events,
            Map<String, String> mapping) {
        Map<String, String> m = new LinkedHashMap<>(notNull(mapping, "reifyMetadata", "mapping"));
        for (String a : m.keySet()) {
            if (!List.of("key", "time", "id").contains(a)) {
                throw new IllegalArgumentException("reifyMetadata: attribute must be \"key\", \"time\" or \"id\", was \"" + a + "\"");
            }
        }
        return new FunctionNode<Event<Map<String, Object>>, Event<Map<String, Object>>>(
                notNull(events, "reifyMetadata", "events"), "reifyMetadata", "mapping=" + m, e -> {
                    Map<String, Object> body = new LinkedHashMap<>(e.body());
                    m.forEach((attribute, field) -> body.put(field,
                            attribute.equals("key") ? e.key() : attribute.equals("time") ? e.time() : e.id()));
                    return e.withBody(body);
                });
    }

    /**
     * Sends each element to the first branch whose condition it meets, or to the default
     * (storey {@code Choice}): unlike several {@code filter}s, an element goes to one branch only.
     *
     * <pre>{@code
     * Choice<Integer> c = Flows.choice(source, List.of(x -> x % 15 == 0, x -> x % 3 == 0));
     * c.branch(0).sink(x -> System.out.println("fizzbuzz " + x));
     * c.branch(1).sink(x -> System.out.println("fizz " + x));   // never 15: it went to branch 0
     * c.otherwise().sink(x -> System.out.println(x));
     * }</pre>
     *
     * @param <T> the element type
     * @param stream the elements
     * @param conditions the branches' conditions, in order, at least one
     * @return the branches
     * @throws NullPointerException if an argument is or holds {@code null}
     * @throws IllegalArgumentException if {@code conditions} is empty
     */
    public static <T> Choice<T> choice(Stream<? extends T> stream, List<Predicate<? super T>> conditions) {
        List<Predicate<? super T>> c = List.copyOf(notNull(conditions, "choice", "conditions"));
        if (c.isEmpty()) {
            throw new IllegalArgumentException("choice: conditions must not be empty");
        }
        return new Choice<>(new ChoiceNode<>(notNull(stream, "choice", "stream"), c), c.size());
    }

    /**
     * Adds the fields {@code func} returns to each {@code Map} element (storey {@code Extend}): a
     * copy of the element, the new fields replacing old ones of the same name.
     *
     * <pre>{@code
     * Flows.extend(orders, o -> Map.of("total", (Double) o.get("price") * (Integer) o.get("qty")));
     * }</pre>
     *
     * @param stream the elements
     * @param func the fields to add to an element
     * @return the extended elements
     * @throws NullPointerException if an argument is {@code null}
     */
    public static Stream<Map<String, Object>> extend(Stream<? extends Map<String, Object>> stream,
            Function<? super Map<String, Object>, ? extends Map<String, ?>> func) {
        notNull(func, "extend", "func");
        return new FunctionNode<Map<String, Object>, Map<String, Object>>(notNull(stream, "extend", "stream"),
                "extend", "", x -> extended(x, func));
    }

    /**
     * {@link #extend} on the bodies of events, keeping their metadata.
     *
     * <pre>{@code
     * Flows.extendBodies(events, b -> Map.of("big", (Integer) b.get("x") > 10));
     * }</pre>
     *
     * @param events events with {@code Map} bodies
     * @param func the fields to add to a body
     * @return the events with extended bodies
     * @throws NullPointerException if an argument is {@code null}
     */
    public static Stream<Event<Map<String, Object>>> extendBodies(Stream<? extends Event<Map<String, Object>>> events,
            Function<? super Map<String, Object>, ? extends Map<String, ?>> func) {
        notNull(func, "extendBodies", "func");
        return new FunctionNode<Event<Map<String, Object>>, Event<Map<String, Object>>>(
                notNull(events, "extendBodies", "events"), "extendBodies", "", e -> e.withBody(extended(e.body(), func)));
    }

    private static Map<String, Object> extended(Map<String, Object> x,
            Function<? super Map<String, Object>, ? extends Map<String, ?>> func) {
        Map<String, Object> out = new LinkedHashMap<>(x);
        out.putAll(func.apply(x));
        return out;
    }

    /**
     * Runs {@code action} on each element and passes the element on (storey {@code ForEach}).
     *
     * <pre>{@code
     * Flows.forEach(source, x -> metrics.increment()).map(x -> x * 2);
     * }</pre>
     *
     * @param <T> the element type
     * @param stream the elements
     * @param action what to do with each
     * @return the same elements, after the action
     * @throws NullPointerException if an argument is {@code null}
     */
    public static <T> Stream<T> forEach(Stream<? extends T> stream, Consumer<? super T> action) {
        notNull(action, "forEach", "action");
        return new FunctionNode<T, T>(notNull(stream, "forEach", "stream"), "forEach", "", x -> {
            action.accept(x);
            return x;
        });
    }

    /**
     * Maps each element with the state of its key, kept in {@code table} (storey
     * {@code MapWithState(table, fn, group_by_key=True)}): {@code func} gets the element and a
     * mutable copy of the key's state (empty for a new key), may change the state, and returns
     * what to emit ({@code null}: nothing); the state is written back to the table. With a
     * RocksDB or Redis table, the state survives a restart.
     *
     * <pre>{@code
     * Flows.mapWithState(clicks, Table.inMemory(), c -> c.get("user"), (c, state) -> {
     *     long n = (Long) state.merge("count", 1L, (a, b) -> (Long) a + (Long) b);
     *     return Map.of("user", c.get("user"), "clicks_so_far", n);
     * });   // {user=ann, clicks_so_far=1}, {user=ann, clicks_so_far=2}, ...
     * }</pre>
     *
     * @param <T> the element type
     * @param <R> the result type
     * @param stream the elements
     * @param table where each key's state lives
     * @param key the key of an element
     * @param func the element and its key's state to the result
     * @return the results
     * @throws NullPointerException if an argument is {@code null}
     */
    public static <T, R> Stream<R> mapWithState(Stream<? extends T> stream, Table table, Function<? super T, ?> key,
            BiFunction<? super T, Map<String, Object>, ? extends R> func) {
        notNull(table, "mapWithState", "table");
        notNull(key, "mapWithState", "key");
        notNull(func, "mapWithState", "func");
        return new FunctionNode<T, R>(notNull(stream, "mapWithState", "stream"), "mapWithState", "table=" + table, x -> {
            Object k = key.apply(x);
            Map<String, Object> stored = table.get(k);
            Map<String, Object> state = stored == null ? new LinkedHashMap<>() : new LinkedHashMap<>(stored);
            R r = func.apply(x, state);
            table.put(k, state);
            return r;
        });
    }

    /**
     * Runs a {@link MapClass} on each element (storey {@code MapClass}): its result is emitted,
     * {@code null} drops the element.
     *
     * <pre>{@code
     * Flows.mapClass(words, new Dedupe());
     * }</pre>
     *
     * @param <T> the element type
     * @param <R> the result type
     * @param stream the elements
     * @param step the step, used by this node only
     * @return the results
     * @throws NullPointerException if an argument is {@code null}
     */
    public static <T, R> Stream<R> mapClass(Stream<? extends T> stream, MapClass<T, R> step) {
        notNull(step, "mapClass", "step");
        return new FunctionNode<T, R>(notNull(stream, "mapClass", "stream"), "mapClass", step.name(), step::apply);
    }

    /**
     * One element of every {@code n}, per key if a key is given (storey {@code SampleWindow}):
     * the first or the last of each window of {@code n}.
     *
     * <pre>{@code
     * List<Integer> out = Flows.sampleWindow(source, 3, EmitPeriod.FIRST, null).sinkToList();
     * for (int i = 1; i <= 7; i++) source.emit(i);
     * // out: [1, 4, 7]
     * }</pre>
     *
     * @param <T> the element type
     * @param stream the elements
     * @param n the window size, at least 1
     * @param period the first or the last of each window
     * @param key the key to sample by, or {@code null} for one window over all elements (an
     *        element whose key is {@code null} counts in that one window too)
     * @return the sampled elements
     * @throws NullPointerException if {@code stream} or {@code period} is {@code null}
     * @throws IllegalArgumentException if {@code n} is less than 1
     */
    public static <T> Stream<T> sampleWindow(Stream<? extends T> stream, int n, EmitPeriod period,
            @Nullable Function<? super T, ?> key) {
        return sampleWindow(stream, n, period, key, false);
    }

    /**
     * See {@link #sampleWindow(Stream, int, EmitPeriod, Function)}; with
     * {@code emitBeforeTermination}, the last element seen is also emitted at the end of the input
     * when it was not emitted already (storey {@code emit_before_termination}: one element, the
     * last of any key).
     *
     * <pre>{@code
     * List<Integer> out = Flows.sampleWindow(source, 5, EmitPeriod.FIRST, null, true).sinkToList();
     * for (int i = 0; i < 5; i++) source.emit(i);
     * source.emitEnd();
     * // out: [0, 4]
     * }</pre>
     *
     * <p><b>Metadata:</b> with {@code emitBeforeTermination}, the refs of the last element not
     * emitted are held until a later element replaces it or it is emitted at the end.
     *
     * @param <T> the element type
     * @param stream the elements
     * @param n the window size, at least 1
     * @param period the first or the last of each window
     * @param key the key to sample by, or {@code null} for one window over all elements
     * @param emitBeforeTermination whether to emit the last element seen at the end of the input
     * @return the sampled elements
     * @throws NullPointerException if {@code stream} or {@code period} is {@code null}
     * @throws IllegalArgumentException if {@code n} is less than 1
     */
    public static <T> Stream<T> sampleWindow(Stream<? extends T> stream, int n, EmitPeriod period,
            @Nullable Function<? super T, ?> key, boolean emitBeforeTermination) {
        if (n < 1) {
            throw new IllegalArgumentException("sampleWindow: n must be >= 1, was " + n);
        }
        notNull(period, "sampleWindow", "period");
        return new SampleWindowNode<T>(notNull(stream, "sampleWindow", "stream"), n, period, key, emitBeforeTermination);
    }

    /**
     * Reduces the elements into one value (storey {@code Reduce}): {@code fn(acc, element)} for each
     * element from {@code initial}. The value is the flow's termination result: a
     * {@link FlowController} of the flow answers it from {@code awaitTermination()}; it can also be
     * read at any time with {@link Reduce#result()}.
     *
     * <pre>{@code
     * Reduce<Integer, Integer> sum = Flows.reduce(source, 0, (acc, x) -> acc + x);
     * source.emit(1);
     * source.emit(2);
     * sum.result();   // 3
     * }</pre>
     *
     * @param <T> the element type
     * @param <S> the reduced value's type
     * @param stream the elements
     * @param initial the value before any element, may be {@code null}
     * @param fn the value after one more element
     * @return the reduction, a node that emits nothing
     * @throws NullPointerException if {@code stream} or {@code fn} is {@code null}
     */
    public static <T, S> Reduce<T, S> reduce(Stream<? extends T> stream, @Nullable S initial,
            BiFunction<? super S, ? super T, ? extends S> fn) {
        notNull(fn, "reduce", "fn");
        return new Reduce<T, S>(notNull(stream, "reduce", "stream"), "reduce", initial, fn, s -> s);
    }

    /**
     * Checks the elements that pass, for tests of a flow (storey {@code Assert}): chain the checks
     * on the node this returns.
     *
     * <pre>{@code
     * Flows.assertEvents(Flows.sampleWindow(source, 5, EmitPeriod.FIRST, null, true)).exactly(2).matchExactly(List.of(0, 4));
     * for (int i = 0; i < 5; i++) source.emit(i);
     * source.emitEnd();   // completes normally
     * }</pre>
     *
     * @param <T> the element type
     * @param stream the elements
     * @return the node, passing the elements on unchanged; no check yet
     * @throws NullPointerException if {@code stream} is {@code null}
     */
    public static <T> Assert<T> assertEvents(Stream<? extends T> stream) {
        return new Assert<>(notNull(stream, "assertEvents", "stream"));
    }

    /**
     * Adds the attributes {@code table} holds for each element's key to a copy of the element
     * (storey {@code JoinWithTable}); an element whose key has none passes unchanged, or is
     * dropped with {@code innerJoin}.
     *
     * <pre>{@code
     * Table users = Table.inMemory();
     * users.put("ann", Map.of("country", "NZ"));
     * Flows.joinWithTable(clicks, users, c -> c.get("user"), false);   // {user=ann, page=/, country=NZ}
     * }</pre>
     *
     * @param stream the elements
     * @param table the table to look keys up in
     * @param key the key of an element
     * @param innerJoin whether to drop elements whose key the table does not hold
     * @return the joined elements
     * @throws NullPointerException if an argument is {@code null}
     */
    public static Stream<Map<String, Object>> joinWithTable(Stream<? extends Map<String, Object>> stream, Table table,
            Function<? super Map<String, Object>, ?> key, boolean innerJoin) {
        return joinWithTable(stream, table, key, (x, found) -> {
            Map<String, Object> out = new LinkedHashMap<>(x);
            out.putAll(found);
            return out;
        }, innerJoin);
    }

    /**
     * See {@link #joinWithTable(Stream, Table, Function, boolean)}; the join is {@code join}
     * (storey {@code join_function}), given the element and the key's attributes (an empty map
     * for a missing key, unless {@code innerJoin}); a {@code null} result drops the element.
     *
     * <pre>{@code
     * Flows.joinWithTable(clicks, users, Click::user, (c, u) -> new Enriched(c, (String) u.get("country")), true);
     * }</pre>
     *
     * @param <T> the element type
     * @param <R> the result type
     * @param stream the elements
     * @param table the table to look keys up in
     * @param key the key of an element
     * @param join the element and its key's attributes to the result
     * @param innerJoin whether to drop elements whose key the table does not hold
     * @return the joined elements
     * @throws NullPointerException if an argument is {@code null}
     */
    public static <T, R> Stream<R> joinWithTable(Stream<? extends T> stream, Table table, Function<? super T, ?> key,
            BiFunction<? super T, Map<String, Object>, ? extends R> join, boolean innerJoin) {
        notNull(table, "joinWithTable", "table");
        notNull(key, "joinWithTable", "key");
        notNull(join, "joinWithTable", "join");
        return new FunctionNode<T, R>(notNull(stream, "joinWithTable", "stream"), "joinWithTable",
                "table=" + table + (innerJoin ? ", inner" : ""), x -> {
                    Map<String, Object> found = table.get(key.apply(x));
                    if (found == null && innerJoin) {
                        return null;
                    }
                    return join.apply(x, found == null ? Map.of() : found);
                });
    }

    /**
     * Writes each event's body to {@code table} under the event's key (storey
     * {@code NoSqlTarget}), and passes the event on once it is written. {@code columns} choose the
     * attributes written, as storey's: {@code "field"}, {@code "name=field"} to rename,
     * {@code "$key"} and {@code "$time"} (or {@code "name=$time"}) for the event's metadata; an
     * empty list writes the whole body; a field the body lacks is not written. The write runs on
     * the emitting thread; {@link #noSqlTarget(Stream, Table, List, NoSqlOptions)} writes
     * asynchronously or every interval.
     *
     * <pre>{@code
     * Stream<Event<Map<String, Object>>> events = Stream.create();
     * Table table = Table.inMemory();
     * Flows.noSqlTarget(events, table, List.of("clicks", "user=$key"));
     * events.emit(Event.of(Map.of("clicks", 3, "page", "/"), "ann", null));
     * table.get("ann");   // {clicks=3, user=ann}
     * }</pre>
     *
     * <p><b>Failures:</b> an event without a key, a body that is not a {@code Map} or a write that
     * throws fails the event through the node's error policy, naming the node and the event.
     *
     * @param events events with {@code Map} bodies and a key
     * @param table where to write
     * @param columns the attributes to write
     * @return the same events, after they are written
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if a column is malformed
     */
    public static Stream<Event<Map<String, Object>>> noSqlTarget(Stream<Event<Map<String, Object>>> events, Table table,
            List<String> columns) {
        return noSqlTarget(events, table, columns,
                NoSqlOptions.everyEvent().withWriter(reactor.core.scheduler.Schedulers.immediate()));
    }

    /**
     * {@link #noSqlTarget(Stream, Table, List)} with storey's {@code flush_interval_secs} and
     * {@code max_updates_in_flight} ({@link NoSqlOptions}; storey's defaults:
     * {@link NoSqlOptions#defaults()}, 300 s and 8). With an interval, each key's changes are
     * merged and written every interval, and the events go on at once, their refs held until their
     * change is written (at least once: a Kafka source commits an event's offset only then).
     * Without one ({@link NoSqlOptions#everyEvent()}), each event's change is written
     * asynchronously on the options' writer and the event goes on once it is written. Either way at most
     * {@code maxUpdatesInFlight} writes run at a time, one per key (the changes of a key that come
     * while it is written are merged into its next write), and the end of the input writes
     * everything held, then goes on ({@code stats().held()}: events not written yet,
     * {@code queued()}: keys waiting for a write slot).
     *
     * <pre>{@code
     * VirtualTimeScheduler clock = VirtualTimeScheduler.create();
     * Stream<Event<Map<String, Object>>> events = Stream.create();
     * Table table = Table.inMemory();
     * Flows.noSqlTarget(events, table, List.of("clicks"), NoSqlOptions.defaults()
     *         .withFlushInterval(Duration.ofSeconds(10)).withScheduler(clock).withWriter(Schedulers.immediate()));
     * events.emit(Event.of(Map.of("clicks", 3), "ann", null));
     * events.emit(Event.of(Map.of("clicks", 4), "ann", null));
     * table.get("ann");                               // null: not written yet
     * clock.advanceTimeBy(Duration.ofSeconds(10));
     * table.get("ann");                               // {clicks=4}
     * }</pre>
     *
     * <p><b>Failures:</b> a write that throws goes through the node's error policy.
     * {@code ErrorPolicy.retry(n, backoff)} writes the key's merged change again after
     * {@code backoff} (doubling, on the options' scheduler), the same change each time (later
     * changes of the key wait and are written after it), up to {@code n} writes; then, or without a
     * retry: {@code skip()} drops the change and lets its events' refs go, {@code route()} sends a
     * {@link io.streamz.Failure} per event (the node, the event, the store's exception) to the
     * errors stream, then lets the refs go once it was handled; under {@code propagate()} the
     * event fails (each event written at once), or the change and its refs are kept for the next
     * interval, the failure logged and counted in {@code stats().failed()} (with an interval; at the
     * end of the input, the end fails).
     *
     * <pre>{@code
     * Stream<Event<Map<String, Object>>> events = Stream.create();
     * Stream<Event<Map<String, Object>>> target = Flows.noSqlTarget(events, table, List.of(), NoSqlOptions.defaults()
     *         .withFlushInterval(Duration.ofSeconds(10)).withScheduler(clock).withWriter(Schedulers.immediate()));
     * target.onError(ErrorPolicy.retry(3, Duration.ofSeconds(1)).orElse(ErrorPolicy.route()));
     * target.errors().sink(f -> System.out.println(f.node() + " gave up on " + f.element()));
     * }</pre>
     *
     * @param events events with {@code Map} bodies and a key
     * @param table where to write
     * @param columns the attributes to write
     * @param options when and how to write
     * @return the same events
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if a column is malformed
     */
    public static Stream<Event<Map<String, Object>>> noSqlTarget(Stream<Event<Map<String, Object>>> events, Table table,
            List<String> columns, NoSqlOptions options) {
        notNull(table, "noSqlTarget", "table");
        notNull(options, "noSqlTarget", "options");
        return new NoSqlTarget(notNull(events, "noSqlTarget", "events"), table,
                TargetColumns.of(notNull(columns, "noSqlTarget", "columns")), options);
    }

    /**
     * Appends the events to a CSV file (storey {@code CSVTarget}) and passes them on: one row per
     * event of {@code columns} (storey's notation, see {@link TargetColumns}; empty: the first
     * body's fields, sorted), written in batches as {@code batching} says (storey's defaults:
     * {@link BatchOptions#csvDefaults()}) and at the end of the input.
     *
     * <pre>{@code
     * Stream<Event<Map<String, Object>>> events = Stream.create();
     * Path file = Files.createTempFile("clicks", ".csv");
     * Files.delete(file);
     * Flows.csvTarget(events, file, List.of("user=$key", "clicks"), true, BatchOptions.atEnd());
     * events.emit(Event.of(Map.of("clicks", 3), "ann", null));
     * events.emit(Event.of(Map.of("clicks", 1), "bob", null));
     * events.emitEnd();
     * Files.readAllLines(file);   // [user,clicks, ann,3, bob,1]
     * }</pre>
     *
     * <p>Values are written with {@code String.valueOf} (an {@code Instant} in ISO-8601, where
     * storey writes Python's {@code str} of a datetime); a field with a comma, a quote or a line
     * end is quoted. Rows are appended to an existing file, whose header is not written again.
     *
     * <p><b>Bodies:</b> a {@code Map} body gives each column its field ({@code null} when
     * missing); a {@code List} body is written as it is, or, when some columns are metadata
     * ({@code "event_key=$key"}), fills the other columns in order, as storey does. Columns cannot
     * be inferred from a {@code List}: the event fails, naming the node and the event, as does a
     * body that is neither.
     *
     * @param <B> the body type: {@code Map<String, Object>} or a {@code List}
     * @param events events with {@code Map} or {@code List} bodies
     * @param path the file
     * @param columns the columns to write
     * @param header whether to write the columns' names first into a new or empty file
     * @param batching when to write
     * @return the same events, passed on at once
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if a column is malformed
     */
    public static <B> Stream<Event<B>> csvTarget(Stream<? extends Event<B>> events, java.nio.file.Path path,
            List<String> columns, boolean header, BatchOptions batching) {
        return csvTarget(events, path, columns, false, header, batching);
    }

    /**
     * {@link #csvTarget(Stream, java.nio.file.Path, List, boolean, BatchOptions)} with storey's
     * {@code infer_columns_from_data}: when {@code inferColumnsFromData}, the first event's fields
     * that no column is named after are written too, and all the columns are sorted by name
     * (storey sorts them all); without columns they are always inferred.
     *
     * <pre>{@code
     * Stream<Event<Map<String, Object>>> events = Stream.create();
     * Path file = Files.createTempFile("clicks", ".csv");
     * Files.delete(file);
     * Flows.csvTarget(events, file, List.of("user=$key"), true, true, BatchOptions.atEnd());
     * events.emit(Event.of(Map.of("clicks", 3, "page", "/"), "ann", null));
     * events.emitEnd();
     * Files.readAllLines(file);   // [clicks,page,user, 3,/,ann]
     * }</pre>
     *
     * @param <B> the body type: {@code Map<String, Object>} or a {@code List}
     * @param events events with {@code Map} or {@code List} bodies
     * @param path the file
     * @param columns the columns to write
     * @param inferColumnsFromData whether to add the first event's fields to the columns
     * @param header whether to write the columns' names first into a new or empty file
     * @param batching when to write
     * @return the same events, passed on at once
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if a column is malformed
     */
    @SuppressWarnings("unchecked")
    public static <B> Stream<Event<B>> csvTarget(Stream<? extends Event<B>> events, java.nio.file.Path path,
            List<String> columns, boolean inferColumnsFromData, boolean header, BatchOptions batching) {
        notNull(path, "csvTarget", "path");
        notNull(batching, "csvTarget", "batching");
        TargetColumns cols = TargetColumns.of(notNull(columns, "csvTarget", "columns"));
        return (Stream<Event<B>>) (Stream<?>) new CsvTarget(notNull(events, "csvTarget", "events"), path,
                inferColumnsFromData ? cols.withColumnsInferredFromData() : cols, header, batching);
    }

    /**
     * Sends a request per element and joins the element with the response (storey
     * {@code SendToHttp}): {@code request} builds the request, {@code join} makes the element that
     * goes on ({@code null} drops it). At most {@code maxInFlight} requests are in flight at a
     * time (storey's {@code max_in_flight}); the others wait in arrival order. The requests go
     * through a Reactor Netty client (module {@code reactor-netty-http}, an optional dependency of
     * this one), whatever the status: a 500 is a response for {@code join} to judge.
     *
     * <pre>{@code
     * Stream<Map<String, Object>> scored = Flows.sendToHttp(source,
     *         e -> HttpRequest.get("http://127.0.0.1:8080/score?user=" + e.get("user")),
     *         (e, response) -> Map.of("user", e.get("user"), "score", response.body()), 8);
     * }</pre>
     *
     * <p><b>Failures:</b> a failed request (no connection, a bad URL, a connection closed before
     * the response) or a function that throws fails the element through the node's error policy,
     * naming the node and the element. The node is asynchronous, so
     * {@code onError(ErrorPolicy.retry(n, backoff))} sends a failed request again, up to {@code n}
     * requests in all, waiting {@code backoff}, then twice as long, ... between them (storey's
     * {@code retries} and {@code backoff_factor}); a status such as 500 is a response, not a
     * failure, and the join is not retried:
     *
     * <pre>{@code
     * Stream<String> scored = Flows.sendToHttp(source, x -> HttpRequest.get(url + x), (x, r) -> x + ": " + r.body(), 8)
     *         .onError(ErrorPolicy.retry(3, "100ms"));   // 3 requests at most, 100 ms then 200 ms apart
     * }</pre>
     *
     * <p><b>Metadata:</b> held until the response was joined, then passed on with the result.
     *
     * @param <T> the element type
     * @param <R> the joined element's type
     * @param stream the elements
     * @param request the request of an element
     * @param join the element that goes on, from the element and the response
     * @param maxInFlight the most requests in flight, at least 1
     * @return the joined elements, in the order their responses arrive
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code maxInFlight} is less than 1
     */
    public static <T, R> Stream<R> sendToHttp(Stream<? extends T> stream, Function<? super T, HttpRequest> request,
            BiFunction<? super T, HttpResponse, ? extends R> join, int maxInFlight) {
        return sendToHttp(stream, request, join, maxInFlight, reactor.core.scheduler.Schedulers.parallel());
    }

    /**
     * {@link #sendToHttp(Stream, Function, BiFunction, int)} with the retries' backoff timed on
     * {@code scheduler} ({@code Schedulers.parallel()} unless given): a failed request is sent
     * again from that scheduler's thread once the backoff passed on its clock, so that retries run
     * where you want them, and on virtual time in a test.
     *
     * <pre>{@code
     * VirtualTimeScheduler clock = VirtualTimeScheduler.create();
     * Stream<String> scored = Flows.sendToHttp(source, x -> HttpRequest.get(url + x), (x, r) -> x + ": " + r.body(), 8,
     *         clock).onError(ErrorPolicy.retry(3, Duration.ofSeconds(1)));
     * // a request that failed is sent again when clock.advanceTimeBy(Duration.ofSeconds(1)) runs
     * }</pre>
     *
     * @param <T> the element type
     * @param <R> the joined element's type
     * @param stream the elements
     * @param request the request of an element
     * @param join the element that goes on, from the element and the response
     * @param maxInFlight the most requests in flight, at least 1
     * @param scheduler the clock and thread of the retries' backoff
     * @return the joined elements, in the order their responses arrive
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code maxInFlight} is less than 1
     */
    public static <T, R> Stream<R> sendToHttp(Stream<? extends T> stream, Function<? super T, HttpRequest> request,
            BiFunction<? super T, HttpResponse, ? extends R> join, int maxInFlight, Scheduler scheduler) {
        notNull(scheduler, "sendToHttp", "scheduler");
        notNull(request, "sendToHttp", "request");
        notNull(join, "sendToHttp", "join");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("sendToHttp: maxInFlight must be >= 1, was " + maxInFlight);
        }
        @SuppressWarnings("unchecked")
        Stream<T> in = (Stream<T>) notNull(stream, "sendToHttp", "stream");
        return new SendToHttpNode<T, R>(in, request, join, maxInFlight, scheduler);
    }

    static <V> V notNull(V value, String node, String param) {
        if (value == null) {
            throw new NullPointerException(node + ": " + param + " is null");
        }
        return value;
    }
}
