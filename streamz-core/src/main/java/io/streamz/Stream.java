package io.streamz;

import io.streamz.internal.Counters;
import io.streamz.internal.eventtime.EventWindowNode;
import io.streamz.internal.eventtime.WithTimestampsNode;
import io.streamz.internal.Graph;
import io.streamz.internal.SideOutput;
import io.streamz.internal.SignalJoin;
import io.streamz.internal.graph.DotWriter;
import io.streamz.internal.graph.Visualizer;
import io.streamz.internal.join.Combine;
import io.streamz.internal.join.CombineLatestNode;
import io.streamz.internal.join.UnionNode;
import io.streamz.internal.join.ZipLatestNode;
import io.streamz.internal.join.ZipNode;
import io.streamz.internal.plugin.Plugins;
import io.streamz.internal.reactive.PublisherSink;
import io.streamz.internal.reactive.PullSink;
import io.streamz.internal.sink.AsyncSink;
import io.streamz.internal.sink.ListSink;
import io.streamz.internal.sink.SinkNode;
import io.streamz.internal.sink.TextfileSink;
import io.streamz.internal.source.FilenamesSource;
import io.streamz.internal.source.IterableSource;
import io.streamz.internal.source.PeriodicSource;
import io.streamz.internal.source.ProcessSource;
import io.streamz.internal.source.QueueSource;
import io.streamz.internal.source.TextfileSource;
import io.streamz.internal.state.AccumulateNode;
import io.streamz.internal.state.CollectNode;
import io.streamz.internal.state.FrequenciesNode;
import io.streamz.internal.state.LatestNode;
import io.streamz.internal.time.BufferNode;
import io.streamz.internal.time.DelayNode;
import io.streamz.internal.time.RateLimitNode;
import io.streamz.internal.transform.FilterNode;
import io.streamz.internal.transform.FlatMapNode;
import io.streamz.internal.transform.FlattenNode;
import io.streamz.internal.transform.MapAsyncNode;
import io.streamz.internal.transform.MapNode;
import io.streamz.internal.transform.PluckNode;
import io.streamz.internal.transform.SliceNode;
import io.streamz.internal.transform.StarmapNode;
import io.streamz.internal.transform.UniqueNode;
import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Intervals;
import io.streamz.internal.util.Keys;
import io.streamz.internal.util.Refs;
import io.streamz.internal.window.PartitionNode;
import io.streamz.internal.window.PartitionUniqueNode;
import io.streamz.internal.window.SlidingWindowNode;
import io.streamz.internal.window.TimedWindowNode;
import io.streamz.internal.window.TimedWindowUniqueNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collector;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.Logger;
import reactor.util.Loggers;
import reactor.util.annotation.Nullable;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuple3;

/**
 * A node of a stream graph: it receives elements from its upstreams, reacts, and emits elements
 * to its downstreams (Python streamz's {@code Stream}).
 *
 * <pre>{@code
 * Stream<Integer> source = Stream.create();
 * List<String> out = source.map(x -> x + 1).map(String::valueOf).sinkToList();
 * for (int i = 0; i < 5; i++) source.emit(i);
 * // out: [1, 2, 3, 4, 5]
 * }</pre>
 *
 * <p>In the method examples, {@code source} is a {@code Stream<Integer>} made with
 * {@link #create()} (a {@code Stream<String>} where the example emits or parses strings),
 * {@code words} a {@code Stream<String>}, {@code a} a {@code Stream<Integer>} and {@code b} a
 * {@code Stream<String>} (both {@code Stream<Integer>}, like {@code c}, for {@link #union}),
 * {@code clicks} a {@code Stream<Click>} of a {@code record Click(String user, Instant time)},
 * and {@code clock} a {@code VirtualTimeScheduler.getOrSet()} of reactor-test, installed before
 * the graph is built so that time moves only when the example advances it. A comment
 * {@code // prints X} gives what its line prints, {@code // out: [...]} what the list
 * {@code out} holds by then.
 *
 * <p><b>Threading:</b> {@link #emit} runs the graph on the caller's thread and returns when the
 * element's work is done. One graph behaves as if single-threaded: whatever threads emit, and
 * whatever timers fire, no two user functions of one graph run at once. A node may emit into its
 * own graph (feedback).
 *
 * <p><b>Custom nodes</b> extend this class and override {@link #update}, then pass elements on
 * with {@link #emitDownstream}:
 *
 * <pre>{@code
 * class Repeat<T> extends Stream<T> {
 *     private final int n;
 *     Repeat(Stream<T> upstream, int n) { super(upstream); this.n = n; }
 *
 *     @Override
 *     protected CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
 *         CompletableFuture<?> pending = null;
 *         for (int i = 0; i < n; i++) pending = both(pending, emitDownstream(cast(x), metadata));
 *         return pending;
 *     }
 * }
 * }</pre>
 *
 * @param <T> the type of the elements this node emits
 */
public class Stream<T> {
    /** The metadata of an element that has none; immutable and shared. */
    protected static final List<Map<String, Object>> NO_METADATA = List.of();
    private static final Stream<?>[] NONE = new Stream<?>[0];

    private static final Logger LOG = Loggers.getLogger(Stream.class);

    private final String kind;
    private volatile String name;
    private volatile Stream<?>[] downstreams = NONE;
    private volatile Stream<?>[] upstreams;
    private volatile Graph graph;
    /** Side outputs fed by this node (errors, late elements), for walks of the graph. */
    private volatile Stream<?>[] sideOutputs = NONE;
    /** The node feeding this one as a side output, or {@code null}. */
    private final Stream<?> owner;
    /** Elements in and out while the graph measures; {@code null} otherwise (the fast path). */
    private Counters counters;
    /** Signals per upstream, for nodes with several; made at the first signal. */
    private SignalJoin signalJoin;
    /** Error policy, errors stream and failure counts; made at the first need. */
    private volatile NodeFailures failures;

    // ------------------------------------------------------------------ construction

    /** A plain stream with no upstream (streamz {@code Stream()}); see {@link #create()}. */
    protected Stream() {
        this(null, null, List.of());
    }

    /**
     * A node fed by one upstream; its kind is derived from the class name ({@code Repeat} ->
     * {@code repeat}).
     *
     * @param upstream the node this one receives from
     */
    protected Stream(Stream<?> upstream) {
        this(null, null, List.of(Objects.requireNonNull(upstream, "upstream is null")));
    }

    /**
     * A node of the given kind and optional name, fed by the given upstreams (which may repeat
     * one stream, as in {@code a.zip(a)}).
     *
     * @param kind the operator name shown in {@code toString} and errors, or {@code null} to
     *     derive it from the class name
     * @param name the user's name for this node, or {@code null}
     * @param upstreams the nodes this one receives from, possibly none
     */
    protected Stream(String kind, String name, List<? extends Stream<?>> upstreams) {
        this.kind = kind != null ? kind : defaultKind(getClass());
        this.name = name;
        Stream<?>[] ups = upstreams.toArray(NONE);
        Graph g = null;
        for (Stream<?> u : ups) {
            Objects.requireNonNull(u, () -> this.kind + ": upstream is null");
            g = g == null ? u.graph() : Graph.merge(g, u.graph());
        }
        this.graph = g != null ? g : new Graph();
        this.upstreams = ups;
        this.owner = null;
        for (Stream<?> u : distinct(ups)) {
            u.addDownstream(this);
        }
        measureIfGraphDoes();
    }

    /**
     * A side output of {@code owner}: a node with no upstream in {@code owner}'s graph, fed by
     * {@code owner} from inside the graph (its failures, its late elements).
     *
     * @param kind the side output's name, such as {@code "errors"}
     * @param owner the node that feeds it
     */
    protected Stream(String kind, Stream<?> owner) {
        this.kind = Objects.requireNonNull(kind, "kind is null");
        this.owner = Objects.requireNonNull(owner, "owner is null");
        this.graph = owner.graph();
        this.upstreams = NONE;
        owner.addSideOutput(this);
        measureIfGraphDoes();
    }

    /**
     * A new source stream: elements given to {@link #emit} flow to its downstreams.
     *
     * <pre>{@code
     * Stream<String> source = Stream.create();
     * source.sink(System.out::println);
     * source.emit("hello");   // prints hello
     * }</pre>
     *
     * @param <T> the type of the elements
     * @return a new stream with no upstream and no name
     */
    public static <T> Stream<T> create() {
        return new Stream<>();
    }

    /**
     * A new named source stream (streamz {@code Stream(stream_name=...)}); the name shows in
     * {@code toString}, graph pictures and error messages.
     *
     * @param <T> the type of the elements
     * @param name the stream's name, not {@code null}
     * @return a new stream with no upstream, named {@code name}
     */
    public static <T> Stream<T> create(String name) {
        return new Stream<T>(null, Checks.notNull(name, "create", "name"), List.of());
    }

    private static String defaultKind(Class<?> c) {
        if (c == Stream.class) {
            return "stream";
        }
        String s = c.getSimpleName();
        if (s.isEmpty()) {
            s = c.getName().substring(c.getName().lastIndexOf('.') + 1);
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    // ------------------------------------------------------------------ identity

    /**
     * The operator name of this node ({@code "map"}, {@code "slidingWindow"}, ...).
     *
     * @return the kind, never {@code null}
     */
    public final String kind() {
        return kind;
    }

    /**
     * The user's name of this node, or {@code null}.
     *
     * @return the name given at construction or with {@link #named}, or {@code null}
     */
    public final String name() {
        return name;
    }

    /**
     * Names this node (streamz {@code stream_name}); the name shows in {@code toString}, graph
     * pictures and error messages.
     *
     * <pre>{@code
     * Stream<Integer> parsed = source.map(Integer::parseInt).named("parse");
     * parsed.toString();   // map "parse"
     * }</pre>
     *
     * @param name the new name
     * @return this node
     */
    public final Stream<T> named(String name) {
        this.name = Checks.notNull(name, kind, "name");
        return this;
    }

    /**
     * The parameters shown after the kind in {@code toString}, such as {@code "n=3"}, or an empty
     * string. Operators with parameters override this.
     *
     * @return the parameters as text, never {@code null}; the default is empty
     */
    protected String describeParams() {
        return "";
    }

    /** {@code kind "name"(params)}, for example {@code slidingWindow(n=3)} or {@code map "parse"}. */
    @Override
    public String toString() {
        String params = describeParams();
        StringBuilder b = new StringBuilder(kind);
        if (name != null) {
            b.append(" \"").append(name).append('"');
        }
        if (!params.isEmpty()) {
            b.append('(').append(params).append(')');
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ emitting

    /**
     * Pushes {@code x} into the graph at this node: its downstreams receive it. Runs the graph on
     * the caller's thread and returns when all downstream work for {@code x}, asynchronous work
     * included, is done.
     *
     * <pre>{@code
     * Stream<Integer> source = Stream.create();
     * source.map(x -> x * 10).sink(System.out::println);
     * source.emit(1);   // prints 10
     * }</pre>
     *
     * <p><b>Blocks:</b> while downstream asynchronous work ({@code sinkAsync}, a full
     * {@code buffer}, ...) is pending, without holding the graph's guard.
     *
     * @param x the element, possibly {@code null} (streamz's {@code None})
     * @throws NodeException if a user function of the graph fails; the graph stays usable
     */
    public final void emit(T x) {
        emit(x, NO_METADATA);
    }

    /**
     * Pushes {@code x} with its metadata (streamz {@code emit(x, metadata=...)}); a
     * {@link RefCounter} under {@code "ref"} is retained by every node that holds the element.
     *
     * <pre>{@code
     * Stream<List<Integer>> pairs = source.partition(2);
     * RefCounter ref = new RefCounter(() -> System.out.println("done"));
     * source.emit(1, List.of(Map.of("ref", ref)));   // partition holds 1
     * source.emit(2);                                // prints done (the pair went out, 1 is released)
     * }</pre>
     *
     * @param x the element, possibly {@code null}
     * @param metadata the element's metadata, possibly immutable; never mutated
     * @throws NodeException if a user function of the graph fails; the graph stays usable
     */
    public final void emit(T x, List<Map<String, Object>> metadata) {
        Checks.notNull(metadata, kind, "metadata");
        Graph g = enter();
        try {
            Counters c = counters;
            if (c != null) {
                c.in++;
            }
            CompletableFuture<?> pending = emitAndHold(x, metadata);
            if (pending != null) {
                g.await(pending);
                rethrowFailure(pending);
            }
        } finally {
            g.exit();
        }
    }

    /** Takes the guard of this node's graph, following merges; the caller exits what it returns. */
    private Graph enter() {
        Graph g = graph;
        g.enter();
        if (g.isMerged()) {
            g.exit();
            g = g.root().enterRoot();
            graph = g;
        }
        return g;
    }

    /**
     * Pushes {@code x} and returns without waiting for asynchronous downstream work (streamz
     * {@code emit(x, asynchronous=True)}); the synchronous part still runs on the caller's thread.
     *
     * <pre>{@code
     * CompletableFuture<Void> done = source.emitAsync(1);
     * done.join();   // all downstream work for 1 is finished
     * }</pre>
     *
     * @param x the element, possibly {@code null}
     * @return a future that completes when all downstream work for {@code x} is done, or
     *     completes exceptionally with the {@link NodeException} of a failed asynchronous function
     * @throws NodeException if a synchronous user function fails
     */
    public final CompletableFuture<Void> emitAsync(T x) {
        return emitAsync(x, NO_METADATA);
    }

    /**
     * See {@link #emitAsync(Object)}; with metadata as in {@link #emit(Object, List)}.
     *
     * @param x the element, possibly {@code null}
     * @param metadata the element's metadata, possibly immutable; never mutated
     * @return a future that completes when all downstream work for {@code x} is done, or
     *     completes exceptionally with the {@link NodeException} of a failed asynchronous function
     * @throws NodeException if a synchronous user function fails
     */
    public final CompletableFuture<Void> emitAsync(T x, List<Map<String, Object>> metadata) {
        Checks.notNull(metadata, kind, "metadata");
        return enterGraph(() -> {
            Counters c = counters;
            if (c != null) {
                c.in++;
            }
            return emitAndHold(x, metadata);
        }).thenApply(r -> null);
    }

    /**
     * Runs {@code body} inside this node's graph, holding its guard as {@link #emit} does, and
     * returns what it returned without waiting for it. Timer callbacks and completions of
     * asynchronous work enter the graph through here.
     *
     * @param body work that may emit; returns its pending downstream work or {@code null}
     * @return the pending work, or a completed future
     */
    protected final CompletableFuture<?> enterGraph(Supplier<? extends CompletableFuture<?>> body) {
        Graph g = enter();
        try {
            CompletableFuture<?> pending = body.get();
            return pending != null ? pending : CompletableFuture.completedFuture(null);
        } finally {
            g.exit();
        }
    }

    /**
     * Waits, inside the graph, until {@code pending} is done, letting other entries into the
     * graph meanwhile; then throws its failure if it failed. Only call while in the graph (from
     * {@link #update} or {@link #enterGraph}).
     *
     * @param pending downstream work, or {@code null} for none
     */
    protected final void awaitInGraph(CompletableFuture<?> pending) {
        if (pending != null) {
            graph().await(pending);
            rethrowFailure(pending);
        }
    }

    private static void rethrowFailure(CompletableFuture<?> done) {
        if (!done.isCompletedExceptionally()) {
            return;
        }
        try {
            done.get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new CompletionException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    /**
     * Reacts to an element from upstream {@code who} (streamz {@code update}). The default passes
     * it on unchanged. Runs inside the graph, holding its guard.
     *
     * @param x the element
     * @param who the upstream it came from, or {@code null} when emitted here directly
     * @param metadata the element's metadata, never {@code null}, never to be mutated
     * @return downstream work still pending, or {@code null} when all is done
     */
    @SuppressWarnings("unchecked")
    protected CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
        return emitDownstream((T) x, metadata);
    }

    /**
     * Passes {@code x} to every downstream (streamz {@code _emit}). Refs in the metadata are
     * retained once per downstream and released as each downstream returns.
     *
     * @param x the element to pass on
     * @param metadata its metadata, never {@code null}; passed on unchanged
     * @return downstream work still pending, or {@code null} when all is done
     */
    protected final CompletableFuture<?> emitDownstream(T x, List<Map<String, Object>> metadata) {
        Stream<?>[] ds = downstreams;
        if (counters != null) {
            return emitCounted(ds, x, metadata, false);
        }
        if (metadata.isEmpty()) {
            if (ds.length == 1) {
                return ds[0].update(x, this, metadata);
            }
            CompletableFuture<?> pending = null;
            for (Stream<?> d : ds) {
                pending = both(pending, d.update(x, this, metadata));
            }
            return pending;
        }
        return emitWithRefs(ds, x, metadata, false);
    }

    /**
     * Passes {@code x} to every downstream like {@link #emitDownstream}, and keeps its refs
     * retained until the downstream work on it is done: for sources and timers, which emit where
     * no upstream holds the element while asynchronous work on it is pending (a {@code rateLimit},
     * an asynchronous sink). {@code emit} and {@code emitAsync} emit this way, so an element's
     * refs never reach zero while work on it is pending; streamz releases them as soon as the
     * first node returns.
     *
     * <pre>{@code
     * // in a source's poll loop, inside the graph:
     * CompletableFuture<?> pending = emitAndHold(record, List.of(Map.of("ref", ref)));
     * }</pre>
     *
     * @param x the element to pass on
     * @param metadata its metadata, never {@code null}; passed on unchanged
     * @return downstream work still pending, or {@code null} when all is done
     */
    protected final CompletableFuture<?> emitAndHold(T x, List<Map<String, Object>> metadata) {
        Stream<?>[] ds = downstreams;
        if (counters != null) {
            return emitCounted(ds, x, metadata, true);
        }
        return metadata.isEmpty() ? emitDownstream(x, metadata) : emitWithRefs(ds, x, metadata, true);
    }

    private CompletableFuture<?> emitWithRefs(Stream<?>[] ds, T x, List<Map<String, Object>> metadata, boolean hold) {
        Refs.retain(metadata, ds.length);
        CompletableFuture<?> pending = null;
        int i = 0;
        try {
            for (; i < ds.length; i++) {
                pending = both(pending, release(ds[i].update(x, this, metadata), metadata, hold));
            }
        } finally {
            if (i < ds.length) {
                Refs.release(metadata, ds.length - i);
            }
        }
        return pending;
    }

    private CompletableFuture<?> emitCounted(Stream<?>[] ds, T x, List<Map<String, Object>> metadata, boolean hold) {
        Counters c = counters;
        c.out++;
        boolean refs = !metadata.isEmpty();
        if (refs) {
            Refs.retain(metadata, ds.length);
        }
        CompletableFuture<?> pending = null;
        int i = 0;
        try {
            for (; i < ds.length; i++) {
                Stream<?> d = ds[i];
                Counters dc = d.counters;
                CompletableFuture<?> r;
                if (dc == null) {
                    r = d.update(x, this, metadata);
                } else if (!dc.timing) {
                    dc.in++;
                    r = d.update(x, this, metadata);
                } else {
                    dc.in++;
                    long t0 = System.nanoTime();
                    try {
                        r = d.update(x, this, metadata);
                    } finally {
                        long dt = System.nanoTime() - t0;
                        dc.busyNanos += dt;
                        c.busyNanos -= dt;   // a node's own time leaves out its downstreams'
                    }
                }
                pending = both(pending, refs ? release(r, metadata, hold) : r);
            }
        } finally {
            if (refs && i < ds.length) {
                Refs.release(metadata, ds.length - i);
            }
        }
        return pending;
    }

    /**
     * Releases the hold taken for one downstream: as streamz, once the downstream returned; or,
     * with {@code hold}, once its pending work is done. Returns the downstream's pending work, for
     * a held element the stage that completes after the release (so that whoever waits for it
     * sees the refs already released).
     */
    private static CompletableFuture<?> release(CompletableFuture<?> downstreamWork, List<Map<String, Object>> metadata,
                                                boolean hold) {
        if (!hold || downstreamWork == null || downstreamWork.isDone()) {
            Refs.release(metadata, 1);
            return downstreamWork;
        }
        return downstreamWork.whenComplete((r, e) -> Refs.release(metadata, 1));
    }

    /**
     * Both pieces of pending work as one, either possibly {@code null} (nothing pending).
     *
     * @param a pending work, or {@code null}
     * @param b other pending work, or {@code null}
     * @return a future that completes when both have, the only one still pending (a piece that
     *     already completed normally counts as not pending), or {@code null} when neither is
     */
    protected static CompletableFuture<?> both(CompletableFuture<?> a, CompletableFuture<?> b) {
        if (a == null || a.isDone() && !a.isCompletedExceptionally()) {
            return b;
        }
        if (b == null || b.isDone() && !b.isCompletedExceptionally()) {
            return a;
        }
        return CompletableFuture.allOf(a, b);
    }

    /**
     * An unchecked cast of an upstream element to this node's element type, for custom nodes.
     *
     * @param <X> the type to cast to
     * @param x the element
     * @return {@code x}, unchanged
     */
    @SuppressWarnings("unchecked")
    protected static <X> X cast(Object x) {
        return (X) x;
    }

    /**
     * Wraps a user function's failure on {@code x} as a {@link NodeException} naming this node; a
     * {@code NodeException} from further down passes untouched.
     *
     * @param e what the user function threw
     * @param x the element it was working on
     * @return {@code e} itself if it is a {@code NodeException}, else a new one naming this node,
     *     to be thrown by the caller
     */
    protected final RuntimeException failure(Throwable e, Object x) {
        return e instanceof NodeException ? (NodeException) e : new NodeException(this, x, e);
    }

    /**
     * Handles a user function's failure on {@code x} by this node's {@link ErrorPolicy}: throws a
     * {@link NodeException} naming this node (propagate), drops the element (skip), or sends a
     * {@link Failure} to the errors stream (route); counts it in {@link #stats()} either way.
     * Call it inside the graph, where a node would otherwise throw.
     *
     * <pre>{@code
     * class Parse extends Stream<Integer> {
     *     Parse(Stream<String> upstream) { super(upstream); }
     *
     *     @Override
     *     protected CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
     *         int y;
     *         try {
     *             y = Integer.parseInt((String) x);
     *         } catch (RuntimeException e) {
     *             return fail(e, x, metadata);   // skip, route or throw, as the node's policy says
     *         }
     *         return emitDownstream(y, metadata);
     *     }
     * }
     * }</pre>
     *
     * @param e what the user function threw
     * @param x the element it failed on
     * @param metadata the element's metadata
     * @return the routed failure's downstream work still pending, or {@code null}
     * @throws NodeException under the propagate policy
     */
    protected final CompletableFuture<?> fail(Throwable e, Object x, List<Map<String, Object>> metadata) {
        return fail(e, x, metadata, 1);
    }

    /**
     * See {@link #fail(Throwable, Object, List)}; after {@code attempts} calls of the function
     * (asynchronous nodes that retried).
     *
     * @param e what the user function threw
     * @param x the element it failed on
     * @param metadata the element's metadata
     * @param attempts how many times the function was called on {@code x}
     * @return the routed failure's downstream work still pending, or {@code null}
     * @throws NodeException under the propagate policy
     */
    protected final CompletableFuture<?> fail(Throwable e, Object x, List<Map<String, Object>> metadata, int attempts) {
        Throwable cause = e;
        if (e instanceof NodeException) {
            NodeException ne = (NodeException) e;
            if (ne.node() != this) {
                throw ne;   // handled already, by the node that failed
            }
            cause = ne.getCause();
        }
        NodeFailures f = failures();
        ErrorPolicy p = errorPolicy().last();
        if (p.kind() == ErrorPolicy.Kind.SKIP) {
            f.skipped++;
            LOG.debug("{} skipped element {}: {}", this, NodeException.describe(x), cause.toString());
            return null;
        }
        if (p.kind() == ErrorPolicy.Kind.ROUTE) {
            Stream<Failure> to = f.errors != null ? f.errors : graph().allErrors();
            if (to != null) {
                f.routed++;
                return ((SideOutput<Failure>) to).send(new Failure(x, metadata, this, cause, attempts), metadata);
            }
        }
        f.failed++;
        throw e instanceof NodeException ? (NodeException) e : new NodeException(this, x, cause);
    }

    /**
     * Reports a failure that has no caller to reach (on a timer or an I/O thread): it was counted
     * by {@link #fail} already, so it is logged, never thrown to a thread's uncaught-exception
     * handler.
     *
     * @param e the failure
     */
    protected final void unhandled(Throwable e) {
        if (e instanceof NodeException) {
            NodeException ne = (NodeException) e;
            LOG.warn("{} (no caller to reach; counted in the node's stats)", ne.getMessage());
            LOG.debug("stack trace", ne);
        } else {
            failures().failed++;
            LOG.error(this + " failed outside of any emit", e);
        }
    }

    /**
     * For asynchronous nodes, after attempt {@code attempt} of the function failed: if the node's
     * policy is {@link ErrorPolicy#retry} with attempts left, counts a retry and schedules
     * {@code again} on {@code scheduler} after the backoff (doubled per attempt) and returns
     * {@code true}; otherwise returns {@code false} and the caller calls
     * {@link #fail(Throwable, Object, List, int)}. {@code again} runs on the scheduler's thread,
     * outside the graph.
     *
     * @param attempt how many calls failed so far, from 1
     * @param scheduler where to wait
     * @param again the next attempt
     * @return whether a retry was scheduled
     */
    protected final boolean retryLater(int attempt, Scheduler scheduler, Runnable again) {
        ErrorPolicy p = errorPolicy();
        if (p.kind() != ErrorPolicy.Kind.RETRY || attempt >= p.maxAttempts()) {
            return false;
        }
        failures().retried++;
        long backoff = p.backoff().toNanos();
        for (int i = 1; i < attempt && backoff < Long.MAX_VALUE / 2; i++) {
            backoff *= 2;
        }
        scheduler.schedule(again, backoff, java.util.concurrent.TimeUnit.NANOSECONDS);
        return true;
    }

    /**
     * Whether this node can retry its function ({@link ErrorPolicy#retry}): asynchronous nodes
     * say yes. The default is no.
     *
     * @return {@code true} if the retry policy applies to this node
     */
    protected boolean retries() {
        return false;
    }

    private NodeFailures failures() {
        NodeFailures f = failures;
        if (f == null) {
            synchronized (this) {
                f = failures;
                if (f == null) {
                    f = new NodeFailures();
                    failures = f;
                }
            }
        }
        return f;
    }

    // ------------------------------------------------------------------ signals

    /**
     * Says that no element will follow at this node (the end of a bounded input): windows that
     * flush on their own emit what they hold, joins end once all their inputs ended, and the
     * returned future completes when every node downstream is done (streamz has no such signal;
     * sources such as {@code fromIterable} send it when they run out).
     *
     * <pre>{@code
     * Stream<Integer> source = Stream.create();
     * List<List<Integer>> out = source.timedWindow("1s").sinkToList();
     * source.emit(1);
     * CompletableFuture<Void> done = source.emitEnd();
     * clock.advanceTimeBy(Duration.ofSeconds(1));   // the window's tick emits [1], then the end
     * done.isDone();   // true
     * }</pre>
     *
     * <p><b>Blocks:</b> never; the future tells when the downstream work is done.
     *
     * @return a future completed when every downstream node has finished with the input
     */
    public final CompletableFuture<Void> emitEnd() {
        return enterGraph(() -> emitSignal(Signal.end())).thenApply(r -> null);
    }

    /**
     * Sends a watermark from this node: no element with an event time at or before {@code time}
     * is expected any more. Event-time windows close on it; usually a watermark generator sends
     * them ({@code withTimestamps}), this is for sources that know their event time.
     *
     * <pre>{@code
     * source.emitWatermark(Instant.parse("2026-01-01T00:01:00Z"));
     * }</pre>
     *
     * @param time the event time the stream has reached
     */
    public final void emitWatermark(Instant time) {
        Signal.Watermark w = Signal.watermark(Checks.notNull(time, kind, "time"));
        enterGraph(() -> emitSignal(w));
    }

    /**
     * Reacts to a signal from upstream {@code who}: a watermark or the end of the input (see
     * {@link Signal}). The default passes it on, combined over the upstreams when there are
     * several ({@link #forwardSignal}). Nodes that hold elements override it so that a signal
     * never overtakes an element that arrived before it. Runs inside the graph.
     *
     * <pre>{@code
     * class SaysWhenDone<T> extends Stream<T> {
     *     SaysWhenDone(Stream<T> upstream) { super(upstream); }
     *
     *     @Override
     *     protected CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
     *         if (signal instanceof Signal.End) {
     *             System.out.println("no more input");
     *         }
     *         return forwardSignal(signal, who);
     *     }
     * }
     * }</pre>
     *
     * @param signal the signal
     * @param who the upstream it came from, or {@code null} when sent at this node
     * @return downstream work still pending (for the end: until every node downstream is done),
     *     or {@code null}
     */
    protected CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
        return forwardSignal(signal, who);
    }

    /**
     * Passes a signal on, combined over this node's upstreams: with several, the smallest
     * watermark of the inputs (an input that never sent one holds every watermark back; one that
     * ended does not), and the end once every input ended.
     *
     * @param signal the signal
     * @param who the upstream it came from, or {@code null} when sent at this node
     * @return downstream work still pending, or {@code null}
     */
    protected final CompletableFuture<?> forwardSignal(Signal signal, Stream<?> who) {
        Signal out = signal;
        if (who != null && who != owner) {
            List<Stream<?>> ups = distinct(upstreams);
            if (ups.size() > 1) {
                if (signalJoin == null) {
                    signalJoin = new SignalJoin();
                }
                out = signalJoin.accept(signal, who, ups);
            }
        }
        return out == null ? null : emitSignal(out);
    }

    /**
     * Sends a signal to every downstream and side output of this node.
     *
     * @param signal the signal
     * @return downstream work still pending, or {@code null}
     */
    protected final CompletableFuture<?> emitSignal(Signal signal) {
        CompletableFuture<?> pending = null;
        for (Stream<?> d : downstreams) {
            pending = both(pending, d.onSignal(signal, this));
        }
        for (Stream<?> so : sideOutputs) {
            pending = both(pending, so.onSignal(signal, this));
        }
        return pending;
    }

    // ------------------------------------------------------------------ wiring

    /**
     * The graph guard of this node (internal; public for the operator packages).
     *
     * @return the graph this node currently belongs to, after any merges
     */
    public final Graph graph() {
        Graph g = graph;
        if (g.isMerged()) {
            g = g.root();
            graph = g;
        }
        return g;
    }

    /**
     * The nodes this one receives from, in order (a stream may appear twice, as in {@code a.zip(a)}).
     *
     * @return an immutable snapshot of the upstreams, possibly empty
     */
    public final List<Stream<?>> upstreams() {
        return List.of(upstreams);
    }

    /**
     * The nodes this one emits to, in the order they were connected.
     *
     * @return an immutable snapshot of the downstreams, possibly empty
     */
    public final List<Stream<?>> downstreams() {
        return List.of(downstreams);
    }

    /**
     * Makes {@code downstream} receive what this node emits (streamz {@code connect}).
     *
     * <pre>{@code
     * Stream<Integer> a = Stream.create();
     * Stream<Integer> b = Stream.create();
     * b.sink(System.out::println);
     * a.connect(b);
     * a.emit(1);   // prints 1
     * }</pre>
     *
     * @param downstream the node to feed, not {@code null}
     */
    public final void connect(Stream<?> downstream) {
        Checks.notNull(downstream, kind, "downstream");
        downstream.checkConnect(this);
        Graph.merge(graph(), downstream.graph());
        if (graph().metrics() > 0) {
            enableMetrics(graph().metrics() == 2);
        }
        addDownstream(downstream);
        downstream.addUpstream(this);
        downstream.upstreamsChanged();
    }

    /**
     * Stops {@code downstream} from receiving what this node emits (streamz {@code disconnect}).
     *
     * @param downstream the node to stop feeding, not {@code null}
     * @throws IllegalStateException if {@code downstream} refuses to lose this upstream (a join's
     *     only {@code emitOn} upstream, say)
     */
    public final void disconnect(Stream<?> downstream) {
        Checks.notNull(downstream, kind, "downstream");
        downstream.checkDisconnect(this);
        removeDownstream(downstream);
        downstream.removeUpstream(this);
        downstream.upstreamsChanged();
    }

    /**
     * Disconnects this node from all its upstreams (streamz {@code destroy}); it receives nothing
     * more. Nodes that hold resources (files, timers) release them.
     */
    public void destroy() {
        for (Stream<?> u : distinct(upstreams)) {
            u.removeDownstream(this);
        }
        upstreams = NONE;
        upstreamsChanged();
    }

    /**
     * Called after an upstream was connected or disconnected; joins resize their slots here.
     * Runs outside the graph's guard.
     */
    protected void upstreamsChanged() {
    }

    /**
     * Called before {@code upstream} is connected to this node; throws
     * {@link IllegalStateException} to refuse (a typed join has a fixed number of inputs, say).
     * The default accepts.
     *
     * @param upstream the upstream about to be connected
     */
    protected void checkConnect(Stream<?> upstream) {
    }

    /**
     * Called before {@code upstream} is disconnected from this node; throws
     * {@link IllegalStateException} to refuse (a join's only {@code emitOn} upstream, say).
     * The default accepts.
     *
     * @param upstream the upstream about to be disconnected
     */
    protected void checkDisconnect(Stream<?> upstream) {
    }

    private synchronized void addDownstream(Stream<?> d) {
        for (Stream<?> x : downstreams) {
            if (x == d) {
                return;
            }
        }
        Stream<?>[] ds = Arrays.copyOf(downstreams, downstreams.length + 1);
        ds[ds.length - 1] = d;
        downstreams = ds;
    }

    private synchronized void removeDownstream(Stream<?> d) {
        List<Stream<?>> ds = new ArrayList<>(Arrays.asList(downstreams));
        ds.removeIf(x -> x == d);
        downstreams = ds.toArray(NONE);
    }

    private synchronized void addUpstream(Stream<?> u) {
        Stream<?>[] ups = Arrays.copyOf(upstreams, upstreams.length + 1);
        ups[ups.length - 1] = u;
        upstreams = ups;
    }

    private synchronized void removeUpstream(Stream<?> u) {
        List<Stream<?>> ups = new ArrayList<>(Arrays.asList(upstreams));
        ups.removeIf(x -> x == u);
        upstreams = ups.toArray(NONE);
    }

    private static List<Stream<?>> distinct(Stream<?>[] ups) {
        List<Stream<?>> out = new ArrayList<>(ups.length);
        for (Stream<?> u : ups) {
            if (out.stream().noneMatch(x -> x == u)) {
                out.add(u);
            }
        }
        return out;
    }

    /**
     * Applies {@code conversion} to this stream, for fluent conversions such as
     * {@code source.as(StreamingDataFrame::from)} (streamz {@code to_dataframe}, {@code to_batch}).
     *
     * @param <R> the type of the conversion's result
     * @param conversion the function applied to this stream, not {@code null}
     * @return what {@code conversion} returned
     */
    public final <R> R as(Function<? super Stream<T>, R> conversion) {
        return Checks.notNull(conversion, kind, "conversion").apply(this);
    }

    // ------------------------------------------------------------------ errors and metrics

    /**
     * Sets what this node does when its function fails on an element (see {@link ErrorPolicy}).
     *
     * <pre>{@code
     * Stream<String> source = Stream.create();
     * List<Integer> out = source.map(Integer::parseInt).onError(ErrorPolicy.skip()).sinkToList();
     * source.emit("1"); source.emit("x"); source.emit("3");
     * // out: [1, 3]
     * }</pre>
     *
     * @param policy the policy; {@link ErrorPolicy#retry} only on asynchronous nodes
     * @return this node
     * @throws IllegalArgumentException if {@code policy} retries and this node is synchronous
     */
    public final Stream<T> onError(ErrorPolicy policy) {
        Checks.notNull(policy, kind, "policy");
        if (policy.kind() == ErrorPolicy.Kind.RETRY && !retries()) {
            throw Checks.invalid(toString(), "retry needs an asynchronous node (mapAsync, sinkAsync, a "
                    + "connector's sink): a synchronous one would wait inside the graph; use skip() or route()");
        }
        failures().policy = policy;
        return this;
    }

    /**
     * The policy this node applies to failures: its own ({@link #onError}), else the graph's
     * ({@link #onErrorDefault}), else {@link ErrorPolicy#propagate()}.
     *
     * <pre>{@code
     * source.map(x -> x).errorPolicy();   // propagate
     * }</pre>
     *
     * @return the policy in force, never {@code null}
     */
    public final ErrorPolicy errorPolicy() {
        NodeFailures f = failures;
        ErrorPolicy p = f != null ? f.policy : null;
        if (p == null) {
            p = graph().defaultPolicy();
        }
        if (p == null) {
            return ErrorPolicy.propagate();
        }
        return p.kind() == ErrorPolicy.Kind.RETRY && !retries() ? p.last() : p;
    }

    /**
     * The failures of this node's function, as data: a {@link Failure} (element, metadata, node,
     * exception) per failed element. Unless a policy was set with {@link #onError}, calling this
     * sets {@link ErrorPolicy#route()}, so failures go here instead of to the caller of
     * {@code emit}.
     *
     * <pre>{@code
     * Stream<String> source = Stream.create();
     * Stream<Integer> parsed = source.map(Integer::parseInt).named("parse");
     * List<Integer> good = parsed.sinkToList();
     * List<Object> bad = parsed.errors().map(Failure::element).sinkToList();
     * source.emit("1"); source.emit("x");
     * // good: [1], bad: [x]
     * }</pre>
     *
     * <p><b>Metadata:</b> a failure carries its element's metadata, so its refs are held until
     * the errors stream's nodes are done with it (a dead-letter sink stays inside the
     * at-least-once guarantee).
     *
     * @return this node's errors stream (the same one on every call)
     */
    public final Stream<Failure> errors() {
        NodeFailures f = failures();
        synchronized (f) {
            if (f.errors == null) {
                f.errors = new SideOutput<>("errors", this);
                if (f.policy == null) {
                    f.policy = ErrorPolicy.route();
                }
            }
            return f.errors;
        }
    }

    /**
     * Sets the error policy of every node of this graph that has none of its own (see
     * {@link ErrorPolicy}); a retry policy applies to asynchronous nodes, the others use its
     * {@link ErrorPolicy#orElse last} policy.
     *
     * <pre>{@code
     * Stream<Integer> source = Stream.create();
     * List<Integer> out = source.map(x -> 10 / x).sinkToList();
     * source.onErrorDefault(ErrorPolicy.skip());
     * source.emit(0); source.emit(5);
     * // out: [2]
     * }</pre>
     *
     * @param policy the graph's default policy
     * @return this node
     */
    public final Stream<T> onErrorDefault(ErrorPolicy policy) {
        graph().defaultPolicy(Checks.notNull(policy, kind, "policy"));
        return this;
    }

    /**
     * The failures of every node of this graph whose policy is {@link ErrorPolicy#route()} and
     * that has no {@link #errors()} stream of its own: one place for a graph's dead letters.
     *
     * <pre>{@code
     * Stream<Integer> source = Stream.create();
     * source.map(x -> 10 / x).sink(x -> { });
     * source.onErrorDefault(ErrorPolicy.route());
     * source.allErrors().sink(f -> System.out.println(f.element()));
     * source.emit(0);   // prints 0
     * }</pre>
     *
     * @return the graph's errors stream (the same one on every call, from any node)
     */
    public final Stream<Failure> allErrors() {
        Stream<Failure> all = graph().allErrors();
        return all != null ? all : graph().allErrors(new SideOutput<>("allErrors", this));
    }

    /**
     * A snapshot of this node's counters: elements in and out (once {@link #enableMetrics()} was
     * called), failures by policy (always), elements held and queued.
     *
     * <pre>{@code
     * Stream<Integer> source = Stream.create();
     * Stream<Integer> evens = source.filter(x -> x % 2 == 0);
     * evens.sink(x -> { });
     * source.enableMetrics();
     * for (int i = 0; i < 5; i++) source.emit(i);
     * evens.stats().out();   // 3
     * }</pre>
     *
     * @return the counters now
     */
    public final NodeStats stats() {
        Counters c = counters;
        NodeFailures f = failures;
        return new NodeStats(c != null ? c.in : 0, c != null ? c.out : 0,
                f != null ? f.failed : 0, f != null ? f.skipped : 0, f != null ? f.routed : 0,
                f != null ? f.retried : 0, Math.max(0, heldCount()), Math.max(0, queuedCount()),
                c != null ? Math.max(0, c.busyNanos) : 0, Math.max(0, lateCount()));
    }

    /**
     * Starts counting elements in and out of every node of this graph, nodes added later
     * included (see {@link NodeStats}); about a nanosecond per node and element.
     *
     * <pre>{@code
     * source.enableMetrics();
     * }</pre>
     *
     * @return this node
     */
    public final Stream<T> enableMetrics() {
        return enableMetrics(false);
    }

    /**
     * See {@link #enableMetrics()}; with {@code timing}, also measures the time each node spends
     * in itself (its function included, its downstreams left out): two clock reads per node and
     * element.
     *
     * <pre>{@code
     * source.enableMetrics(true);
     * }</pre>
     *
     * @param timing whether to measure time too
     * @return this node
     */
    public final Stream<T> enableMetrics(boolean timing) {
        graph().metrics(timing ? 2 : 1);
        graph().inside(() -> {
            for (Stream<?> n : graphNodes()) {
                n.measureIfGraphDoes();
            }
            return null;
        });
        return this;
    }

    /**
     * Confines this node's graph to one thread, for speed (Reactor's {@code Sinks.unsafe()}
     * beside {@code Sinks.many()}, but checked): the first thread that emits into the graph
     * keeps its guard for good, so its later entries cost no atomic instruction. Another thread
     * that enters the graph afterwards (an {@code emit}, a timer, the completion of asynchronous
     * work) gets an {@link IllegalStateException} naming the graph and both threads, and so does
     * an {@code emit} that would wait for asynchronous work: a confined graph is for synchronous
     * pipelines fed by one thread. The graph may be built on another thread than the one that
     * runs it; graphs joined to it later ({@code zip}, {@code union}, {@code connect}) are
     * confined too. The default graph's {@code emit} is safe from any thread.
     *
     * <pre>{@code
     * Stream<Integer> source = Stream.<Integer>create().confined();
     * List<Integer> out = source.map(x -> x * 10).sinkToList();
     * source.emit(1);
     * source.emit(2);
     * // out: [10, 20]
     * }</pre>
     *
     * <p>An {@code emit} on another thread then throws {@code IllegalStateException: the graph of
     * stream is confined to thread "main"; entered on thread "worker"}.
     *
     * @return this node
     */
    public final Stream<T> confined() {
        graph().confine(toString());
        return this;
    }

    /**
     * Every node of this node's graph: everything reachable through upstreams, downstreams and
     * side outputs ({@link #errors()}), sources first, then breadth first.
     *
     * <pre>{@code
     * Stream<Integer> source = Stream.create();
     * source.map(x -> x).sink(x -> { });
     * source.graphNodes();   // [stream, map, sink]
     * }</pre>
     *
     * @return the nodes, each once
     */
    public final List<Stream<?>> graphNodes() {
        Map<Stream<?>, Boolean> seen = new IdentityHashMap<>();
        List<Stream<?>> component = new ArrayList<>();
        Deque<Stream<?>> todo = new ArrayDeque<>();
        todo.add(this);
        seen.put(this, Boolean.TRUE);
        while (!todo.isEmpty()) {
            Stream<?> s = todo.poll();
            component.add(s);
            for (Stream<?>[] next : s.neighbours()) {
                for (Stream<?> x : next) {
                    if (x != null && seen.put(x, Boolean.TRUE) == null) {
                        todo.add(x);
                    }
                }
            }
        }
        // in topological order (every node after its upstreams) where there is no feedback loop
        Map<Stream<?>, Integer> waitingFor = new IdentityHashMap<>();
        for (Stream<?> s : component) {
            waitingFor.put(s, distinct(s.upstreams).size() + (s.owner != null ? 1 : 0));
        }
        List<Stream<?>> out = new ArrayList<>(component.size());
        Set<Stream<?>> placed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        while (out.size() < component.size()) {
            for (Stream<?> s : component) {
                if (!placed.contains(s) && waitingFor.get(s) == 0) {
                    todo.add(s);
                    placed.add(s);
                }
            }
            if (todo.isEmpty()) {   // a feedback loop: take the first node not placed yet
                Stream<?> rest = component.stream().filter(s -> !placed.contains(s)).findFirst().orElseThrow();
                todo.add(rest);
                placed.add(rest);
            }
            while (!todo.isEmpty()) {
                Stream<?> s = todo.poll();
                out.add(s);
                for (Stream<?>[] next : List.of(s.downstreams, s.sideOutputs)) {
                    for (Stream<?> d : next) {
                        if (!placed.contains(d) && waitingFor.merge(d, -1, Integer::sum) <= 0) {
                            todo.add(d);
                            placed.add(d);
                        }
                    }
                }
            }
        }
        return out;
    }

    private List<Stream<?>[]> neighbours() {
        return List.of(upstreams, downstreams, sideOutputs, owner == null ? NONE : new Stream<?>[] {owner});
    }

    /**
     * How many elements this node holds now (windows, buffers, partitions), for
     * {@link #stats()}; read without entering the graph. Nodes that hold elements override it.
     *
     * @return the number held; the default is 0
     */
    protected long heldCount() {
        return 0;
    }

    /**
     * How many elements came too late for this node (event-time windows), for {@link #stats()};
     * read without entering the graph. Nodes that take late elements override it.
     *
     * @return the number of late elements so far; the default is 0
     */
    protected long lateCount() {
        return 0;
    }

    /**
     * How many elements wait to enter the graph at this node (a source's queue), for
     * {@link #stats()}; read without entering the graph. Sources with a queue override it.
     *
     * @return the number queued; the default is 0
     */
    protected long queuedCount() {
        return 0;
    }

    private void measureIfGraphDoes() {
        int level = graph().metrics();
        if (level > 0 && (counters == null || level == 2 && !counters.timing)) {
            counters = new Counters(level == 2);
        }
    }

    private synchronized void addSideOutput(Stream<?> s) {
        Stream<?>[] so = Arrays.copyOf(sideOutputs, sideOutputs.length + 1);
        so[so.length - 1] = s;
        sideOutputs = so;
    }

    // ------------------------------------------------------------------ transform

    /**
     * Applies {@code func} to every element and emits the result (streamz {@code map}).
     *
     * <pre>{@code
     * Stream<Integer> source = Stream.create();
     * List<Integer> out = source.map(x -> x + 1).sinkToList();
     * for (int i = 0; i < 3; i++) source.emit(i);
     * // out: [1, 2, 3]
     * }</pre>
     *
     * <p><b>Metadata:</b> passed on with the result; nothing is held.
     *
     * @param <R> the type of the results
     * @param func the function; its failure reaches {@code emit} as a {@link NodeException}
     * @return a new node downstream of this one, emitting {@code func}'s result for each element
     */
    public final <R> Stream<R> map(Function<? super T, ? extends R> func) {
        return new MapNode<>(this, func);
    }

    /**
     * Passes on the elements for which {@code predicate} holds (streamz {@code filter}).
     *
     * <pre>{@code
     * List<Integer> out = source.filter(x -> x % 2 == 0).sinkToList();
     * for (int i = 0; i < 5; i++) source.emit(i);
     * // out: [0, 2, 4]
     * }</pre>
     *
     * <p><b>Metadata:</b> passed on with kept elements; nothing is held.
     *
     * @param predicate whether to keep an element; its failure reaches {@code emit} as a
     *     {@link NodeException}
     * @return a new node downstream of this one, emitting the elements that satisfy {@code predicate}
     */
    public final Stream<T> filter(Predicate<? super T> predicate) {
        return new FilterNode<>(this, "filter", predicate, true);
    }

    /**
     * Passes on the elements for which {@code predicate} does not hold (streamz {@code remove}).
     *
     * <pre>{@code
     * List<Integer> out = source.remove(x -> x % 2 == 0).sinkToList();
     * for (int i = 0; i < 5; i++) source.emit(i);
     * // out: [1, 3]
     * }</pre>
     *
     * <p><b>Metadata:</b> passed on with kept elements; nothing is held.
     *
     * @param predicate whether to drop an element; its failure reaches {@code emit} as a
     *     {@link NodeException}
     * @return a new node downstream of this one, emitting the elements that do not satisfy
     *     {@code predicate}
     */
    public final Stream<T> remove(Predicate<? super T> predicate) {
        return new FilterNode<>(this, "remove", predicate, false);
    }

    /**
     * Splays every element, a pair, into the two arguments of {@code func} and emits the result
     * (streamz {@code starmap}). A pair is a two-element {@code List}, array, Reactor
     * {@code Tuple2} or {@code Map.Entry}.
     *
     * <pre>{@code
     * Stream<List<Integer>> source = Stream.create();
     * List<Integer> out = source.starmap((Integer x, Integer y) -> x + y).sinkToList();
     * source.emit(List.of(1, 10));
     * source.emit(List.of(2, 20));
     * // out: [11, 22]
     * }</pre>
     *
     * <p>The items of a pair have no static types, so the lambda declares its parameters' types
     * (or a method reference such as {@code Integer::sum} gives them). To join two streams and
     * apply a function, {@link #zipWith(Stream, BiFunction)} is typed from end to end.
     *
     * <p><b>Metadata:</b> passed on with the result; nothing is held.
     *
     * @param <A> the type of a pair's first item
     * @param <B> the type of a pair's second item
     * @param <R> the type of the results
     * @param func the function; its failure, or an element that is not a pair, reaches
     *     {@code emit} as a {@link NodeException}
     * @return a new node downstream of this one, emitting {@code func}'s result for each pair
     */
    public final <A, B, R> Stream<R> starmap(BiFunction<? super A, ? super B, ? extends R> func) {
        return new StarmapNode<>(this, func);
    }

    /**
     * Emits item {@code key} of every element (streamz {@code pluck}): an index into a
     * {@code List}, array or tuple (negative counts from the end, as in Python), a key into a
     * {@code Map}.
     *
     * <pre>{@code
     * Stream<Map<String, Object>> source = Stream.create();
     * List<Object> out = source.pluck("name").sinkToList();
     * source.emit(Map.of("name", "Alice", "x", 123));
     * source.emit(Map.of("name", "Bob", "x", 456));
     * // out: [Alice, Bob]
     * }</pre>
     *
     * <p><b>Metadata:</b> passed on with the result; nothing is held.
     *
     * @param <R> the type of the picked items (unchecked)
     * @param key an {@code Integer} index or a map key, not {@code null}; a missing one reaches
     *     {@code emit} as a {@link NodeException}
     * @return a new node downstream of this one, emitting item {@code key} of each element
     */
    public final <R> Stream<R> pluck(Object key) {
        return cast(new PluckNode<>(this, key, false));
    }

    /**
     * Emits a list of the items {@code keys} of every element (streamz {@code pluck([...])}).
     *
     * <pre>{@code
     * Stream<List<Integer>> source = Stream.create();
     * List<List<Object>> out = source.pluck(List.of(0, 3)).sinkToList();
     * source.emit(List.of(1, 2, 3, 4));
     * // out: [[1, 4]]
     * }</pre>
     *
     * @param keys indexes or map keys, see {@link #pluck(Object)}; neither the list nor its
     *     elements may be {@code null}
     * @return a new node downstream of this one, emitting an immutable list of the picked items
     *     of each element
     */
    public final Stream<List<Object>> pluck(List<?> keys) {
        return cast(new PluckNode<>(this, keys, true));
    }

    /**
     * Emits the items of every element, an {@code Iterable} or array, one by one (streamz
     * {@code flatten}).
     *
     * <pre>{@code
     * Stream<List<Integer>> source = Stream.create();
     * List<Integer> out = source.<Integer>flatten().sinkToList();
     * source.emit(List.of(1, 2, 3));
     * source.emit(List.of());
     * source.emit(List.of(4, 5));
     * // out: [1, 2, 3, 4, 5]
     * }</pre>
     *
     * <p><b>Metadata:</b> every item carries its element's metadata, so the element's refs are
     * held until every node holding one of its items let go (streamz gives the metadata to the
     * last item only, which lets a Kafka source commit a batch while earlier items still wait in a
     * window or for an acknowledgement); nothing is held here.
     *
     * @param <R> the type of the items (unchecked); an element that is neither an
     *     {@code Iterable} nor an array reaches {@code emit} as a {@link NodeException}
     * @return a new node downstream of this one, emitting the items of each element
     */
    public final <R> Stream<R> flatten() {
        return cast(new FlattenNode<>(this));
    }

    /**
     * Applies {@code func} to every element and emits the items of the {@code Iterable} it
     * returns, one by one (streamz {@code map} then {@code flatten}; storey {@code FlatMap}): the
     * typed form of {@link #flatten()}.
     *
     * <pre>{@code
     * Stream<String> source = Stream.create();
     * List<String> out = source.flatMap(line -> List.of(line.split(" "))).sinkToList();
     * source.emit("to be");
     * source.emit("or not");
     * // out: [to, be, or, not]
     * }</pre>
     *
     * <p><b>Metadata:</b> as {@link #flatten()}: the last item of an element carries its
     * metadata, the others none; nothing is held.
     *
     * @param <R> the type of the items
     * @param func the function; its failure, or a {@code null} result, reaches {@code emit} as a
     *     {@link NodeException}
     * @return a new node downstream of this one, emitting the items {@code func} returns
     */
    public final <R> Stream<R> flatMap(Function<? super T, ? extends Iterable<? extends R>> func) {
        return new FlatMapNode<>(this, func);
    }

    /**
     * Emits item {@code key} of every element, which must be a {@code type} (or {@code null}):
     * the typed form of {@link #pluck(Object)}.
     *
     * <pre>{@code
     * Stream<Map<String, Object>> source = Stream.create();
     * List<Integer> out = source.pluck("x", Integer.class).sinkToList();
     * source.emit(Map.of("name", "Alice", "x", 123));
     * // out: [123]
     * }</pre>
     *
     * <p>An item of another type fails {@code emit} with a {@link NodeException} naming the node
     * and the element, caused by {@code ClassCastException: item "x" is String "456", expected
     * Integer}.
     *
     * <p><b>Metadata:</b> passed on with the result; nothing is held.
     *
     * @param <R> the type of the picked items
     * @param key an {@code Integer} index or a map key, see {@link #pluck(Object)}
     * @param type the class every picked item must be an instance of
     * @return a new node downstream of this one, emitting item {@code key} of each element
     */
    public final <R> Stream<R> pluck(Object key, Class<R> type) {
        return cast(new PluckNode<>(this, key, type));
    }

    /**
     * Passes on only the elements never seen before (streamz {@code unique}); remembers every
     * element, so the stream of distinct elements should be finite.
     *
     * <pre>{@code
     * List<Integer> out = source.unique().sinkToList();
     * for (int x : List.of(1, 1, 2, 2, 2, 1, 3)) source.emit(x);
     * // out: [1, 2, 3]
     * }</pre>
     *
     * <p><b>Metadata:</b> passed on with kept elements; only keys are remembered, no refs held.
     *
     * @return a new node downstream of this one, emitting each distinct element once
     */
    public final Stream<T> unique() {
        return unique(Keys.identity());
    }

    /**
     * Passes on only the elements not among the {@code maxsize} most recently seen ones (streamz
     * {@code unique(maxsize=)}, an LRU cache: seeing an element again refreshes it).
     * {@code unique(1)} drops an element only if it equals the previous one.
     *
     * <pre>{@code
     * List<Integer> out = source.unique(1).sinkToList();
     * for (int x : List.of(1, 1, 2, 2, 2, 1, 3)) source.emit(x);
     * // out: [1, 2, 1, 3]
     * }</pre>
     *
     * @param maxsize how many elements to remember, at least 1
     * @return a new node downstream of this one, emitting the elements not among the
     *     {@code maxsize} most recently seen
     */
    public final Stream<T> unique(int maxsize) {
        return unique(maxsize, Keys.identity());
    }

    /**
     * Passes on only the elements whose key was never seen before (streamz
     * {@code unique(key=)}).
     *
     * <pre>{@code
     * List<String> out = words.unique(String::length).sinkToList();
     * for (String w : List.of("a", "bb", "c", "dd", "eee")) words.emit(w);
     * // out: [a, bb, eee]
     * }</pre>
     *
     * @param key computes what must be unique; its failure reaches {@code emit} as a {@link NodeException}
     * @return a new node downstream of this one, emitting the first element of each key
     */
    public final Stream<T> unique(Function<? super T, ?> key) {
        return new UniqueNode<>(this, 0, key);
    }

    /**
     * See {@link #unique(int)} and {@link #unique(Function)}: remembers the {@code maxsize} most recent keys.
     *
     * @param maxsize how many keys to remember, at least 1
     * @param key computes what must be unique; its failure reaches {@code emit} as a {@link NodeException}
     * @return a new node downstream of this one, emitting the elements whose key is not among the
     *     {@code maxsize} most recently seen
     */
    public final Stream<T> unique(int maxsize, Function<? super T, ?> key) {
        return new UniqueNode<>(this, Checks.positive(maxsize, "unique", "maxsize"), key);
    }

    /**
     * Passes on the elements at some positions (streamz {@code slice}): those at positions
     * {@code >= start} that are multiples of {@code step} (counting from 0), up to {@code end}
     * exclusive. Unlike Python's {@code list[start:end:step]}, the step counts from position 0,
     * not from {@code start}, as streamz does. Once {@code end} elements
     * arrived, the node disconnects itself from its upstreams.
     *
     * <pre>{@code
     * List<Integer> out = source.slice(1, 7, 2).sinkToList();
     * for (int i = 0; i < 10; i++) source.emit(i);
     * // out: [2, 4, 6]
     * }</pre>
     *
     * <p><b>Metadata:</b> passed on with kept elements; nothing is held.
     *
     * @param start first position to pass on, at least 0
     * @param end position to stop at (exclusive), or {@code null} for no end; as in streamz,
     *     0 also means no end
     * @param step pass every step-th position, at least 1
     * @return a new node downstream of this one, emitting the elements at the chosen positions
     */
    public final Stream<T> slice(int start, @Nullable Integer end, int step) {
        return new SliceNode<>(this, start, end, step);
    }

    // ------------------------------------------------------------------ state

    /**
     * Emits the running reduction of the elements (streamz {@code accumulate} without
     * {@code start}): the first element is the start state and is emitted as is; then each
     * element {@code x} makes the state {@code func(state, x)}, which is emitted.
     *
     * <pre>{@code
     * List<Integer> out = source.accumulate((acc, x) -> acc + x).sinkToList();
     * for (int i = 0; i < 5; i++) source.emit(i);
     * // out: [0, 1, 3, 6, 10]
     * }</pre>
     *
     * <p><b>Metadata:</b> passed on with the new state; nothing is held.
     *
     * @param func the reduction; its failure reaches {@code emit} as a {@link NodeException} and
     *     leaves the state as it was
     * @return a new node downstream of this one, emitting each new state
     */
    public final Stream<T> accumulate(BinaryOperator<T> func) {
        return AccumulateNode.withoutStart(this, "accumulate", func);
    }

    /**
     * Emits the running reduction from {@code start} (streamz {@code accumulate(func, start=)}).
     *
     * <pre>{@code
     * List<Integer> out = source.accumulate((count, x) -> count + 1, 0).sinkToList();
     * for (int i = 0; i < 3; i++) source.emit(i);
     * // out: [1, 2, 3]
     * }</pre>
     *
     * @param <S> the type of the state
     * @param func computes the new state from the state and an element; its failure reaches
     *     {@code emit} as a {@link NodeException} and leaves the state as it was
     * @param start the state before the first element, possibly {@code null}
     * @return a new node downstream of this one, emitting each new state
     */
    public final <S> Stream<S> accumulate(BiFunction<? super S, ? super T, ? extends S> func, @Nullable S start) {
        return AccumulateNode.withStart(this, "accumulate", func, start);
    }

    /**
     * Emits a result computed with a running state (streamz
     * {@code accumulate(..., returns_state=True)}): {@code func(state, x)} returns
     * {@code Tuples.of(newState, result)}; only the result is emitted.
     *
     * <pre>{@code
     * Stream<String> source = Stream.create();
     * List<String> out = source.accumulateWithState((i, x) -> Tuples.of(i + 1, i + ":" + x), 0).sinkToList();
     * for (String x : List.of("a", "b", "c")) source.emit(x);
     * // out: [0:a, 1:b, 2:c]
     * }</pre>
     *
     * @param <S> the type of the state
     * @param <R> the type of the results
     * @param func returns the new state and the result as a Reactor {@code Tuple2}, not
     *     {@code null}; its failure reaches {@code emit} as a {@link NodeException}
     * @param start the state before the first element, possibly {@code null}
     * @return a new node downstream of this one, emitting each result
     */
    public final <S, R> Stream<R> accumulateWithState(
            BiFunction<? super S, ? super T, ? extends Tuple2<? extends S, ? extends R>> func, @Nullable S start) {
        return AccumulateNode.returningState(this, "accumulateWithState", func, start);
    }

    /**
     * The same as {@link #accumulate(BinaryOperator)} (streamz {@code scan}).
     *
     * <pre>{@code
     * Stream<Integer> source = Stream.create();
     * List<Integer> out = source.scan(Integer::max).sinkToList();
     * for (int x : List.of(3, 1, 4, 1, 5)) source.emit(x);
     * // out: [3, 3, 4, 4, 5]
     * }</pre>
     *
     * @param func the reduction; its failure reaches {@code emit} as a {@link NodeException}
     * @return a new node downstream of this one, emitting each new state
     */
    public final Stream<T> scan(BinaryOperator<T> func) {
        return AccumulateNode.withoutStart(this, "scan", func);
    }

    /**
     * The same as {@link #accumulate(BiFunction, Object)} (streamz {@code scan}).
     *
     * @param <S> the type of the state
     * @param func computes the new state from the state and an element; its failure reaches
     *     {@code emit} as a {@link NodeException}
     * @param start the state before the first element, possibly {@code null}
     * @return a new node downstream of this one, emitting each new state
     */
    public final <S> Stream<S> scan(BiFunction<? super S, ? super T, ? extends S> func, @Nullable S start) {
        return AccumulateNode.withStart(this, "scan", func, start);
    }

    /**
     * Emits, for every element, how many times each element was seen so far (streamz
     * {@code frequencies}), as an immutable map in order of first appearance.
     *
     * <pre>{@code
     * Stream<String> source = Stream.create();
     * List<Map<String, Long>> out = source.frequencies().sinkToList();
     * for (String x : List.of("a", "b", "a")) source.emit(x);
     * // out: [{a=1}, {a=1, b=1}, {a=2, b=1}]
     * }</pre>
     *
     * <p><b>Metadata:</b> passed on with each snapshot; no refs held.
     *
     * @return a new node downstream of this one, emitting a snapshot of the counts per element
     */
    public final Stream<Map<T, Long>> frequencies() {
        return new FrequenciesNode<>(this);
    }

    /**
     * Holds every element until {@link CollectStream#flush() flushed}, then emits them all as one
     * immutable list (streamz {@code collect}).
     *
     * <pre>{@code
     * Stream<Integer> source1 = Stream.create();
     * Stream<String> source2 = Stream.create();
     * CollectStream<Integer> collector = source1.collect();
     * List<List<Integer>> out = collector.sinkToList();
     * source2.sink(collector::flush);
     * source1.emit(1);
     * source1.emit(2);
     * source2.emit("anything");
     * // out: [[1, 2]]
     * }</pre>
     *
     * <p><b>Metadata:</b> every element's refs are held until the flush that emits it returns.
     *
     * @return a new collector downstream of this one; call its {@link CollectStream#flush()} to emit
     */
    public final CollectStream<T> collect() {
        return new CollectNode<>(this);
    }

    // ------------------------------------------------------------------ windows

    /**
     * Emits the elements in groups of {@code n} (streamz {@code partition}); an incomplete group
     * waits for more.
     *
     * <pre>{@code
     * List<List<Integer>> out = source.partition(3).sinkToList();
     * for (int i = 0; i < 10; i++) source.emit(i);
     * // out: [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
     * }</pre>
     *
     * <p><b>Metadata:</b> an element's refs are held until its group is emitted (and the emit's
     * asynchronous work is done).
     *
     * @param n group size, at least 1
     * @return a new node downstream of this one, emitting immutable lists of {@code n} elements
     */
    public final Stream<List<T>> partition(int n) {
        return new PartitionNode<>(this, n, null, null, null);
    }

    /**
     * Emits groups of {@code n} elements of the same key (streamz {@code partition(n, key=)});
     * each key fills its own group.
     *
     * <pre>{@code
     * List<List<Integer>> out = source.partition(2, x -> x % 2).sinkToList();
     * for (int i = 0; i < 4; i++) source.emit(i);
     * // out: [[0, 2], [1, 3]]
     * }</pre>
     *
     * @param n group size, at least 1
     * @param key the group of an element; its failure reaches {@code emit} as a {@link NodeException}
     * @return a new node downstream of this one, emitting immutable lists of {@code n} elements
     *     of one key
     */
    public final Stream<List<T>> partition(int n, Function<? super T, ?> key) {
        return new PartitionNode<>(this, n, null, null, Checks.notNull(key, "partition", "key"));
    }

    /**
     * Emits groups of {@code n} elements, or fewer once {@code timeout} passed since a group's
     * first element (streamz {@code partition(n, timeout=)}).
     *
     * <pre>{@code
     * List<List<Integer>> out = source.partition(5, "1s").sinkToList();
     * for (int i = 0; i < 3; i++) source.emit(i);
     * // a second later, out: [[0, 1, 2]]
     * }</pre>
     *
     * <p><b>Time:</b> the timers run on the scheduler {@code Schedulers.parallel()} returns when
     * the node is built; a timer enters the graph like {@code emit}.
     * <p><b>Blocks:</b> never.
     *
     * @param n group size, at least 1
     * @param timeout how long a group may wait after its first element, greater than zero
     * @return a new node downstream of this one, emitting immutable lists of at most {@code n}
     *     elements
     */
    public final Stream<List<T>> partition(int n, Duration timeout) {
        return partition(n, timeout, Schedulers.parallel());
    }

    /**
     * See {@link #partition(int, Duration)}; {@code timeout} as {@code "10ms"}, {@code "1.5s"}...
     *
     * @param n group size, at least 1
     * @param timeout the timeout as a number and a unit, greater than zero
     * @return a new node downstream of this one, emitting immutable lists of at most {@code n}
     *     elements
     */
    public final Stream<List<T>> partition(int n, String timeout) {
        return partition(n, Intervals.parse(timeout, "partition", "timeout"));
    }

    /**
     * See {@link #partition(int, Duration)}; with the scheduler of its timers.
     *
     * @param n group size, at least 1
     * @param timeout how long a group may wait after its first element, greater than zero
     * @param scheduler the scheduler of the timers
     * @return a new node downstream of this one, emitting immutable lists of at most {@code n}
     *     elements
     */
    public final Stream<List<T>> partition(int n, Duration timeout, Scheduler scheduler) {
        return new PartitionNode<>(this, n, Checks.notNull(timeout, "partition", "timeout"), scheduler, null);
    }

    /**
     * Groups by key with a timeout (streamz {@code partition(n, timeout, key)}): each key's group
     * is emitted when it has {@code n} elements or {@code timeout} after its first element.
     *
     * <pre>{@code
     * List<List<Integer>> out = source.partition(2, "1s", x -> x % 2).sinkToList();
     * source.emit(0);
     * source.emit(1);
     * source.emit(2);
     * // out: [[0, 2]], and a second after 1 arrived: [[0, 2], [1]]
     * }</pre>
     *
     * <p><b>Time:</b> as {@link #partition(int, Duration)}, one timer per key's group.
     *
     * @param n group size, at least 1
     * @param timeout how long a group may wait after its first element, greater than zero
     * @param key the group of an element; its failure reaches {@code emit} as a {@link NodeException}
     * @return a new node downstream of this one, emitting immutable lists of at most {@code n}
     *     elements of one key
     */
    public final Stream<List<T>> partition(int n, Duration timeout, Function<? super T, ?> key) {
        return partition(n, timeout, key, Schedulers.parallel());
    }

    /**
     * See {@link #partition(int, Duration, Function)}; {@code timeout} as {@code "10ms"}, {@code "1.5s"}...
     *
     * @param n group size, at least 1
     * @param timeout the timeout as a number and a unit, greater than zero
     * @param key the group of an element; its failure reaches {@code emit} as a {@link NodeException}
     * @return a new node downstream of this one, emitting immutable lists of at most {@code n}
     *     elements of one key
     */
    public final Stream<List<T>> partition(int n, String timeout, Function<? super T, ?> key) {
        return partition(n, Intervals.parse(timeout, "partition", "timeout"), key);
    }

    /**
     * See {@link #partition(int, Duration, Function)}; with the scheduler of its timers.
     *
     * @param n group size, at least 1
     * @param timeout how long a group may wait after its first element, greater than zero
     * @param key the group of an element; its failure reaches {@code emit} as a {@link NodeException}
     * @param scheduler the scheduler of the timers
     * @return a new node downstream of this one, emitting immutable lists of at most {@code n}
     *     elements of one key
     */
    public final Stream<List<T>> partition(int n, Duration timeout, Function<? super T, ?> key, Scheduler scheduler) {
        Checks.notNull(timeout, "partition", "timeout");
        return new PartitionNode<>(this, n, timeout, scheduler, Checks.notNull(key, "partition", "key"));
    }

    /**
     * Emits groups of {@code n} elements with distinct keys (streamz {@code partition_unique}):
     * an element whose key is already in the group is dropped ({@code keep = "first"}) or
     * replaces the earlier one ({@code keep = "last"}); elements keep their arrival order.
     *
     * <pre>{@code
     * List<List<Integer>> out = source.partitionUnique(3, x -> x, "first").sinkToList();
     * for (int x : List.of(1, 2, 1, 3, 1, 3, 3, 2)) source.emit(x);
     * // out: [[1, 2, 3], [1, 3, 2]]  (with "last": [[2, 1, 3], [1, 3, 2]])
     * }</pre>
     *
     * <p><b>Metadata:</b> exactly as streamz 0.6.4: every element's refs are retained, those of
     * the emitted elements are released after the emit; a dropped or replaced element's refs are
     * never released.
     *
     * @param n group size, at least 1
     * @param key computes what must be distinct
     * @param keep {@code "first"} or {@code "last"}
     * @return a new node downstream of this one, emitting immutable lists of {@code n} elements
     *     with distinct keys
     */
    public final Stream<List<T>> partitionUnique(int n, Function<? super T, ?> key, String keep) {
        return partitionUnique(n, key, Keys.keep(keep, "partitionUnique"));
    }

    /**
     * See {@link #partitionUnique(int, Function, String)}; {@code keep} typed.
     *
     * <pre>{@code
     * List<List<Integer>> out = source.partitionUnique(3, x -> x, Keep.LAST).sinkToList();
     * for (int x : List.of(1, 2, 1, 3, 1, 3, 3, 2)) source.emit(x);
     * // out: [[2, 1, 3], [1, 3, 2]]
     * }</pre>
     *
     * @param n group size, at least 1
     * @param key computes what must be distinct
     * @param keep {@link Keep#FIRST} or {@link Keep#LAST}
     * @return a new node downstream of this one, emitting immutable lists of {@code n} elements
     *     with distinct keys
     */
    public final Stream<List<T>> partitionUnique(int n, Function<? super T, ?> key, Keep keep) {
        return new PartitionUniqueNode<>(this, n, key, keep);
    }

    /**
     * Emits a list of the last {@code n} elements each time an element arrives
     * (streamz {@code sliding_window}).
     *
     * <pre>{@code
     * List<List<Integer>> out = source.slidingWindow(3).sinkToList();
     * for (int i = 0; i < 4; i++) source.emit(i);
     * // out: [[0], [0, 1], [0, 1, 2], [1, 2, 3]]
     * }</pre>
     *
     * <p><b>Metadata:</b> an element's refs are held until the last window containing it is emitted.
     *
     * @param n window size, at least 1
     * @return a new node downstream of this one, emitting an immutable list of up to {@code n}
     *     elements for each element
     */
    public final Stream<List<T>> slidingWindow(int n) {
        return slidingWindow(n, true);
    }

    /**
     * See {@link #slidingWindow(int)}; with {@code returnPartial == false}, waits for a full window.
     *
     * @param n window size, at least 1
     * @param returnPartial whether to emit the windows of the first {@code n - 1} elements, which
     *     are not full
     * @return a new node downstream of this one, emitting an immutable list of the last elements
     */
    public final Stream<List<T>> slidingWindow(int n, boolean returnPartial) {
        return new SlidingWindowNode<>(this, n, returnPartial);
    }

    // ------------------------------------------------------------------ joins

    /**
     * Emits a list of the i-th elements of this stream and {@code others} once each has sent its
     * i-th element (streamz {@code zip}). A stream may be zipped with itself.
     *
     * <pre>{@code
     * Stream<Integer> a = Stream.create();
     * Stream<String> b = Stream.create();
     * List<List<Object>> out = a.zip(b).sinkToList();
     * a.emit(1);
     * b.emit("a");
     * a.emit(2);
     * b.emit("b");
     * // out: [[1, a], [2, b]]
     * }</pre>
     *
     * <p><b>Metadata:</b> an element's refs are held until its tuple is emitted; the tuple
     * carries the metadata of all its elements.
     * <p><b>Blocks:</b> as streamz ({@code maxsize=10}): when one upstream is more than 10
     * elements ahead, its element is kept and the {@code emit} that brought it waits, without
     * holding the graph's guard, until the zip emits its next tuple (another thread emits to a
     * lagging upstream, or one is disconnected). Nothing is dropped; a single thread feeding all
     * upstreams should stay within 10 elements, or use {@link #emitAsync}, whose future
     * completes then.
     *
     * @param others the other upstreams, possibly none; not {@code null}, nor any of them
     * @return a new node downstream of this stream and {@code others}, emitting immutable lists
     *     with one element of each, in upstream order
     */
    public final Stream<List<Object>> zip(Stream<?>... others) {
        return new ZipNode<>(withOthers("zip", others), Combine.list("zip"));
    }

    /**
     * Emits a Reactor {@code Tuple2} of the i-th elements of this stream and {@code other} once
     * both have sent their i-th element: the typed {@link #zip(Stream...)} of two streams (Reactor
     * {@code zipWith}).
     *
     * <pre>{@code
     * List<Tuple2<Integer, String>> out = a.zipWith(b).sinkToList();
     * a.emit(1);
     * b.emit("a");
     * // out: [[1,a]]
     * }</pre>
     *
     * <p>A {@code Tuple2} holds no {@code null}: a {@code null} element fails the {@code emit}
     * that completes its tuple with a {@link NodeException}; the combining form
     * {@link #zipWith(Stream, BiFunction)} takes {@code null}s. The node joins exactly these two
     * streams: {@code connect} and {@code disconnect} refuse to change its inputs.
     * <p><b>Metadata</b> and <b>Blocks:</b> as {@link #zip(Stream...)}.
     *
     * @param <U> the type of {@code other}'s elements
     * @param other the other upstream (may be this stream)
     * @return a new node downstream of this stream and {@code other}, emitting a tuple of one
     *     element of each
     */
    public final <U> Stream<Tuple2<T, U>> zipWith(Stream<U> other) {
        return new ZipNode<>(typedJoin("zipWith", other), Combine.tuple2("zipWith"));
    }

    /**
     * Emits {@code func} of the i-th elements of this stream and {@code other} once both have
     * sent their i-th element: streamz's {@code a.zip(b).starmap(func)} in one typed node (Reactor
     * {@code zipWith(other, combinator)}).
     *
     * <pre>{@code
     * Stream<Integer> source = Stream.create();
     * Stream<Integer> a = source.map(x -> x + 1);
     * Stream<Integer> b = source.map(x -> x - 1);
     * a.zipWith(b, Integer::sum).sink(System.out::println);
     * source.emit(10);   // prints 20
     * }</pre>
     *
     * <p><b>Metadata</b> and <b>Blocks:</b> as {@link #zip(Stream...)}.
     *
     * @param <U> the type of {@code other}'s elements
     * @param <R> the type of the results
     * @param other the other upstream (may be this stream)
     * @param func the combining function; its failure reaches {@code emit} as a
     *     {@link NodeException} naming the pair
     * @return a new node downstream of this stream and {@code other}, emitting {@code func}'s
     *     result for each pair
     */
    public final <U, R> Stream<R> zipWith(Stream<U> other, BiFunction<? super T, ? super U, ? extends R> func) {
        return new ZipNode<>(typedJoin("zipWith", other), Combine.of("zipWith", Checks.notNull(func, "zipWith", "func")));
    }

    /**
     * Emits a Reactor {@code Tuple3} of the i-th elements of this stream, {@code second} and
     * {@code third}: the typed {@link #zip(Stream...)} of three streams (Reactor's
     * {@code Flux.zip(a, b, c)}).
     *
     * <pre>{@code
     * Stream<Double> c = Stream.create();
     * a.zipWith(b, c).map(t -> t.getT2() + t.getT1() * t.getT3()).sink(System.out::println);
     * a.emit(2);
     * b.emit("x");
     * c.emit(1.5);   // prints x3.0
     * }</pre>
     *
     * <p>As {@link #zipWith(Stream)}: no {@code null} elements, a fixed set of inputs.
     *
     * @param <U> the type of {@code second}'s elements
     * @param <V> the type of {@code third}'s elements
     * @param second the second upstream
     * @param third the third upstream
     * @return a new node downstream of the three streams, emitting a tuple of one element of each
     */
    public final <U, V> Stream<Tuple3<T, U, V>> zipWith(Stream<U> second, Stream<V> third) {
        return new ZipNode<>(typedJoin("zipWith", second, third), Combine.tuple3("zipWith"));
    }

    /**
     * Pairs every element of this (lossless) stream with the latest elements of {@code others}
     * (streamz {@code zip_latest}); elements that arrive before every other stream has sent one
     * wait and are all emitted then.
     *
     * <pre>{@code
     * List<List<Object>> out = a.zipLatest(b).sinkToList();
     * a.emit(1);
     * a.emit(2);
     * b.emit("a");
     * b.emit("b");
     * a.emit(3);
     * // out: [[1, a], [2, a], [3, b]]
     * }</pre>
     *
     * <p><b>Metadata:</b> this stream's elements are held until emitted; the others' latest
     * elements until replaced.
     *
     * @param others the other upstreams, possibly none; not {@code null}, nor any of them
     * @return a new node downstream of this stream and {@code others}, emitting immutable lists
     *     of an element of this stream and the latest of each other, in upstream order
     */
    public final Stream<List<Object>> zipLatest(Stream<?>... others) {
        return new ZipLatestNode(withOthers("zipLatest", others));
    }

    /**
     * Emits a list of the latest element of this stream and of each of {@code others} whenever
     * any of them sends one, once all have (streamz {@code combine_latest}).
     *
     * <pre>{@code
     * List<List<Object>> out = a.combineLatest(b).sinkToList();
     * a.emit(1);
     * a.emit(2);
     * b.emit("a");
     * a.emit(3);
     * // out: [[2, a], [3, a]]
     * }</pre>
     *
     * <p><b>Metadata:</b> each stream's latest element is held (with its refs) until replaced.
     *
     * @param others the other upstreams, possibly none; not {@code null}, nor any of them
     * @return a new node downstream of this stream and {@code others}, emitting immutable lists
     *     of the latest element of each, in upstream order
     */
    public final Stream<List<Object>> combineLatest(Stream<?>... others) {
        return new CombineLatestNode<>(withOthers("combineLatest", others), null, Combine.list("combineLatest"));
    }

    /**
     * Like {@link #combineLatest(Stream...)}, but only elements of the streams in
     * {@code emitOn} trigger an emission (streamz {@code combine_latest(..., emit_on=)});
     * {@code emitOn} may name this stream.
     *
     * <pre>{@code
     * List<List<Object>> out = a.combineLatest(List.of(b), List.of(a)).sinkToList();
     * a.emit(1);
     * b.emit("a");
     * a.emit(2);
     * b.emit("b");
     * // out: [[2, a]]
     * }</pre>
     *
     * <p>Disconnecting the only {@code emitOn} upstream fails with an {@link IllegalStateException}.
     *
     * @param others the other upstreams, possibly empty; not {@code null}, nor any of them
     * @param emitOn upstreams of the node (this stream or some of {@code others}), at least one
     * @return a new node downstream of this stream and {@code others}, emitting immutable lists
     *     of the latest element of each, in upstream order
     * @throws IllegalArgumentException if {@code emitOn} is empty or names a stream that is not
     *     an upstream
     */
    public final Stream<List<Object>> combineLatest(List<? extends Stream<?>> others,
            List<? extends Stream<?>> emitOn) {
        Stream<?>[] array = Checks.notNull(others, "combineLatest", "others").toArray(new Stream<?>[0]);
        Checks.notNull(emitOn, "combineLatest", "emitOn");
        return new CombineLatestNode<>(withOthers("combineLatest", array), emitOn, Combine.list("combineLatest"));
    }

    /**
     * Emits a Reactor {@code Tuple2} of the latest elements of this stream and {@code other}
     * whenever either sends one, once both have: the typed {@link #combineLatest(Stream...)} of two
     * streams.
     *
     * <pre>{@code
     * List<Tuple2<Integer, String>> out = a.combineLatestWith(b).sinkToList();
     * a.emit(1);
     * b.emit("a");
     * a.emit(2);
     * // out: [[1,a], [2,a]]
     * }</pre>
     *
     * <p>As {@link #zipWith(Stream)}: no {@code null} elements, a fixed set of inputs.
     * <p><b>Metadata:</b> as {@link #combineLatest(Stream...)}.
     *
     * @param <U> the type of {@code other}'s elements
     * @param other the other upstream
     * @return a new node downstream of this stream and {@code other}, emitting a tuple of the
     *     latest element of each
     */
    public final <U> Stream<Tuple2<T, U>> combineLatestWith(Stream<U> other) {
        return new CombineLatestNode<>(typedJoin("combineLatestWith", other), null, Combine.tuple2("combineLatestWith"));
    }

    /**
     * Emits {@code func} of the latest elements of this stream and {@code other} whenever either
     * sends one, once both have (Reactor's {@code Flux.combineLatest(a, b, combinator)}).
     *
     * <pre>{@code
     * Stream<Double> prices = Stream.create();
     * Stream<Integer> amounts = Stream.create();
     * prices.combineLatestWith(amounts, (p, n) -> p * n).sink(System.out::println);
     * prices.emit(2.5);
     * amounts.emit(4);    // prints 10.0
     * prices.emit(3.0);   // prints 12.0
     * }</pre>
     *
     * <p><b>Metadata:</b> as {@link #combineLatest(Stream...)}.
     *
     * @param <U> the type of {@code other}'s elements
     * @param <R> the type of the results
     * @param other the other upstream
     * @param func the combining function; its failure reaches {@code emit} as a
     *     {@link NodeException} naming the pair
     * @return a new node downstream of this stream and {@code other}, emitting {@code func}'s
     *     result for the latest pair
     */
    public final <U, R> Stream<R> combineLatestWith(Stream<U> other, BiFunction<? super T, ? super U, ? extends R> func) {
        Combine<R> combine = Combine.of("combineLatestWith", Checks.notNull(func, "combineLatestWith", "func"));
        return new CombineLatestNode<>(typedJoin("combineLatestWith", other), null, combine);
    }

    /**
     * Emits a Reactor {@code Tuple3} of the latest elements of this stream, {@code second} and
     * {@code third} whenever one of them sends one, once all have: the typed
     * {@link #combineLatest(Stream...)} of three streams.
     *
     * <pre>{@code
     * Stream<Double> c = Stream.create();
     * List<Tuple3<Integer, String, Double>> out = a.combineLatestWith(b, c).sinkToList();
     * a.emit(1);
     * b.emit("a");
     * c.emit(0.5);
     * a.emit(2);
     * // out: [[1,a,0.5], [2,a,0.5]]
     * }</pre>
     *
     * <p>As {@link #zipWith(Stream)}: no {@code null} elements, a fixed set of inputs.
     *
     * @param <U> the type of {@code second}'s elements
     * @param <V> the type of {@code third}'s elements
     * @param second the second upstream
     * @param third the third upstream
     * @return a new node downstream of the three streams, emitting a tuple of the latest element
     *     of each
     */
    public final <U, V> Stream<Tuple3<T, U, V>> combineLatestWith(Stream<U> second, Stream<V> third) {
        return new CombineLatestNode<>(typedJoin("combineLatestWith", second, third), null,
                Combine.tuple3("combineLatestWith"));
    }

    /**
     * Passes on every element of this stream and of {@code others} as it arrives (streamz
     * {@code union}).
     *
     * <pre>{@code
     * List<Integer> out = a.union(b, c).sinkToList();
     * a.emit(1);
     * b.emit(2);
     * c.emit(3);
     * // out: [1, 2, 3]
     * }</pre>
     *
     * <p><b>Metadata:</b> passed on; nothing is held.
     *
     * @param others the other upstreams, possibly none; not {@code null}, nor any of them
     * @return a new node downstream of this stream and {@code others}, emitting every element of
     *     each
     */
    @SafeVarargs
    public final Stream<T> union(Stream<? extends T>... others) {
        return new UnionNode<T>(withOthers("union", others));
    }

    /** This stream and the typed forms' other upstreams, named {@code other} or {@code second}, {@code third}. */
    private List<Stream<?>> typedJoin(String kind, Stream<?>... others) {
        String[] names = others.length == 1 ? new String[] {"other"} : new String[] {"second", "third"};
        for (int i = 0; i < others.length; i++) {
            Checks.notNull(others[i], kind, names[i]);
        }
        return withOthers(kind, others);
    }

    @SuppressWarnings("unchecked")
    private <S extends Stream<?>> List<S> withOthers(String kind, Stream<?>[] others) {
        Checks.notNull(others, kind, "others");
        List<Stream<?>> ups = new ArrayList<>(others.length + 1);
        ups.add(this);
        for (Stream<?> o : others) {
            ups.add(Checks.notNull(o, kind, "others element"));
        }
        return (List<S>) ups;
    }

    // ------------------------------------------------------------------ event time

    /**
     * Gives every element its event time, {@code time(x)}, and sends watermarks that trail the
     * newest event time seen by {@code maxOutOfOrderness}: an element at most that much older
     * than the newest one before it is on time (Flink's {@code assignTimestampsAndWatermarks} with
     * bounded out-of-orderness). Event-time windows ({@link #eventWindow}) downstream close on
     * the watermarks.
     *
     * <pre>{@code
     * VirtualTimeScheduler clock = VirtualTimeScheduler.getOrSet();
     * Stream<Long> source = Stream.create();            // event times, in seconds
     * Stream<Long> timed = source.withTimestamps(Instant::ofEpochSecond, "2s");
     * List<Windowed<Void, List<Long>>> out = timed.eventWindow(EventWindows.tumbling("10s")).sinkToList();
     * for (long t : new long[] {1, 4, 3, 12, 9, 15}) source.emit(t);
     * clock.advanceTimeBy(Duration.ofMillis(200));     // the watermark: 15 s - 2 s - 1 ns
     * // out: [[1970-01-01T00:00:00Z, 1970-01-01T00:00:10Z) on time: [1, 3, 4, 9]]
     * }</pre>
     *
     * <p><b>Time:</b> the watermark (the newest event time minus the bound, minus a nanosecond) is
     * sent every 200 ms of {@code Schedulers.parallel()} as it is when the node is built (a
     * {@code VirtualTimeScheduler} in tests), when it has grown. Watermarks from upstream are
     * replaced; the end of the input goes on, and windows take it as a watermark at the end of
     * time. For another interval, idleness or generator, see
     * {@link #withTimestamps(Function, WatermarkStrategy)}.
     * <p><b>Metadata:</b> the element goes on with its metadata and an entry
     * {@code {"eventTime": time}} after it ({@link EventTime}); nothing is held. A {@code time}
     * that fails or returns {@code null} is a failure of this node, handled by its
     * {@link ErrorPolicy}.
     *
     * @param time the event time of an element
     * @param maxOutOfOrderness how much older than the newest one an element may be, such as
     *     {@code "5s"}
     * @return a new node downstream of this one, passing the elements on with their event times
     */
    public final Stream<T> withTimestamps(Function<? super T, Instant> time, String maxOutOfOrderness) {
        return withTimestamps(Checks.notNull(time, "withTimestamps", "time"),
                Intervals.parse(maxOutOfOrderness, "withTimestamps", "maxOutOfOrderness"));
    }

    /**
     * See {@link #withTimestamps(Function, String)}.
     *
     * @param time the event time of an element
     * @param maxOutOfOrderness how much older than the newest one an element may be, zero or more
     * @return a new node downstream of this one, passing the elements on with their event times
     */
    public final Stream<T> withTimestamps(Function<? super T, Instant> time, Duration maxOutOfOrderness) {
        return withTimestamps(time, maxOutOfOrderness, Schedulers.parallel());
    }

    /**
     * See {@link #withTimestamps(Function, String)}; with the scheduler whose timer sends the
     * watermarks.
     *
     * @param time the event time of an element
     * @param maxOutOfOrderness how much older than the newest one an element may be, zero or more
     * @param scheduler the scheduler that sends the watermarks every 200 ms
     * @return a new node downstream of this one, passing the elements on with their event times
     */
    public final Stream<T> withTimestamps(Function<? super T, Instant> time, Duration maxOutOfOrderness,
                                          Scheduler scheduler) {
        return WithTimestampsNode.bounded(this, time, maxOutOfOrderness, scheduler);
    }

    /**
     * Gives every element its event time, {@code time(x)}, and sends the watermarks of
     * {@code strategy}: its generator (bounded out-of-orderness, or your own), its interval, its
     * idleness ({@link Signal#idle()} after that long without elements, so that a join stops
     * waiting for this input) and its scheduler.
     *
     * <pre>{@code
     * Stream<Long> seconds = Stream.create();
     * seconds.withTimestamps(Instant::ofEpochSecond, WatermarkStrategy.boundedOutOfOrderness("5s")
     *         .withInterval("1s")
     *         .withIdleness("1m"));
     * }</pre>
     *
     * <p>See {@link #withTimestamps(Function, String)} for time and metadata.
     *
     * @param time the event time of an element
     * @param strategy how to make watermarks
     * @return a new node downstream of this one, passing the elements on with their event times
     */
    public final Stream<T> withTimestamps(Function<? super T, Instant> time, WatermarkStrategy<? super T> strategy) {
        return WithTimestampsNode.of(this, Checks.notNull(time, "withTimestamps", "time"), strategy);
    }

    /**
     * Sends the watermarks of {@code strategy} for elements that carry their event time already,
     * in their metadata ({@link EventTime}): a Kafka record's timestamp, a time set upstream.
     *
     * <pre>{@code
     * Stream<String> orders = Stream.create();   // as a Kafka source: records with their event times
     * orders.withTimestamps(WatermarkStrategy.boundedOutOfOrderness("5s"))
     *         .eventWindow(EventWindows.tumbling("1m"), Collectors.counting())
     *         .sink(System.out::println);
     * orders.emit("a", EventTime.with(List.of(), Instant.ofEpochSecond(5)));
     * orders.emitEnd(); // prints [1970-01-01T00:00:00Z, 1970-01-01T00:01:00Z) on time: 1
     * }</pre>
     *
     * <p>An element without an event time is a failure of this node, handled by its
     * {@link ErrorPolicy}. See {@link #withTimestamps(Function, String)} for time and metadata.
     *
     * @param strategy how to make watermarks
     * @return a new node downstream of this one, passing the elements on unchanged
     */
    public final Stream<T> withTimestamps(WatermarkStrategy<? super T> strategy) {
        return WithTimestampsNode.of(this, null, strategy);
    }

    /**
     * Collects the elements into event-time windows, which fire when the watermark passes their
     * end: a {@link Windowed} with the window, the elements in event-time order and the firing's
     * timing (Flink's {@code windowAll}, Beam's {@code Window.into}). The elements need event
     * times: put {@link #withTimestamps} upstream.
     *
     * <pre>{@code
     * VirtualTimeScheduler clock = VirtualTimeScheduler.getOrSet();
     * Stream<Long> source = Stream.create();            // event times, in seconds
     * EventWindowStream<Long, Void, List<Long>> windows = source
     *         .withTimestamps(Instant::ofEpochSecond, "0s")
     *         .eventWindow(EventWindows.tumbling("10s"));
     * List<List<Long>> out = windows.map(Windowed::value).sinkToList();
     * List<Long> late = windows.lateElements().sinkToList();
     * for (long t : new long[] {1, 5, 12}) source.emit(t);
     * clock.advanceTimeBy(Duration.ofMillis(200));     // the watermark passes 10 s
     * source.emit(7L);                                 // too late for [0 s, 10 s)
     * source.emitEnd();                                // the end fires what is open
     * // out: [[1, 5], [12]]
     * // late: [7]
     * }</pre>
     *
     * <p><b>Triggers:</b> a window fires on time when the watermark passes its end, or at the end
     * of the input; early every n elements or every interval, and late within the allowed
     * lateness, as {@link EventWindows} says. An element whose windows are all closed is late:
     * it goes to {@link EventWindowStream#lateElements()} when that was called, else it is a
     * failure of this node ({@link ErrorPolicy}); it is counted in {@link NodeStats#late()} either
     * way, never dropped silently.
     * <p><b>Metadata:</b> an element's refs are held while a window containing it may still fire:
     * until the watermark passes the window's end plus the allowed lateness (so a Kafka source
     * commits only past closed windows). A firing carries the metadata of its elements (without
     * their event times) and the event time of the window's last instant.
     * <p><b>Blocks:</b> never; a failure of an element's time or key goes to this node's
     * {@link ErrorPolicy}.
     *
     * @param windows which windows, and when they fire
     * @return a new node downstream of this one, emitting a {@link Windowed} of an immutable list
     *     per firing
     */
    public final EventWindowStream<T, Void, List<T>> eventWindow(EventWindows windows) {
        return EventWindowNode.of(this, Checks.notNull(windows, "eventWindow", "windows"), null, null);
    }

    /**
     * See {@link #eventWindow(EventWindows)}; with windows per key (Flink's
     * {@code keyBy(key).window(...)}). Windows of one watermark fire in the order of their
     * start, then of their key's first element; session windows in the order of their end.
     *
     * <pre>{@code
     * EventWindowStream<Integer, Boolean, List<Integer>> sessions = source   // event times in seconds
     *         .withTimestamps(i -> Instant.ofEpochSecond(i), "0s")
     *         .eventWindow(EventWindows.session("3s"), i -> i % 2 == 0);
     * List<List<Integer>> out = sessions.map(Windowed::value).sinkToList();
     * for (int i : new int[] {1, 2, 3, 8, 10, 20}) source.emit(i);
     * source.emitEnd();
     * // out: [[2], [1, 3], [8, 10], [20]]
     * }</pre>
     *
     * @param <K> the key type
     * @param windows which windows, and when they fire
     * @param key the key of an element
     * @return a new node downstream of this one, emitting a {@link Windowed} of an immutable list
     *     per key and firing
     */
    public final <K> EventWindowStream<T, K, List<T>> eventWindow(EventWindows windows, Function<? super T, ? extends K> key) {
        return EventWindowNode.of(this, Checks.notNull(windows, "eventWindow", "windows"),
                Checks.notNull(key, "eventWindow", "key"), null);
    }

    /**
     * See {@link #eventWindow(EventWindows)}; each window aggregated as it fills by
     * {@code aggregate}, a {@link Collector} (sessions that merge combine their accumulators).
     *
     * <pre>{@code
     * Stream<Long> counts = source.withTimestamps(Instant::ofEpochSecond, "2s")
     *         .eventWindow(EventWindows.tumbling("1m"), Collectors.counting())
     *         .map(Windowed::value);
     * }</pre>
     *
     * <p>The collector sees the elements in order of arrival. A collector whose result is its
     * own container ({@code toList()}) hands out that container: with early or late firings, the
     * next firing changes it; give it a finisher that copies.
     *
     * @param <R> the result type
     * @param windows which windows, and when they fire
     * @param aggregate what a window computes from its elements
     * @return a new node downstream of this one, emitting a {@link Windowed} of the result per
     *     firing
     */
    public final <R> EventWindowStream<T, Void, R> eventWindow(EventWindows windows, Collector<? super T, ?, R> aggregate) {
        return EventWindowNode.of(this, Checks.notNull(windows, "eventWindow", "windows"), null,
                Checks.notNull(aggregate, "eventWindow", "aggregate"));
    }

    /**
     * See {@link #eventWindow(EventWindows, Function)} and
     * {@link #eventWindow(EventWindows, Collector)}: windows per key, each aggregated by
     * {@code aggregate}.
     *
     * <pre>{@code
     * List<String> out = source.withTimestamps(i -> Instant.ofEpochSecond(i), "0s")   // event times in seconds
     *         .eventWindow(EventWindows.tumbling("10s"), i -> i % 2 == 0 ? "even" : "odd", Collectors.counting())
     *         .map(w -> w.key() + "=" + w.value())
     *         .sinkToList();
     * for (int i : new int[] {1, 2, 3, 12}) source.emit(i);
     * source.emitEnd();
     * // out: [odd=2, even=1, even=1]
     * }</pre>
     *
     * @param <K> the key type
     * @param <R> the result type
     * @param windows which windows, and when they fire
     * @param key the key of an element
     * @param aggregate what a window computes from its elements
     * @return a new node downstream of this one, emitting a {@link Windowed} of the result per key
     *     and firing
     */
    public final <K, R> EventWindowStream<T, K, R> eventWindow(EventWindows windows, Function<? super T, ? extends K> key,
                                                               Collector<? super T, ?, R> aggregate) {
        return EventWindowNode.of(this, Checks.notNull(windows, "eventWindow", "windows"),
                Checks.notNull(key, "eventWindow", "key"), Checks.notNull(aggregate, "eventWindow", "aggregate"));
    }

    // ------------------------------------------------------------------ time and back-pressure

    /**
     * Emits, every {@code interval}, the list of elements that arrived since the last tick, an
     * empty list when none did (streamz {@code timed_window}).
     *
     * <pre>{@code
     * VirtualTimeScheduler clock = VirtualTimeScheduler.getOrSet();
     * Stream<Integer> source = Stream.create();
     * List<List<Integer>> out = source.timedWindow("1s").sinkToList();
     * source.emit(1);
     * source.emit(2);
     * clock.advanceTimeBy(Duration.ofSeconds(2));
     * // out: [[], [1, 2], []]
     * }</pre>
     *
     * <p><b>Time:</b> ticks come from {@code Schedulers.parallel()} as it is when the node is built
     * (a {@code VirtualTimeScheduler} in tests). As in streamz, the first tick comes at once with an
     * empty window (emitted when the first element arrives or at the first timer, so that the
     * graph is wired by then); each next tick comes one interval after the previous window's
     * downstream work is done.
     * <p><b>Metadata:</b> an element's refs are held until the window containing it was emitted.
     * <p><b>Blocks:</b> never.
     *
     * @param interval the time between two ticks as a number and a unit, such as {@code "500ms"}
     *     or {@code "2s"}, at least 1ms
     * @return a new node downstream of this one, emitting an immutable list of the elements of
     *     each tick
     */
    public final Stream<List<T>> timedWindow(String interval) {
        return timedWindow(Intervals.parse(interval, "timedWindow", "interval"));
    }

    /**
     * See {@link #timedWindow(String)}.
     *
     * @param interval the time between two ticks, at least 1ms (the shortest repeating timer)
     * @return a new node downstream of this one, emitting an immutable list of the elements of
     *     each tick
     */
    public final Stream<List<T>> timedWindow(Duration interval) {
        return timedWindow(interval, Schedulers.parallel());
    }

    /**
     * See {@link #timedWindow(String)}; with the scheduler that gives the node its clock and timers.
     *
     * @param interval the time between two ticks, at least 1ms (the shortest repeating timer)
     * @param scheduler the scheduler that gives the node its clock and timers
     * @return a new node downstream of this one, emitting an immutable list of the elements of
     *     each tick
     */
    public final Stream<List<T>> timedWindow(Duration interval, Scheduler scheduler) {
        return new TimedWindowNode<>(this, interval, scheduler);
    }

    /**
     * Emits, every {@code interval}, the elements that arrived since the last tick with one element
     * per key (streamz {@code timed_window_unique}); the list keeps the elements' order of arrival.
     *
     * <pre>{@code
     * List<List<String>> out = source.timedWindowUnique("1s", String::length, "last").sinkToList();
     * for (String s : List.of("f", "b", "fo", "ba", "foo", "bar")) source.emit(s);
     * clock.advanceTimeBy(Duration.ofSeconds(1));
     * // out: [[], [b, ba, bar]]   (with "first": [[], [f, fo, foo]])
     * }</pre>
     *
     * <p><b>Time:</b> as {@link #timedWindow(String)}.
     * <p><b>Metadata:</b> the refs of a kept element are held until its window was emitted; an element
     * that loses to another of the same key is released at once.
     * <p><b>Blocks:</b> never.
     *
     * @param interval the time between two ticks as a number and a unit, such as {@code "500ms"}
     * @param key the element's key; its failure reaches {@code emit} as a {@link NodeException}
     * @param keep {@code "first"} or {@code "last"}: which element of a key the window keeps
     * @return a new node downstream of this one, emitting an immutable list of the elements of
     *     each tick, one per key
     */
    public final Stream<List<T>> timedWindowUnique(String interval, Function<? super T, ?> key, String keep) {
        return timedWindowUnique(interval, key, Keys.keep(keep, "timedWindowUnique"));
    }

    /**
     * See {@link #timedWindowUnique(String, Function, String)}.
     *
     * @param interval the time between two ticks, at least 1ms (the shortest repeating timer)
     * @param key the element's key; its failure reaches {@code emit} as a {@link NodeException}
     * @param keep {@code "first"} or {@code "last"}: which element of a key the window keeps
     * @return a new node downstream of this one, emitting an immutable list of the elements of
     *     each tick, one per key
     */
    public final Stream<List<T>> timedWindowUnique(Duration interval, Function<? super T, ?> key, String keep) {
        return timedWindowUnique(interval, key, Keys.keep(keep, "timedWindowUnique"));
    }

    /**
     * See {@link #timedWindowUnique(String, Function, String)}; with the scheduler for clock and timers.
     *
     * @param interval the time between two ticks, at least 1ms (the shortest repeating timer)
     * @param key the element's key; its failure reaches {@code emit} as a {@link NodeException}
     * @param keep {@code "first"} or {@code "last"}: which element of a key the window keeps
     * @param scheduler the scheduler that gives the node its clock and timers
     * @return a new node downstream of this one, emitting an immutable list of the elements of
     *     each tick, one per key
     */
    public final Stream<List<T>> timedWindowUnique(Duration interval, Function<? super T, ?> key, String keep,
            Scheduler scheduler) {
        return timedWindowUnique(interval, key, Keys.keep(keep, "timedWindowUnique"), scheduler);
    }

    /**
     * See {@link #timedWindowUnique(String, Function, String)}; {@code keep} typed.
     *
     * <pre>{@code
     * List<List<String>> out = source.timedWindowUnique("1s", String::length, Keep.FIRST).sinkToList();
     * for (String s : List.of("f", "b", "fo", "ba", "foo", "bar")) source.emit(s);
     * clock.advanceTimeBy(Duration.ofSeconds(1));
     * // out: [[], [f, fo, foo]]
     * }</pre>
     *
     * @param interval the time between two ticks as a number and a unit, such as {@code "500ms"}
     * @param key the element's key; its failure reaches {@code emit} as a {@link NodeException}
     * @param keep {@link Keep#FIRST} or {@link Keep#LAST}: which element of a key the window keeps
     * @return a new node downstream of this one, emitting an immutable list of the elements of
     *     each tick, one per key
     */
    public final Stream<List<T>> timedWindowUnique(String interval, Function<? super T, ?> key, Keep keep) {
        return timedWindowUnique(Intervals.parse(interval, "timedWindowUnique", "interval"), key, keep);
    }

    /**
     * See {@link #timedWindowUnique(String, Function, Keep)}.
     *
     * @param interval the time between two ticks, greater than zero
     * @param key the element's key; its failure reaches {@code emit} as a {@link NodeException}
     * @param keep {@link Keep#FIRST} or {@link Keep#LAST}: which element of a key the window keeps
     * @return a new node downstream of this one, emitting an immutable list of the elements of
     *     each tick, one per key
     */
    public final Stream<List<T>> timedWindowUnique(Duration interval, Function<? super T, ?> key, Keep keep) {
        return timedWindowUnique(interval, key, keep, Schedulers.parallel());
    }

    /**
     * See {@link #timedWindowUnique(String, Function, Keep)}; with the scheduler for clock and timers.
     *
     * @param interval the time between two ticks, greater than zero
     * @param key the element's key; its failure reaches {@code emit} as a {@link NodeException}
     * @param keep {@link Keep#FIRST} or {@link Keep#LAST}: which element of a key the window keeps
     * @param scheduler the scheduler that gives the node its clock and timers
     * @return a new node downstream of this one, emitting an immutable list of the elements of
     *     each tick, one per key
     */
    public final Stream<List<T>> timedWindowUnique(Duration interval, Function<? super T, ?> key, Keep keep,
            Scheduler scheduler) {
        return new TimedWindowUniqueNode<>(this, interval, key, keep, scheduler);
    }

    /**
     * {@link #timedWindowUnique(String, Function, String)} keyed on the {@code field} of {@code Map}
     * elements (streamz {@code key="id"}); an element that is not a {@code Map} or lacks the field
     * fails with a {@link NodeException}.
     *
     * <pre>{@code
     * Stream<Map<String, Object>> source = Stream.create();
     * List<List<Map<String, Object>>> out = source.timedWindowUnique("1s", "id", "first").sinkToList();
     * }</pre>
     *
     * @param interval the time between two ticks as a number and a unit, such as {@code "500ms"}
     * @param field the map key whose value is the element's key
     * @param keep {@code "first"} or {@code "last"}: which element of a key the window keeps
     * @return a new node downstream of this one, emitting an immutable list of the elements of
     *     each tick, one per key
     */
    public final Stream<List<T>> timedWindowUnique(String interval, String field, String keep) {
        return timedWindowUnique(interval, field, Keys.keep(keep, "timedWindowUnique"));
    }

    /**
     * See {@link #timedWindowUnique(String, String, String)}.
     *
     * @param interval the time between two ticks, at least 1ms (the shortest repeating timer)
     * @param field the map key whose value is the element's key
     * @param keep {@code "first"} or {@code "last"}: which element of a key the window keeps
     * @return a new node downstream of this one, emitting an immutable list of the elements of
     *     each tick, one per key
     */
    public final Stream<List<T>> timedWindowUnique(Duration interval, String field, String keep) {
        return timedWindowUnique(interval, field, Keys.keep(keep, "timedWindowUnique"));
    }

    /**
     * See {@link #timedWindowUnique(String, String, String)}; with the scheduler for clock and timers.
     *
     * @param interval the time between two ticks, at least 1ms (the shortest repeating timer)
     * @param field the map key whose value is the element's key
     * @param keep {@code "first"} or {@code "last"}: which element of a key the window keeps
     * @param scheduler the scheduler that gives the node its clock and timers
     * @return a new node downstream of this one, emitting an immutable list of the elements of
     *     each tick, one per key
     */
    public final Stream<List<T>> timedWindowUnique(Duration interval, String field, String keep, Scheduler scheduler) {
        return timedWindowUnique(interval, field, Keys.keep(keep, "timedWindowUnique"), scheduler);
    }

    /**
     * See {@link #timedWindowUnique(String, String, String)}; {@code keep} typed.
     *
     * <pre>{@code
     * Stream<Map<String, Object>> source = Stream.create();
     * List<List<Map<String, Object>>> out = source.timedWindowUnique("1s", "id", Keep.LAST).sinkToList();
     * }</pre>
     *
     * @param interval the time between two ticks as a number and a unit, such as {@code "500ms"}
     * @param field the map key whose value is the element's key
     * @param keep {@link Keep#FIRST} or {@link Keep#LAST}: which element of a key the window keeps
     * @return a new node downstream of this one, emitting an immutable list of the elements of
     *     each tick, one per key
     */
    public final Stream<List<T>> timedWindowUnique(String interval, String field, Keep keep) {
        return timedWindowUnique(Intervals.parse(interval, "timedWindowUnique", "interval"), field, keep);
    }

    /**
     * See {@link #timedWindowUnique(String, String, Keep)}.
     *
     * @param interval the time between two ticks, greater than zero
     * @param field the map key whose value is the element's key
     * @param keep {@link Keep#FIRST} or {@link Keep#LAST}: which element of a key the window keeps
     * @return a new node downstream of this one, emitting an immutable list of the elements of
     *     each tick, one per key
     */
    public final Stream<List<T>> timedWindowUnique(Duration interval, String field, Keep keep) {
        return timedWindowUnique(interval, field, keep, Schedulers.parallel());
    }

    /**
     * See {@link #timedWindowUnique(String, String, Keep)}; with the scheduler for clock and timers.
     *
     * @param interval the time between two ticks, greater than zero
     * @param field the map key whose value is the element's key
     * @param keep {@link Keep#FIRST} or {@link Keep#LAST}: which element of a key the window keeps
     * @param scheduler the scheduler that gives the node its clock and timers
     * @return a new node downstream of this one, emitting an immutable list of the elements of
     *     each tick, one per key
     */
    public final Stream<List<T>> timedWindowUnique(Duration interval, String field, Keep keep, Scheduler scheduler) {
        return timedWindowUnique(interval, TimedWindowUniqueNode.field(field), keep, scheduler);
    }

    /**
     * Emits each element {@code interval} after it arrived, in order (streamz {@code delay}, as its
     * documentation says).
     *
     * <pre>{@code
     * List<Integer> out = source.delay("1s").sinkToList();
     * source.emit(1);
     * clock.advanceTimeBy(Duration.ofMillis(999));   // out: []
     * clock.advanceTimeBy(Duration.ofMillis(1));     // out: [1]
     * }</pre>
     *
     * <p><b>Time:</b> from {@code Schedulers.parallel()} as it is when the node is built. An element
     * never overtakes the previous one: if the previous one's downstream work is still running when
     * it is due, it goes as soon as that is done.
     * <p><b>Metadata:</b> an element's refs are held until it was emitted and its downstream work is done.
     * <p><b>Blocks:</b> never; it holds as many elements as arrive within {@code interval}.
     *
     * @param interval how long to hold each element, as a number and a unit, such as {@code "500ms"}
     * @return a new node downstream of this one, emitting each element {@code interval} later
     */
    public final Stream<T> delay(String interval) {
        return delay(Intervals.parse(interval, "delay", "interval"));
    }

    /**
     * See {@link #delay(String)}.
     *
     * @param interval how long to hold each element, greater than zero
     * @return a new node downstream of this one, emitting each element {@code interval} later
     */
    public final Stream<T> delay(Duration interval) {
        return delay(interval, Schedulers.parallel());
    }

    /**
     * See {@link #delay(String)}; with the scheduler that gives the node its clock and timers.
     *
     * @param interval how long to hold each element, greater than zero
     * @param scheduler the scheduler that gives the node its clock and timers
     * @return a new node downstream of this one, emitting each element {@code interval} later
     */
    public final Stream<T> delay(Duration interval, Scheduler scheduler) {
        return new DelayNode<>(this, interval, scheduler);
    }

    /**
     * Lets no two elements through less than {@code interval} apart (streamz {@code rate_limit}):
     * the first passes at once, each later one waits for its slot.
     *
     * <pre>{@code
     * List<Integer> out = source.rateLimit("1s").sinkToList();
     * source.emit(1);                              // out: [1]
     * CompletableFuture<Void> two = source.emitAsync(2);
     * clock.advanceTimeBy(Duration.ofSeconds(1));  // out: [1, 2], two is done
     * }</pre>
     *
     * <p><b>Time:</b> from {@code Schedulers.parallel()} as it is when the node is built.
     * <p><b>Metadata:</b> a waiting element's refs are held until it passed.
     * <p><b>Blocks:</b> {@code emit} waits for the element's slot (use {@code emitAsync} to go on).
     *
     * @param interval the least time between two elements, as a number and a unit, such as
     *     {@code "500ms"}
     * @return a new node downstream of this one, emitting the elements at most one per
     *     {@code interval}
     */
    public final Stream<T> rateLimit(String interval) {
        return rateLimit(Intervals.parse(interval, "rateLimit", "interval"));
    }

    /**
     * See {@link #rateLimit(String)}.
     *
     * @param interval the least time between two elements, greater than zero
     * @return a new node downstream of this one, emitting the elements at most one per
     *     {@code interval}
     */
    public final Stream<T> rateLimit(Duration interval) {
        return rateLimit(interval, Schedulers.parallel());
    }

    /**
     * See {@link #rateLimit(String)}; with the scheduler that gives the node its clock and timers.
     *
     * @param interval the least time between two elements, greater than zero
     * @param scheduler the scheduler that gives the node its clock and timers
     * @return a new node downstream of this one, emitting the elements at most one per
     *     {@code interval}
     */
    public final Stream<T> rateLimit(Duration interval, Scheduler scheduler) {
        return new RateLimitNode<>(this, interval, scheduler);
    }

    /**
     * Lets up to {@code n} elements pile up here while slower (asynchronous) work downstream goes
     * on (streamz {@code buffer}); elements leave one at a time, in order, each when the previous
     * one's downstream work is done.
     *
     * <pre>{@code
     * source.buffer(100).sinkAsync(x -> writeAsync(x));   // emit returns at once until 100 are held
     * }</pre>
     *
     * <p><b>Metadata:</b> an element's refs are held until it left and its downstream work is done.
     * <p><b>Blocks:</b> only while {@code n} elements are waiting (as streamz's
     * {@code Queue(maxsize=n)}: the one downstream is working on no longer waits). So with one
     * emitting thread at most {@code n + 2} elements are between the source and the end of the
     * downstream work: {@code n} waiting, one downstream, one whose {@code emit} waits.
     *
     * @param n how many elements may be held, at least 1
     * @return a new node downstream of this one, emitting the same elements in order
     */
    public final Stream<T> buffer(int n) {
        return new BufferNode<>(this, n);
    }

    /**
     * Passes elements on, but while its downstream is busy with asynchronous work keeps only the
     * newest one, sent as soon as the downstream is free (streamz {@code latest}, as its
     * documentation says); older held elements are dropped.
     *
     * <pre>{@code
     * source.latest().sinkAsync(x -> slowWrite(x));
     * // emits 1 (written), 2, 3 while busy: 3 is written next, 2 is dropped
     * }</pre>
     *
     * <p><b>Metadata:</b> as in streamz, the node holds the newest element's refs until a newer
     * element replaces it, whether it was sent or not (so a dropped element is released at once).
     * <p><b>Blocks:</b> never.
     *
     * @return a new node downstream of this one, emitting the elements its downstream has time for
     */
    public final Stream<T> latest() {
        return new LatestNode<>(this);
    }

    /**
     * Calls {@code func} with every element; the element's {@code emit} waits until the returned
     * stage completes (streamz {@code sink} with a coroutine), so a slow sink slows the source.
     *
     * <pre>{@code
     * source.sinkAsync(x -> CompletableFuture.runAsync(() -> write(x), pool));
     * source.emit(1);                                 // returns once 1 is written
     * CompletableFuture<Void> two = source.emitAsync(2);   // returns at once
     * }</pre>
     *
     * <p><b>Metadata:</b> the element's refs are held until the stage completes.
     * <p><b>Blocks:</b> {@code emit} waits for the stage without holding the graph's guard;
     * {@code emitAsync} returns its future.
     *
     * @param func returns the stage of the element's work, not {@code null}; its failure, thrown
     *     or in the stage, reaches {@code emit} as a {@link NodeException}
     * @return the sink node, downstream of this one; it emits nothing, and can be
     *     {@link #destroy() destroyed} to stop it
     */
    public final Stream<T> sinkAsync(Function<? super T, ? extends CompletionStage<?>> func) {
        return new AsyncSink<>(this, "sinkAsync", func, Schedulers.parallel());
    }

    /**
     * {@link #sinkAsync(Function)} for functions returning a Reactive Streams {@link Publisher}
     * (a {@code Mono}, a {@code Flux}): the element's work is done when the publisher completes.
     *
     * <pre>{@code
     * source.sinkPublisher(x -> Mono.delay(Duration.ofMillis(10)).then());
     * }</pre>
     *
     * @param func returns the publisher of the element's work, not {@code null}; its failure,
     *     thrown or signalled, reaches {@code emit} as a {@link NodeException}
     * @return the sink node, downstream of this one; it emits nothing, and can be
     *     {@link #destroy() destroyed} to stop it
     */
    public final Stream<T> sinkPublisher(Function<? super T, ? extends Publisher<?>> func) {
        return new AsyncSink<>(this, "sinkPublisher", AsyncSink.completionOf(func), Schedulers.parallel());
    }

    /**
     * Applies an asynchronous {@code func} to every element and emits each result when its stage
     * completes, on the completing thread (inside the graph). The element's {@code emit} waits for
     * the stage and the result's downstream work; with {@code emitAsync} several may be in flight,
     * and results go on in the order their stages complete.
     *
     * <pre>{@code
     * List<String> out = source.mapAsync(x -> CompletableFuture.supplyAsync(() -> lookup(x))).sinkToList();
     * source.emit(1);   // returns once lookup(1) is in out
     * }</pre>
     *
     * <p><b>Metadata:</b> held until the stage completes, then passed on with the result.
     *
     * @param <R> the type of the results
     * @param func returns the stage of the result, not {@code null}; its failure reaches
     *     {@code emit} as a {@link NodeException}
     * @return a new node downstream of this one, emitting each result when its stage completes
     */
    public final <R> Stream<R> mapAsync(Function<? super T, ? extends CompletionStage<R>> func) {
        return new MapAsyncNode<>(this, "mapAsync", func, Schedulers.parallel());
    }

    /**
     * {@link #mapAsync(Function)} for functions returning a Reactive Streams {@link Publisher}: emits
     * its first value (a {@code Mono}'s value), nothing if it completes empty.
     *
     * <pre>{@code
     * source.mapPublisher(x -> Mono.just(x * 2).delayElement(Duration.ofMillis(5))).sinkToList();
     * }</pre>
     *
     * @param <R> the type of the results
     * @param func returns the publisher of the result, not {@code null}; its failure reaches
     *     {@code emit} as a {@link NodeException}
     * @return a new node downstream of this one, emitting each publisher's first value
     */
    public final <R> Stream<R> mapPublisher(Function<? super T, ? extends Publisher<R>> func) {
        return new MapAsyncNode<>(this, "mapPublisher", MapAsyncNode.firstOf(func), Schedulers.parallel());
    }

    /**
     * A Reactive Streams {@link Publisher} of the elements reaching this point of the graph (Java
     * only). It is hot: subscribers see the elements emitted while they are subscribed.
     *
     * <pre>{@code
     * Publisher<Integer> out = source.map(x -> x + 1).toPublisher();
     * Flux.from(out).limitRate(10).subscribe(System.out::println);
     * }</pre>
     *
     * <p><b>Blocks:</b> {@code request(n)} is honoured by holding {@code emit}: an element is
     * delivered to every current subscriber, and its {@code emit} waits until each one requested it.
     * Nothing is dropped and nothing piles up. A subscriber that cancels no longer holds anything.
     * <p>The publisher completes its subscribers at the end of the input ({@link #emitEnd()}, a
     * bounded source that ran out), or when its node (the one downstream of this stream) is
     * {@link #destroy() destroyed}.
     *
     * @return a new publisher, which is also a node downstream of this one
     */
    public final Publisher<T> toPublisher() {
        return new PublisherSink<>(this);
    }

    /**
     * {@link #toPublisher()} as a Reactor {@link Flux}.
     *
     * <pre>{@code
     * source.toFlux().buffer(100).subscribe(batch -> store(batch));
     * }</pre>
     *
     * @return a new {@code Flux} over a new publisher node downstream of this one
     */
    public final Flux<T> toFlux() {
        return Flux.from(toPublisher());
    }

    /**
     * The elements reaching this point from now on, read by pulling, as riko's pipes are
     * ({@code next(stream)}): iteration ends at the end of the input ({@link #emitEnd()}, a bounded
     * source that ran out), and with the failure of a source upstream that stops on one. The
     * subscription is made when {@code toIterable} is called, so nothing emitted afterwards is
     * missed; the returned iterable can be iterated once.
     *
     * <pre>{@code
     * Iterable<Integer> tens = source.map(x -> x * 10).toIterable();
     * source.emit(1);
     * source.emit(2);
     * source.emitEnd();
     * List<Integer> out = new ArrayList<>();
     * for (int x : tens) out.add(x);
     * // out: [10, 20]
     * }</pre>
     *
     * <p><b>Blocks:</b> the reader's {@code hasNext()} waits for the next element or the end. Up to
     * 256 elements wait for the reader; then {@code emit} waits until the reader takes one (demand,
     * as in {@link #toPublisher()}). A graph fed on the reader's own thread must not emit more than
     * that before reading: start the source on another thread (a file or HTTP source, {@code
     * fromPublisher} of a publisher that emits on its own scheduler), or use {@link #toIterable(int)}.
     *
     * @return a new iterable over a new publisher node downstream of this one
     */
    public final Iterable<T> toIterable() {
        return toIterable(256);
    }

    /**
     * See {@link #toIterable()}; with the number of elements that may wait for the reader before
     * {@code emit} waits.
     *
     * <pre>{@code
     * Iterator<Integer> it = source.toIterable(2).iterator();
     * source.emit(7);
     * it.next();   // 7
     * }</pre>
     *
     * @param prefetch at least 1
     * @return a new iterable over a new publisher node downstream of this one
     */
    public final Iterable<T> toIterable(int prefetch) {
        return PullSink.iterable(this, Checks.positive(prefetch, "toIterable", "prefetch"));
    }

    /**
     * The elements reaching this point from now on as a sequential {@code java.util.stream.Stream},
     * read by pulling; it ends at the end of the input, and closing it cancels the subscription.
     * See {@link #toIterable()} for when {@code emit} waits.
     *
     * <pre>{@code
     * java.util.stream.Stream<Integer> evens = source.filter(x -> x % 2 == 0).toJavaStream();
     * for (int i = 0; i < 6; i++) source.emit(i);
     * source.emitEnd();
     * evens.map(x -> x * x).toList();   // [0, 4, 16]
     * }</pre>
     *
     * @return a new Java stream over a new publisher node downstream of this one
     */
    public final java.util.stream.Stream<T> toJavaStream() {
        return toJavaStream(256);
    }

    /**
     * See {@link #toJavaStream()}; with the number of elements that may wait for the reader.
     *
     * <pre>{@code
     * java.util.stream.Stream<Integer> next = source.toJavaStream(16);
     * source.emit(5);
     * source.emitEnd();
     * next.toList();   // [5]
     * }</pre>
     *
     * @param prefetch at least 1
     * @return a new Java stream over a new publisher node downstream of this one
     */
    public final java.util.stream.Stream<T> toJavaStream(int prefetch) {
        return PullSink.stream(this, Checks.positive(prefetch, "toJavaStream", "prefetch"));
    }

    /**
     * A source that calls {@code supplier} at {@link Source#start()} and then every
     * {@code interval}, emitting what it returns, until {@link Source#stop()} (streamz
     * {@code from_periodic}).
     *
     * <pre>{@code
     * AtomicInteger counter = new AtomicInteger();
     * Source<Integer> ticks = Stream.fromPeriodic(counter::incrementAndGet, "1s");
     * List<Integer> out = ticks.sinkToList();
     * ticks.start();                                // out: [1]
     * clock.advanceTimeBy(Duration.ofSeconds(2));   // out: [1, 2, 3]
     * }</pre>
     *
     * <p><b>Time:</b> from {@code Schedulers.parallel()} as it is when the source is built; the next
     * call is one interval after the previous element's downstream work is done. A failure (of
     * {@code supplier} or downstream) goes to the timer thread's uncaught-exception handler and
     * the calls go on.
     *
     * @param <T> the type of the elements
     * @param supplier called for each element; its failure goes to the timer thread's
     *     uncaught-exception handler
     * @param interval the time between two calls as a number and a unit, such as {@code "1s"}
     * @return a new source, not started
     */
    public static <T> Source<T> fromPeriodic(Supplier<? extends T> supplier, String interval) {
        return fromPeriodic(supplier, Intervals.parse(interval, "fromPeriodic", "interval"));
    }

    /**
     * See {@link #fromPeriodic(Supplier, String)}; every 100 ms, streamz's default.
     *
     * @param <T> the type of the elements
     * @param supplier called for each element; its failure goes to the timer thread's
     *     uncaught-exception handler
     * @return a new source, not started
     */
    public static <T> Source<T> fromPeriodic(Supplier<? extends T> supplier) {
        return fromPeriodic(supplier, Duration.ofMillis(100));
    }

    /**
     * See {@link #fromPeriodic(Supplier, String)}.
     *
     * @param <T> the type of the elements
     * @param supplier called for each element; its failure goes to the timer thread's
     *     uncaught-exception handler
     * @param interval the time between two calls, at least 1ms (the shortest repeating timer)
     * @return a new source, not started
     */
    public static <T> Source<T> fromPeriodic(Supplier<? extends T> supplier, Duration interval) {
        return fromPeriodic(supplier, interval, Schedulers.parallel());
    }

    /**
     * See {@link #fromPeriodic(Supplier, String)}; with the scheduler for clock and timers.
     *
     * @param <T> the type of the elements
     * @param supplier called for each element; its failure goes to the timer thread's
     *     uncaught-exception handler
     * @param interval the time between two calls, at least 1ms (the shortest repeating timer)
     * @param scheduler the scheduler that gives the source its clock and timers
     * @return a new source, not started
     */
    public static <T> Source<T> fromPeriodic(Supplier<? extends T> supplier, Duration interval, Scheduler scheduler) {
        return new PeriodicSource<>(supplier, interval, scheduler);
    }

    /**
     * A source fed by a Reactive Streams {@link Publisher} (Java only): {@code start()} subscribes,
     * and each next element is requested only when the graph's work for the previous one is done.
     *
     * <pre>{@code
     * PublisherSource<Integer> source = Stream.fromPublisher(Flux.range(1, 3));
     * List<Integer> out = source.map(x -> x * 10).sinkToList();
     * source.start();
     * source.completion().join();   // out: [10, 20, 30]
     * }</pre>
     *
     * <p>The publisher's completion and error surface in {@link PublisherSource#completion()}.
     *
     * @param <T> the type of the elements
     * @param publisher the publisher, subscribed to at each {@code start()}
     * @return a new source, not started
     */
    public static <T> PublisherSource<T> fromPublisher(Publisher<? extends T> publisher) {
        return new PublisherSource<>(publisher);
    }

    // ------------------------------------------------------------------ sinks

    /**
     * Calls {@code consumer} with every element (streamz {@code sink}); returns the sink node,
     * which can be {@link #destroy destroyed} to stop it.
     *
     * <pre>{@code
     * source.map(x -> x * 2).sink(System.out::println);
     * source.emit(21);   // prints 42
     * }</pre>
     *
     * <p><b>Metadata:</b> nothing is held once {@code consumer} returns.
     *
     * @param consumer called with every element; its failure reaches {@code emit} as a
     *     {@link NodeException}
     * @return the sink node, downstream of this one; it emits nothing
     */
    public final Stream<T> sink(Consumer<? super T> consumer) {
        return new SinkNode<>(this, consumer);
    }

    /**
     * Collects every element into a live, thread-safe list (streamz {@code sink_to_list}).
     *
     * <pre>{@code
     * List<Integer> out = source.map(x -> 10 * x).sinkToList();
     * for (int i = 0; i < 3; i++) source.emit(i);
     * // out: [0, 10, 20]
     * }</pre>
     *
     * <p>The list grows with every element: it is meant for tests and exploration.
     *
     * @return the list, which may be read (and cleared) while the graph runs
     */
    public final List<T> sinkToList() {
        return new ListSink<>(this).list();
    }

    /**
     * Appends every element to a text file, one line each (streamz {@code sink_to_textfile}):
     * writes {@code String.valueOf(x)} and {@code "\n"}, flushed as it goes, in UTF-8. The file is
     * opened (created if missing) when the sink is built and closed by {@link #destroy()} on the
     * returned node.
     *
     * <pre>{@code
     * Stream<Integer> source = Stream.create();
     * Stream<Integer> file = source.map(x -> x * 10).sinkToTextfile("out.txt");
     * source.emit(0);
     * source.emit(1);
     * file.destroy();
     * // out.txt: "0\n10\n" (appended to what it held)
     * }</pre>
     *
     * <p><b>Metadata:</b> nothing is held once the line is written.
     *
     * @param path the file to append to
     * @return the sink node; {@code destroy()} it to close the file
     * @throws java.io.UncheckedIOException naming the node and the path if the file cannot be
     *     opened (here) or written (from {@code emit})
     */
    public final Stream<T> sinkToTextfile(String path) {
        return sinkToTextfile(path, "\n");
    }

    /**
     * See {@link #sinkToTextfile(String)}; writes {@code end} after each element instead of
     * {@code "\n"} (streamz {@code end=}).
     *
     * <pre>{@code
     * source.sinkToTextfile("out.csv", "\r\n");
     * }</pre>
     *
     * @param path the file to append to
     * @param end what to write after each element
     * @return the sink node; {@code destroy()} it to close the file
     * @throws java.io.UncheckedIOException naming the node and the path if the file cannot be
     *     opened (here) or written (from {@code emit})
     */
    public final Stream<T> sinkToTextfile(String path, String end) {
        return new TextfileSink<>(this, path, end);
    }

    // ------------------------------------------------------------------ sources

    /**
     * A source that emits every item of {@code iterable} when started (streamz
     * {@code from_iterable}), on the caller's thread, then stops by itself.
     *
     * <pre>{@code
     * Source<Integer> source = Stream.fromIterable(List.of(0, 1, 2));
     * List<Integer> out = source.map(x -> x * 10).sinkToList();
     * source.start();   // returns when all items went through the graph
     * // out: [0, 10, 20]
     * }</pre>
     *
     * <p>Each {@code start()} iterates from the beginning; a {@code stop()} meanwhile (from a
     * downstream function or another thread) ends the loop after the current element.
     *
     * <p><b>Blocks:</b> {@code start()} returns once every item's downstream work is done; a
     * downstream failure stops the source and reaches the caller of {@code start()}.
     *
     * @param <T> the type of the elements
     * @param iterable the items, iterated anew at each {@code start()}
     * @return a new source, not started
     */
    public static <T> Source<T> fromIterable(Iterable<? extends T> iterable) {
        return new IterableSource<>(iterable);
    }

    /**
     * A source that tails a text file (streamz {@code from_textfile}): once started it reads the
     * file, emits every complete line, and polls every 100 ms for more, emitting each new line as
     * the file grows. Like streamz, each line keeps its {@code "\n"}; a last line without one is
     * held until it is complete.
     *
     * <pre>{@code
     * Source<String> lines = Stream.fromTextfile("app.log");
     * List<String> out = lines.map(String::strip).sinkToList();
     * lines.start();
     * // app.log "a\nb\n" -> out: [a, b]; append "c\n" -> out: [a, b, c]
     * lines.stop();
     * }</pre>
     *
     * <p><b>Time:</b> polls on the scheduler {@code Schedulers.parallel()} returns now; a poll
     * at {@code start()}, then one every interval.
     *
     * @param path the file; {@code start()} fails with an {@link java.io.UncheckedIOException}
     *     naming it if it cannot be read
     * @return a new source, not started
     */
    public static Source<String> fromTextfile(String path) {
        return fromTextfile(path, TextfileOptions.defaults());
    }

    /**
     * See {@link #fromTextfile(String)}; with a poll interval, {@code fromEnd}, a delimiter, a
     * charset or a scheduler set in {@code options}.
     *
     * <pre>{@code
     * Source<String> lines = Stream.fromTextfile("app.log",
     *         TextfileOptions.defaults().withPollInterval("10ms").withFromEnd(true));
     * }</pre>
     *
     * <p>A poll that fails (the file vanished, a downstream function threw) stops the source;
     * the exception goes to the uncaught-exception handler of the thread that polled (the
     * scheduler's worker, or the test thread advancing a virtual clock).
     *
     * @param path the file; {@code start()} fails with an {@link java.io.UncheckedIOException}
     *     naming it if it cannot be read
     * @param options the poll interval, {@code fromEnd}, delimiter, charset and scheduler
     * @return a new source, not started
     */
    public static Source<String> fromTextfile(String path, TextfileOptions options) {
        Checks.notNull(options, "fromTextfile", "options");
        return new TextfileSource(path, options, options.scheduler().orElseGet(Schedulers::parallel));
    }

    /**
     * A source that emits the name of every file matching a directory or glob pattern, once, as
     * files appear (streamz {@code filenames}), polling every 100 ms.
     *
     * <pre>{@code
     * Source<String> names = Stream.filenames("data/*.csv");
     * names.map(Path::of).sink(System.out::println);
     * names.start();   // prints data/a.csv, data/b.csv, then each new .csv file
     * }</pre>
     *
     * <p>A directory means every file in it ({@code "data"} is {@code "data/*"}); {@code *},
     * {@code ?} and {@code [...]} match within one path element, and names starting with a dot
     * only match a pattern starting with one, as Python's {@code glob}. New names of one poll
     * are emitted in sorted order, spelled as the pattern spells them.
     *
     * <p><b>Time:</b> polls on the scheduler {@code Schedulers.parallel()} returns now.
     *
     * @param path a directory or a glob pattern, not empty
     * @return a new source, not started
     */
    public static Source<String> filenames(String path) {
        return filenames(path, Duration.ofMillis(100));
    }

    /**
     * See {@link #filenames(String)}; polls every {@code pollInterval}, such as {@code "500ms"}.
     *
     * @param path a directory or a glob pattern, not empty
     * @param pollInterval the time between two polls as a number and a unit, at least 1ms
     * @return a new source, not started
     */
    public static Source<String> filenames(String path, String pollInterval) {
        Checks.notNull(path, "filenames", "path");
        return filenames(path, Intervals.parse(pollInterval, "filenames", "pollInterval"));
    }

    /**
     * See {@link #filenames(String)}; polls every {@code pollInterval}.
     *
     * @param path a directory or a glob pattern, not empty
     * @param pollInterval the time between two polls, at least 1ms (the shortest repeating timer)
     * @return a new source, not started
     */
    public static Source<String> filenames(String path, Duration pollInterval) {
        return filenames(path, pollInterval, Schedulers.parallel());
    }

    /**
     * See {@link #filenames(String)}; polls every {@code pollInterval} on {@code scheduler}.
     *
     * @param path a directory or a glob pattern, not empty
     * @param pollInterval the time between two polls, at least 1ms (the shortest repeating timer)
     * @param scheduler the scheduler the polls run on
     * @return a new source, not started
     */
    public static Source<String> filenames(String path, Duration pollInterval, Scheduler scheduler) {
        return new FilenamesSource(path, pollInterval, scheduler);
    }

    /**
     * A source that emits the items put into {@code queue} (streamz {@code from_q}): once
     * started, a daemon thread takes items and emits them one at a time, in order, until
     * {@code stop()}.
     *
     * <pre>{@code
     * BlockingQueue<String> queue = new LinkedBlockingQueue<>();
     * Source<String> source = Stream.fromQueue(queue);
     * source.sink(System.out::println);
     * source.start();
     * queue.put("hello");   // printed by the source's thread
     * }</pre>
     *
     * <p>Nothing is lost: after {@code stop()} items stay in the queue for the next
     * {@code start()}; an item already taken is still emitted. A downstream failure stops the
     * source and goes to its thread's uncaught-exception handler.
     *
     * @param <T> the type of the elements
     * @param queue the queue to take items from
     * @return a new source, not started
     */
    public static <T> Source<T> fromQueue(BlockingQueue<? extends T> queue) {
        return new QueueSource<>(queue);
    }

    /**
     * A source that runs a program and emits its standard output line by line (streamz
     * {@code from_process}); each line keeps its {@code "\n"}, as in streamz, and a last line
     * without one is emitted at the end. Standard error goes to this process's standard error.
     *
     * <pre>{@code
     * Source<String> source = Stream.fromProcess(List.of("printf", "a\nb\n"));
     * List<String> out = source.sinkToList();
     * source.start();
     * // soon out: [a\n, b\n]
     * }</pre>
     *
     * <p>The program starts at {@code start()} (which fails with an
     * {@link java.io.UncheckedIOException} if it cannot), its lines are emitted by a daemon
     * thread, and the source stops by itself when the output ends; {@code stop()} kills it.
     *
     * @param command the program and its arguments, at least the program
     * @return a new source, not started
     */
    public static Source<String> fromProcess(List<String> command) {
        return fromProcess(command, false);
    }

    /**
     * See {@link #fromProcess(List)}; with {@code withStderr}, standard error is merged into the
     * emitted lines (streamz {@code with_stderr=True}).
     *
     * @param command the program and its arguments, at least the program
     * @param withStderr whether standard error is emitted along with standard output
     * @return a new source, not started
     */
    public static Source<String> fromProcess(List<String> command, boolean withStderr) {
        return new ProcessSource(command, withStderr);
    }

    // ------------------------------------------------------------------ graph output and plugins

    /**
     * The graph this node belongs to, as Graphviz DOT text: every node reachable upstream and
     * downstream, labelled with its {@code toString()} (streamz {@code visualize}'s graph).
     *
     * <pre>{@code
     * Stream<Integer> source = Stream.create("numbers");
     * source.map(x -> x + 1).sinkToList();
     * source.toDot();
     * // digraph streamz {
     * //   node [shape=ellipse, style="rounded,filled", fillcolor=white];
     * //   n0 [label="stream \"numbers\""];
     * //   n1 [label="map"];
     * //   n2 [label="sinkToList", shape=trapezium];
     * //   n0 -> n1;
     * //   n1 -> n2;
     * // }
     * }</pre>
     *
     * <p>Ids {@code n0, n1, ...} are numbered breadth-first from the nodes without upstreams, so
     * the same graph always gives the same text (from every node, when it has one source); a
     * node with several downstreams labels its edges {@code 0, 1, ...} in connection order, and
     * an edge into {@code zip}, {@code zipLatest} or {@code combineLatest} has the head label
     * {@code [i]}: which input it is (the place of its values in the emitted tuples).
     * Sources are drawn as double octagons and sinks as trapezia, as in streamz.
     *
     * @return the whole graph as DOT text, laid out top to bottom
     */
    public final String toDot() {
        return DotWriter.write(this, null);
    }

    /**
     * See {@link #toDot()}; with the layout direction {@code rankdir}: {@code "TB"} (top to
     * bottom, the default), {@code "LR"}, {@code "BT"} or {@code "RL"}.
     *
     * @param rankdir {@code "TB"}, {@code "LR"}, {@code "BT"} or {@code "RL"}
     * @return the whole graph as DOT text
     * @throws IllegalArgumentException if {@code rankdir} is none of those
     */
    public final String toDot(String rankdir) {
        return DotWriter.write(this, Checks.notNull(rankdir, kind, "rankdir"));
    }

    /**
     * Draws this node's graph ({@link #toDot()}) into a PNG, SVG or PDF file, chosen by the
     * file's ending (streamz {@code visualize}).
     *
     * <pre>{@code
     * String engine = source.visualize("pipeline.svg");
     * // engine: "streamz-graphviz (ELK)" with io.streamz:streamz-graphviz on the class path
     * //         ("streamz-graphviz (dot program)" when Graphviz's dot is installed too),
     * //         "dot program" when only Graphviz's dot is installed
     * }</pre>
     *
     * <p>The first {@link io.streamz.spi.GraphRenderer} found with {@link java.util.ServiceLoader}
     * draws (the {@code streamz-graphviz} module brings one); without any, the Graphviz
     * {@code dot} program on the {@code PATH} does.
     *
     * @param file where to write; must end with {@code .png}, {@code .svg} or {@code .pdf}
     * @return the name of the renderer that drew ({@link io.streamz.spi.GraphRenderer#name()})
     * @throws IllegalArgumentException if the file ends otherwise
     * @throws IllegalStateException if there is neither a renderer nor a {@code dot} program
     * @throws java.io.UncheckedIOException if the renderer fails
     */
    public final String visualize(String file) {
        Checks.notNull(file, kind, "file");
        return Visualizer.installed().render(toDot(), file);
    }

    /**
     * See {@link #visualize(String)}; laid out in direction {@code rankdir} ({@link #toDot(String)}).
     *
     * @param file where to write; must end with {@code .png}, {@code .svg} or {@code .pdf}
     * @param rankdir {@code "TB"}, {@code "LR"}, {@code "BT"} or {@code "RL"}
     * @return the name of the renderer that drew ({@link io.streamz.spi.GraphRenderer#name()})
     * @throws IllegalArgumentException if the file ends otherwise, or {@code rankdir} is invalid
     * @throws IllegalStateException if there is neither a renderer nor a {@code dot} program
     * @throws java.io.UncheckedIOException if the renderer fails
     */
    public final String visualize(String file, String rankdir) {
        Checks.notNull(file, kind, "file");
        return Visualizer.installed().render(toDot(rankdir), file);
    }

    /**
     * Builds the node plugin {@code name} downstream of this stream (streamz's entry-point node
     * plugins): the {@link io.streamz.spi.NodeProvider} of that name, found with
     * {@link java.util.ServiceLoader} when called, creates it from {@code args}.
     *
     * <pre>{@code
     * // a jar listing com.acme.RepeatProvider in META-INF/services/io.streamz.spi.NodeProvider
     * Stream<Integer> source = Stream.create();
     * List<Integer> out = source.<Integer>plugin("repeat", 2).sinkToList();
     * source.emit(7);
     * // out: [7, 7]
     * }</pre>
     *
     * @param <R> the type of the elements the plugin's node emits (unchecked)
     * @param name the plugin's name, as listed by {@link #plugins()}
     * @param args the plugin's arguments (elements may be {@code null})
     * @return the node the plugin built
     * @throws IllegalArgumentException if no node plugin has that name (the message lists the
     *     installed ones), or the plugin rejected its arguments
     * @throws IllegalStateException naming the plugin and its provider class if the provider
     *     failed, returned {@code null} or a node not connected downstream of this stream
     */
    public final <R> Stream<R> plugin(String name, Object... args) {
        Checks.notNull(name, kind, "name");
        return cast(Plugins.load().node(this, name, Checks.notNull(args, kind, "args")));
    }

    /**
     * Builds the source plugin {@code name} (streamz's entry-point source plugins): the
     * {@link io.streamz.spi.SourceProvider} of that name, found with
     * {@link java.util.ServiceLoader} when called, creates it from {@code args}; it does nothing
     * until started.
     *
     * <pre>{@code
     * Source<String> lines = Stream.source("from_kafka", List.of("events"), config);
     * lines.sink(System.out::println);
     * lines.start();
     * }</pre>
     *
     * @param <T> the type of the elements the source emits (unchecked)
     * @param name the plugin's name, as listed by {@link #plugins()}
     * @param args the plugin's arguments (elements may be {@code null})
     * @return the source the plugin built, not started
     * @throws IllegalArgumentException if no source plugin has that name (the message lists the
     *     installed ones), or the plugin rejected its arguments
     * @throws IllegalStateException naming the plugin and its provider class if the provider
     *     failed or did not return a {@link Source}
     */
    public static <T> Source<T> source(String name, Object... args) {
        Checks.notNull(name, "source", "name");
        return cast(Plugins.load().source(name, Checks.notNull(args, "source", "args")));
    }

    /**
     * The installed plugins, sources and nodes: name to one-line description, sorted by name.
     *
     * <pre>{@code
     * Stream.plugins().forEach((name, what) -> System.out.println(name + ": " + what));
     * // repeat: emits every element n times
     * }</pre>
     *
     * @return an immutable map, looked up with {@link java.util.ServiceLoader} now
     */
    public static Map<String, String> plugins() {
        return Plugins.load().list();
    }
}
