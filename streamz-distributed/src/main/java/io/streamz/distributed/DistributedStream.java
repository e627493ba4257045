package io.streamz.distributed;

import io.streamz.ErrorPolicy;
import io.streamz.Failure;
import io.streamz.NodeStats;
import io.streamz.Stream;
import io.streamz.distributed.internal.AccumulateTaskNode;
import io.streamz.distributed.internal.Futures;
import io.streamz.distributed.internal.GatherNode;
import io.streamz.distributed.internal.Serial;
import io.streamz.distributed.internal.TaskNode;
import io.streamz.distributed.internal.Tasks;
import io.streamz.internal.transform.StarmapNode;
import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Intervals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A stream whose functions run as tasks on an {@link Engine} and whose elements are futures
 * (streamz's {@code DaskStream}): made by {@link Distributed#scatter}, turned back into a local
 * {@link Stream} by {@link #gather()}.
 *
 * <pre>{@code
 * Stream<Integer> source = Stream.create();
 * List<Integer> out = Distributed.scatter(source)   // a DistributedStream<Integer>
 *         .map(x -> x + 1)                          // a task per element
 *         .buffer(8)                                // up to 8 tasks in flight
 *         .gather()                                 // back to a Stream<Integer>, in order
 *         .sinkToList();
 * for (int i = 0; i < 5; i++) source.emit(i);
 * // out, once the buffer drained: [1, 2, 3, 4, 5]
 * }</pre>
 *
 * <p>It is not a {@link Stream}: a local node cannot be attached to it by mistake and receive
 * futures (streamz's gotcha with {@code DaskStream}); {@link #gather()} is the way back.
 *
 * <p>{@code map}, {@code starmap}, {@code filter} and {@code accumulate} send one task per
 * element and pass its future on at once; {@code zip}, {@code combineLatest} and the windows
 * pair or group futures; {@code buffer}, {@code delay}, {@code rateLimit}, {@code timedWindow}
 * and {@code latest} work on the futures as the local operators do on elements. Functions must
 * be serialisable ({@link SerializableFunction} and friends): one that is not fails when the
 * graph is built, naming the node. A task's failure is a {@code NodeException} naming the node
 * that sent it and its element; where the element is gathered, that node's {@link ErrorPolicy}
 * applies ({@link #onError}): it reaches {@link #gather()}'s caller as a local node's would, or
 * is skipped, routed to {@link #errors()}, or retried. The end of the input ({@code emitEnd()},
 * a bounded source's end) passes {@code gather} once every element before it was gathered.
 *
 * <p><b>Metadata:</b> refs travel with the futures and are held by {@code buffer} and
 * {@code gather} until the element's result was emitted, so a source's checkpoint (Kafka
 * offsets) never moves past work still running on the engine.
 *
 * @param <T> the type of the values the futures hold
 */
public final class DistributedStream<T> {
    private final Stream<CompletableFuture<T>> futures;
    private final Engine engine;
    /** Whether some futures may hold {@code Empty.ELEMENT} (a filter upstream). */
    private final boolean filtered;
    /** Elements {@link #gather()} lets run at once when no buffer was set ({@link Distributed#parallel}), or 0. */
    private final int parallelism;

    DistributedStream(Stream<CompletableFuture<T>> futures, Engine engine, boolean filtered, int parallelism) {
        this.futures = futures;
        this.engine = engine;
        this.filtered = filtered;
        this.parallelism = parallelism;
    }

    private <R> DistributedStream<R> next(Stream<CompletableFuture<R>> node, boolean mayBeFiltered) {
        return new DistributedStream<>(node, engine, mayBeFiltered, parallelism);
    }

    /**
     * The engine this stream's tasks run on.
     *
     * @return the engine given to {@link Distributed#scatter(Stream, Engine)}
     */
    public Engine engine() {
        return engine;
    }

    /**
     * Names the last node (streamz {@code stream_name}); the name shows in errors and pictures.
     *
     * <pre>{@code
     * Distributed.scatter(source).map(x -> 10 / x).named("invert");   // failures say map "invert"
     * }</pre>
     *
     * @param name the node's name
     * @return this stream
     */
    public DistributedStream<T> named(String name) {
        futures.named(name);
        return this;
    }

    /**
     * Sets what the last node ({@code map}, {@code starmap}, {@code filter}, {@code accumulate})
     * does when its task fails on the engine (see {@link ErrorPolicy}): {@code skip()} drops the
     * element, {@code route()} sends a {@link Failure} to {@link #errors()}, {@code retry(n,
     * backoff)} sends the task again (not for {@code accumulate}, whose state is one chain). The
     * policy applies where the element is gathered, in order, with its metadata.
     *
     * <pre>{@code
     * List<Integer> out = Distributed.scatter(source).map(x -> 10 / x).onError(ErrorPolicy.skip())
     *         .gather().sinkToList();
     * source.emit(0);
     * source.emit(5);
     * // out: [2]
     * }</pre>
     *
     * @param policy the policy
     * @return this stream
     * @throws IllegalArgumentException if {@code policy} retries and the node cannot
     */
    public DistributedStream<T> onError(ErrorPolicy policy) {
        futures.onError(policy);
        return this;
    }

    /**
     * The failures of the last node's tasks, as data, in a local stream (see
     * {@link Stream#errors()}); unless a policy was set, calling this routes them here.
     *
     * <pre>{@code
     * DistributedStream<Integer> inverted = Distributed.scatter(source).map(x -> 10 / x);
     * List<Object> bad = inverted.errors().map(Failure::element).sinkToList();
     * List<Integer> good = inverted.gather().sinkToList();
     * source.emit(0);
     * source.emit(5);
     * // good: [2], bad: [0]
     * }</pre>
     *
     * @return the stream of failures
     */
    public Stream<Failure> errors() {
        return futures.errors();
    }

    /**
     * The last node's counters (see {@link Stream#stats()}): for a task node, {@code held} is
     * its tasks in flight on the engine; failures are counted by policy once gathered.
     *
     * <pre>{@code
     * DistributedStream<Integer> squares = Distributed.scatter(source).map(x -> x * x);
     * squares.stats().held();   // tasks of squares running now
     * }</pre>
     *
     * @return the counters now
     */
    public NodeStats stats() {
        return futures.stats();
    }

    // ------------------------------------------------------------------ tasks

    /**
     * Applies {@code func} to every element, as a task on the engine (streamz {@code map}).
     *
     * <pre>{@code
     * List<Integer> out = Distributed.scatter(source).map(x -> x * 2).gather().sinkToList();
     * source.emit(1);
     * source.emit(2);
     * // out: [2, 4]
     * }</pre>
     *
     * @param <R> the result type
     * @param func the function, serialisable
     * @return the stream of the results' futures
     * @throws IllegalArgumentException if {@code func} cannot be serialised
     */
    public <R> DistributedStream<R> map(SerializableFunction<? super T, ? extends R> func) {
        SerializableFunction<? super T, ? extends R> f = Serial.check(Checks.notNull(func, "map", "func"), "map", "func");
        return next(new TaskNode<T, R>(futures, "map", engine, x -> new Tasks.Apply<>(f, x)), filtered);
    }

    /**
     * Applies {@code func} to the two items of every pair (a two-element {@code List}, array or
     * {@code Tuple2}), as a task on the engine (streamz {@code starmap}).
     *
     * <pre>{@code
     * List<Integer> out = Distributed.scatter(pairs).<Integer, Integer, Integer>starmap((a, b) -> a + b)
     *         .gather().sinkToList();
     * pairs.emit(List.of(1, 2));
     * // out: [3]
     * }</pre>
     *
     * @param <A> the first item's type
     * @param <B> the second item's type
     * @param <R> the result type
     * @param func the function, serialisable
     * @return the stream of the results' futures
     * @throws IllegalArgumentException if {@code func} cannot be serialised
     */
    public <A, B, R> DistributedStream<R> starmap(SerializableBiFunction<? super A, ? super B, ? extends R> func) {
        SerializableBiFunction<? super A, ? super B, ? extends R> f =
                Serial.check(Checks.notNull(func, "starmap", "func"), "starmap", "func");
        return next(new TaskNode<T, R>(futures, "starmap", engine, x -> new Tasks.Apply2<A, B, R>(f,
                DistributedStream.<A>cast(StarmapNode.item(x, 0)), DistributedStream.<B>cast(StarmapNode.item(x, 1)))), filtered);
    }

    /**
     * Keeps the elements for which {@code predicate} holds, testing each as a task on the engine
     * (streamz {@code filter}). The dropped elements still flow as empty futures, so that tasks
     * stay in flight; {@code gather} emits nothing for them, and windows and joins wait for the
     * test's result before counting an element.
     *
     * <pre>{@code
     * List<Integer> out = Distributed.scatter(source).filter(x -> x % 2 == 0).gather().sinkToList();
     * for (int i = 0; i < 5; i++) source.emit(i);
     * // out: [0, 2, 4]
     * }</pre>
     *
     * @param predicate the test, serialisable
     * @return the stream of the kept elements' futures
     * @throws IllegalArgumentException if {@code predicate} cannot be serialised
     */
    public DistributedStream<T> filter(SerializablePredicate<? super T> predicate) {
        SerializablePredicate<? super T> p =
                Serial.check(Checks.notNull(predicate, "filter", "predicate"), "filter", "predicate");
        return next(new TaskNode<T, T>(futures, "filter", engine, x -> new Tasks.Test<>(p, x)), true);
    }

    /**
     * Running reduction, one task per element; the first element is the start (streamz
     * {@code accumulate}). Each task waits for the one before it: the state is one chain.
     *
     * <pre>{@code
     * List<Integer> out = Distributed.scatter(source).accumulate(Integer::sum).gather().sinkToList();
     * for (int i = 1; i <= 4; i++) source.emit(i);
     * // out: [1, 3, 6, 10]
     * }</pre>
     *
     * @param func combines the state and the next element, serialisable
     * @return the stream of the states' futures
     * @throws IllegalArgumentException if {@code func} cannot be serialised
     */
    public DistributedStream<T> accumulate(SerializableBinaryOperator<T> func) {
        SerializableBinaryOperator<T> f = Serial.check(Checks.notNull(func, "accumulate", "func"), "accumulate", "func");
        return next(new AccumulateTaskNode<T, T>(futures, engine, f::apply, false, null), filtered);
    }

    /**
     * Running reduction from {@code start}, one task per element (streamz
     * {@code accumulate(func, start=...)}).
     *
     * <pre>{@code
     * List<Integer> out = Distributed.scatter(words).accumulate((n, w) -> n + w.length(), 0).gather().sinkToList();
     * words.emit("ab");
     * words.emit("cde");
     * // out: [2, 5]
     * }</pre>
     *
     * @param <S> the state type
     * @param func combines the state and the next element, serialisable
     * @param start the first state, possibly {@code null}
     * @return the stream of the states' futures
     * @throws IllegalArgumentException if {@code func} cannot be serialised
     */
    public <S> DistributedStream<S> accumulate(SerializableBiFunction<? super S, ? super T, ? extends S> func, S start) {
        SerializableBiFunction<? super S, ? super T, ? extends S> f =
                Serial.check(Checks.notNull(func, "accumulate", "func"), "accumulate", "func");
        return next(new AccumulateTaskNode<S, T>(futures, engine, f, true, start), filtered);
    }

    // ------------------------------------------------------------------ joins

    /**
     * Pairs the n-th elements of this stream and {@code others} (streamz {@code zip}); the
     * future of the pair completes when all its parts have.
     *
     * <pre>{@code
     * DistributedStream<Integer> a = Distributed.scatter(left);
     * List<List<Object>> out = a.zip(a.map(x -> x * 10)).gather().sinkToList();
     * left.emit(1);
     * // out: [[1, 10]]
     * }</pre>
     *
     * @param others the other distributed streams
     * @return the stream of the tuples' futures
     */
    public DistributedStream<List<Object>> zip(DistributedStream<?>... others) {
        return join(others, (first, rest) -> first.zip(rest));
    }

    /**
     * Emits the latest element of each stream whenever any of them emits (streamz
     * {@code combine_latest}).
     *
     * <pre>{@code
     * List<List<Object>> out = Distributed.scatter(a).combineLatest(Distributed.scatter(b)).gather().sinkToList();
     * a.emit(1);
     * b.emit("x");
     * a.emit(2);
     * // out: [[1, x], [2, x]]
     * }</pre>
     *
     * @param others the other distributed streams
     * @return the stream of the tuples' futures
     */
    public DistributedStream<List<Object>> combineLatest(DistributedStream<?>... others) {
        return join(others, (first, rest) -> first.combineLatest(rest));
    }

    /**
     * Merges this stream and {@code others} (streamz {@code union}).
     *
     * <pre>{@code
     * List<Integer> out = Distributed.scatter(a).union(Distributed.scatter(c)).gather().sinkToList();
     * a.emit(1);
     * c.emit(2);
     * // out: [1, 2]
     * }</pre>
     *
     * @param others the other distributed streams
     * @return the merged stream
     */
    @SafeVarargs
    public final DistributedStream<T> union(DistributedStream<? extends T>... others) {
        Checks.notNull(others, "union", "others");
        boolean anyFiltered = filtered;
        List<Stream<CompletableFuture<T>>> ups = new ArrayList<>();
        for (DistributedStream<? extends T> o : others) {
            Checks.notNull(o, "union", "other");
            ups.add(cast(o.futures));
            anyFiltered |= o.filtered;
        }
        return next(futures.union(ups.toArray(new Stream[0])), anyFiltered);
    }

    private DistributedStream<List<Object>> join(DistributedStream<?>[] others,
            java.util.function.BiFunction<Stream<CompletableFuture<T>>, Stream<?>[], Stream<List<Object>>> how) {
        Checks.notNull(others, "join", "others");
        Stream<?>[] rest = Arrays.stream(others)
                .map(o -> Checks.notNull(o, "join", "other").settled())
                .toArray(Stream[]::new);
        return next(all(how.apply(settled(), rest)), false);
    }

    /** The futures, with elements a filter dropped taken out once known. */
    private Stream<CompletableFuture<T>> settled() {
        return filtered ? Futures.settle(futures) : futures;
    }

    private static <X> Stream<CompletableFuture<List<X>>> all(Stream<? extends List<?>> groups) {
        return groups.<CompletableFuture<List<X>>>map(g -> cast(Futures.all(g))).named("all");
    }

    // ------------------------------------------------------------------ time and windows

    /**
     * Lets up to {@code n} futures wait for {@link #gather()} while their tasks run: the
     * parallelism of the graph (streamz {@code buffer}).
     *
     * <pre>{@code
     * Distributed.scatter(source).map(x -> x + 1).buffer(8).gather();   // 8 tasks in flight
     * }</pre>
     *
     * <p><b>Blocks:</b> {@code emit} waits while {@code n} futures are held.
     *
     * @param n at least 1
     * @return the buffered stream
     */
    public DistributedStream<T> buffer(int n) {
        return next(futures.buffer(n), filtered);
    }

    /**
     * Passes each future on {@code interval} after it arrived (streamz {@code delay}).
     *
     * <pre>{@code
     * Distributed.scatter(source).delay("1s");
     * }</pre>
     *
     * @param interval such as {@code "500ms"}
     * @return the delayed stream
     */
    public DistributedStream<T> delay(String interval) {
        return delay(Intervals.parse(Checks.notNull(interval, "delay", "interval")));
    }

    /**
     * See {@link #delay(String)}.
     *
     * <pre>{@code
     * Distributed.scatter(source).delay(Duration.ofSeconds(1));
     * }</pre>
     *
     * @param interval the delay
     * @return the delayed stream
     */
    public DistributedStream<T> delay(Duration interval) {
        return delay(interval, Schedulers.parallel());
    }

    /**
     * See {@link #delay(String)}; on {@code scheduler}'s clock.
     *
     * <pre>{@code
     * Distributed.scatter(source).delay(Duration.ofSeconds(1), clock);
     * }</pre>
     *
     * @param interval the delay
     * @param scheduler the clock and timers
     * @return the delayed stream
     */
    public DistributedStream<T> delay(Duration interval, Scheduler scheduler) {
        return next(futures.delay(interval, scheduler), filtered);
    }

    /**
     * Passes at most one future per {@code interval} (streamz {@code rate_limit}).
     *
     * <pre>{@code
     * Distributed.scatter(source).rateLimit("100ms");
     * }</pre>
     *
     * @param interval such as {@code "100ms"}
     * @return the paced stream
     */
    public DistributedStream<T> rateLimit(String interval) {
        return rateLimit(Intervals.parse(Checks.notNull(interval, "rateLimit", "interval")));
    }

    /**
     * See {@link #rateLimit(String)}.
     *
     * <pre>{@code
     * Distributed.scatter(source).rateLimit(Duration.ofMillis(100));
     * }</pre>
     *
     * @param interval the pace
     * @return the paced stream
     */
    public DistributedStream<T> rateLimit(Duration interval) {
        return rateLimit(interval, Schedulers.parallel());
    }

    /**
     * See {@link #rateLimit(String)}; on {@code scheduler}'s clock.
     *
     * <pre>{@code
     * Distributed.scatter(source).rateLimit(Duration.ofMillis(100), clock);
     * }</pre>
     *
     * @param interval the pace
     * @param scheduler the clock and timers
     * @return the paced stream
     */
    public DistributedStream<T> rateLimit(Duration interval, Scheduler scheduler) {
        return next(futures.rateLimit(interval, scheduler), filtered);
    }

    /**
     * Emits, every {@code interval}, the elements that arrived meanwhile (streamz
     * {@code timed_window}).
     *
     * <pre>{@code
     * List<List<Integer>> out = Distributed.scatter(source).timedWindow("1s").gather().sinkToList();
     * }</pre>
     *
     * @param interval such as {@code "1s"}
     * @return the stream of the windows' futures
     */
    public DistributedStream<List<T>> timedWindow(String interval) {
        return timedWindow(Intervals.parse(Checks.notNull(interval, "timedWindow", "interval")));
    }

    /**
     * See {@link #timedWindow(String)}.
     *
     * <pre>{@code
     * Distributed.scatter(source).timedWindow(Duration.ofSeconds(1));
     * }</pre>
     *
     * @param interval the window length
     * @return the stream of the windows' futures
     */
    public DistributedStream<List<T>> timedWindow(Duration interval) {
        return timedWindow(interval, Schedulers.parallel());
    }

    /**
     * See {@link #timedWindow(String)}; on {@code scheduler}'s clock.
     *
     * <pre>{@code
     * List<List<Integer>> out = Distributed.scatter(source).timedWindow(Duration.ofSeconds(1), clock)
     *         .gather().sinkToList();
     * source.emit(1);
     * clock.advanceTimeBy(Duration.ofSeconds(1));
     * // out, once gathered: [[1]]
     * }</pre>
     *
     * @param interval the window length
     * @param scheduler the clock and timers
     * @return the stream of the windows' futures
     */
    public DistributedStream<List<T>> timedWindow(Duration interval, Scheduler scheduler) {
        return next(all(settled().timedWindow(interval, scheduler)), false);
    }

    /**
     * Groups every {@code n} elements (streamz {@code partition}).
     *
     * <pre>{@code
     * List<List<Integer>> out = Distributed.scatter(source).partition(2).gather().sinkToList();
     * for (int i = 0; i < 4; i++) source.emit(i);
     * // out: [[0, 1], [2, 3]]
     * }</pre>
     *
     * @param n at least 1
     * @return the stream of the groups' futures
     */
    public DistributedStream<List<T>> partition(int n) {
        return next(all(settled().partition(n)), false);
    }

    /**
     * The last {@code n} elements, each time one arrives (streamz {@code sliding_window}).
     *
     * <pre>{@code
     * List<List<Integer>> out = Distributed.scatter(source).slidingWindow(2).gather().sinkToList();
     * for (int i = 0; i < 3; i++) source.emit(i);
     * // out: [[0], [0, 1], [1, 2]]
     * }</pre>
     *
     * @param n at least 1
     * @return the stream of the windows' futures
     */
    public DistributedStream<List<T>> slidingWindow(int n) {
        return next(all(settled().slidingWindow(n)), false);
    }

    /**
     * Passes on the newest future whenever downstream is free, dropping older ones (streamz
     * {@code latest}).
     *
     * <pre>{@code
     * Distributed.scatter(source).map(x -> x + 1).latest().gather();
     * }</pre>
     *
     * @return the stream of the newest futures
     */
    public DistributedStream<T> latest() {
        return next(settled().latest(), false);
    }

    // ------------------------------------------------------------------ back to local

    /**
     * Waits for each future, in order, and emits its value into a local stream (streamz
     * {@code gather}). Elements a {@link #filter} dropped are not emitted.
     *
     * <pre>{@code
     * Stream<Integer> local = Distributed.scatter(source).map(x -> x + 1).buffer(8).gather();
     * local.sink(System.out::println);
     * }</pre>
     *
     * <p><b>Blocks:</b> {@code emit} waits for the element's task unless a {@code buffer} is
     * before this node (then only while it is full): back-pressure reaches the source.
     * <b>Metadata:</b> refs are released once the value was emitted downstream.
     *
     * @return the local stream of the values
     */
    public Stream<T> gather() {
        Stream<CompletableFuture<T>> in = parallelism > 0 && !"buffer".equals(futures.kind())
                ? futures.buffer(parallelism) : futures;
        return new GatherNode<>(in);
    }

    @SuppressWarnings("unchecked")
    private static <X> X cast(Object x) {
        return (X) x;
    }

    /** {@code distributed(engine) -> } the last node, such as {@code distributed(local(threads=2)) -> map}. */
    @Override
    public String toString() {
        return "distributed(" + engine + ") -> " + futures;
    }
}
