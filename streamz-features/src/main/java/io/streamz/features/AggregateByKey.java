package io.streamz.features;

import io.streamz.Stream;
import io.streamz.internal.time.TimerNode;
import io.streamz.internal.util.Refs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * Implements {@link Features#aggregateByKey}: aggregates each event into its key's windows in a
 * {@link FeatureTable} and emits it enriched with the key's features (storey {@code AggregateByKey}).
 *
 * <pre>{@code
 * AggregateByKey<Map<String, Object>> node = Features.aggregateByKey(source, "user", "time", aggregators);
 * node.sink(System.out::println);
 * node.table().query("u1", Instant.now());   // the same features, served on demand
 * }</pre>
 *
 * @param <T> the event type
 */
public final class AggregateByKey<T> extends TimerNode<T, Map<String, Object>> {
    private final Function<? super T, ?> key;
    private final ToLongFunction<? super T> millis;
    private final FeatureTable table;
    private final EmitPolicy policy;
    private final AggregateOptions options;
    private final FeatureLayout names;
    private final Map<Object, Held> held = new LinkedHashMap<>();
    private final boolean batched;
    /**
     * Events of a batch aggregated per entry into the table, at most: a query from another thread
     * waits for that many events at worst (a few hundred microseconds), not for the whole batch.
     */
    private static final int CHUNK = 256;
    /** The arrays of the last batch, reused by the next; {@code null} while a batch uses them. */
    private Batch spare = new Batch(0);
    private Disposable timer;
    private boolean destroyed;

    /**
     * {@code millis} gives an event's time in epoch milliseconds; when {@code batched}, the
     * upstream's elements are {@code List}s of events.
     */
    AggregateByKey(Stream<?> upstream, Function<? super T, ?> key, ToLongFunction<? super T> millis,
            FeatureTable table, AggregateOptions options, boolean batched) {
        super(upstream(upstream), batched ? "aggregateByKeyBatched" : "aggregateByKey",
                notNull(options, "options").scheduler());
        this.batched = batched;
        this.key = notNull(key, "key");
        this.millis = notNull(millis, "time");
        this.table = notNull(table, "table");
        this.options = options;
        this.policy = options.emitPolicy();
        this.names = table.layout(options.aliases());
        if (policy.kind() == EmitPolicy.Kind.AFTER_PERIOD) {
            timer = later(policy.period().toNanos(), this::tick);
        } else if (policy.kind() == EmitPolicy.Kind.AFTER_WINDOW) {
            long window = table.aggregators().get(0).windows().smallestWindowMillis() * 1_000_000L;
            timer = later(window - Math.floorMod(now(), window) + policy.period().toNanos(), () -> windowEnded(window));
        }
    }

    /**
     * The table this node aggregates into, to query or share with {@link Features#queryByKey}.
     *
     * @return the table given to, or created by, {@link Features#aggregateByKey}
     */
    public FeatureTable table() {
        return table;
    }

    @Override
    protected String describeParams() {
        return "features=" + table.featureNames().size() + ", emit=" + policy;
    }

    /** The upstream as this node's input type: for a batched node, its elements are lists of {@code T}, told apart in {@link #accept}. */
    @SuppressWarnings("unchecked")
    private static <T> Stream<? extends T> upstream(Stream<?> upstream) {
        return (Stream<? extends T>) upstream;
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        if (batched) {
            Object batch = x;
            if (!(batch instanceof List)) {
                return fail(new IllegalArgumentException("expected a List of events, was "
                        + (batch == null ? "null" : batch.getClass().getName())), x, metadata);
            }
            return acceptBatch((List<?>) batch, metadata);
        }
        Object k;
        Map<String, Object> out = null;
        try {
            k = key.apply(x);
            if (k == null) {
                throw new NullPointerException("the key of the event is null");
            }
            long t = millis.applyAsLong(x);
            if (policy.kind() == EmitPolicy.Kind.AFTER_WINDOW) {
                table.update(k, x, t);
            } else {
                out = table.aggregate(k, x, t, names);
            }
        } catch (RuntimeException e) {
            return fail(e, x, metadata);
        }
        return aggregated(k, out, metadata);
    }

    /**
     * Aggregates a batch as {@link #accept} does each of its events, in order and with the same
     * results, failures included (each event's own, under the node's error policy); but the table
     * is entered once per {@link #CHUNK} events (up to a failure), which lets it look up several
     * keys at once ({@link FeatureTable#aggregate(Object[], Object[], long[], int, int, FeatureLayout, Object[])}).
     * The key and time functions are called for the whole batch first. Every enriched event is
     * emitted with the batch's metadata.
     */
    @SuppressWarnings("unchecked")
    private CompletableFuture<?> acceptBatch(List<?> batch, List<Map<String, Object>> metadata) {
        int n = batch.size();
        Batch b = spare != null && spare.keys.length >= n ? spare : new Batch(n);
        spare = null;                       // an event emitted downstream that comes back here gets arrays of its own
        Object[] ks = b.keys;
        Object[] events = b.events;
        long[] times = b.times;
        Object[] out = b.out;               // an enriched event, or the failure of the event
        CompletableFuture<?> pending = null;
        try {
            int read = 0;
            for (Object e : batch) {                // a LinkedList too, without a walk per get(i)
                T x = (T) e;
                events[read] = x;
                try {
                    Object k = key.apply(x);
                    if (k == null) {
                        throw new NullPointerException("the key of the event is null");
                    }
                    ks[read] = k;
                    times[read] = millis.applyAsLong(x);
                } catch (RuntimeException failure) {
                    out[read] = failure;
                }
                read++;
            }
            FeatureLayout layout = policy.kind() == EmitPolicy.Kind.AFTER_WINDOW ? null : names;
            for (int from = 0; from < n;) {
                int end = from;
                while (end < n && end - from < CHUNK && out[end] == null) {
                    end++;
                }
                int done = table.aggregate(ks, events, times, from, end, layout, out);
                for (int i = from; i < from + done; i++) {
                    pending = both(pending, aggregated(ks[i], (Map<String, Object>) out[i], metadata));
                }
                from += done;
                if (from < n && out[from] != null) {   // event from failed: its key, its time or in the table
                    pending = both(pending, fail((RuntimeException) out[from], (T) events[from], metadata));
                    from++;
                }
            }
        } finally {
            Arrays.fill(ks, 0, n, null);
            Arrays.fill(events, 0, n, null);
            Arrays.fill(out, 0, n, null);
            spare = b;
        }
        return pending;
    }

    /** Emits, or holds, the enriched event {@code out} of key {@code k} as the emit policy says ({@code null}: nothing to emit). */
    private CompletableFuture<?> aggregated(Object k, Map<String, Object> out, List<Map<String, Object>> metadata) {
        if (out == null) {
            return null;
        }
        if (policy.kind() == EmitPolicy.Kind.EVERY_EVENT) {
            return emitDownstream(out, metadata);
        }
        Held h = held.computeIfAbsent(k, this::startHolding);
        h.add(out, metadata);
        if (policy.kind() == EmitPolicy.Kind.AFTER_MAX_EVENTS && h.events == policy.maxEvents()) {
            held.remove(k);
            if (h.timeout != null) {
                h.timeout.dispose();
            }
            return emitAndRelease(h);
        }
        return null;
    }

    private Held startHolding(Object k) {
        Held h = new Held();
        if (policy.kind() == EmitPolicy.Kind.AFTER_MAX_EVENTS && policy.period() != null) {
            h.timeout = later(policy.period().toNanos(), () -> timedOut(k, h));
        }
        return h;
    }

    private void timedOut(Object k, Held h) {
        if (!destroyed && held.get(k) == h) {
            held.remove(k);
            emitHeld(h.latest, List.copyOf(h.metadata));
        }
    }

    private CompletableFuture<?> emitAndRelease(Held h) {
        List<Map<String, Object>> md = List.copyOf(h.metadata);
        CompletableFuture<?> pending;
        try {
            pending = emitDownstream(h.latest, md);
        } catch (RuntimeException | Error e) {
            Refs.release(md);
            throw e;
        }
        if (pending == null || pending.isDone()) {
            Refs.release(md);
        } else {
            pending.whenComplete((r, e) -> Refs.release(md));
        }
        return pending;
    }

    private void tick() {
        if (destroyed) {
            return;
        }
        List<Held> due = new ArrayList<>(held.values());
        held.clear();
        for (Held h : due) {
            emitHeld(h.latest, List.copyOf(h.metadata));
        }
        timer = later(policy.period().toNanos(), this::tick);
    }

    /**
     * At the end of each smallest window (on the scheduler's clock, plus the policy's delay), every
     * key's features at the window's end, as {@code {key=..., time=...}} plus the features (storey
     * {@code EmitAfterWindow}).
     */
    private void windowEnded(long windowNanos) {
        if (destroyed) {
            return;
        }
        java.time.Instant end = java.time.Instant.ofEpochMilli(Math.floorDiv(now() - policy.period().toNanos(),
                windowNanos) * windowNanos / 1_000_000L);
        for (Object k : table.keys()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("key", k);
            body.put("time", end);
            emitHeld(Events.enrich(body, table.query(k, end, names)), List.of());
        }
        timer = later(windowNanos - Math.floorMod(now() - policy.period().toNanos(), windowNanos), () -> windowEnded(windowNanos));
    }

    /** Stops the timer and releases the held events' metadata. */
    @Override
    public void destroy() {
        super.destroy();
        enterGraph(() -> {
            destroyed = true;
            if (timer != null) {
                timer.dispose();
            }
            for (Held h : held.values()) {
                if (h.timeout != null) {
                    h.timeout.dispose();
                }
                Refs.release(h.metadata);
            }
            held.clear();
            return null;
        });
    }

    private static <V> V notNull(V value, String param) {
        if (value == null) {
            throw new NullPointerException("aggregateByKey: " + param + " is null");
        }
        return value;
    }

    /** A batch's keys, events, times and results, one slot per event. */
    private static final class Batch {
        final Object[] keys;
        final Object[] events;
        final long[] times;
        final Object[] out;

        Batch(int n) {
            keys = new Object[n];
            events = new Object[n];
            times = new long[n];
            out = new Object[n];
        }
    }

    /** A key's events waiting for the emit policy: the latest, and everyone's retained metadata. */
    private static final class Held {
        Map<String, Object> latest;
        final List<Map<String, Object>> metadata = new ArrayList<>();
        int events;
        Disposable timeout;

        void add(Map<String, Object> event, List<Map<String, Object>> md) {
            latest = event;
            events++;
            if (!md.isEmpty()) {
                Refs.retain(md);
                metadata.addAll(md);
            }
        }
    }
}
