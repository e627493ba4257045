package io.streamz.features;

import io.streamz.Signal;
import io.streamz.Stream;
import io.streamz.internal.time.TimerNode;
import io.streamz.internal.util.Refs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.util.annotation.Nullable;

/**
 * Base of the targets that write events in batches (storey's {@code _Batching}: the CSV and
 * Parquet targets): each element passes on at once and joins the batch of its key; a batch is
 * written with {@link #write} when it holds {@link BatchOptions#maxEvents()} elements,
 * {@link BatchOptions#flushAfter()} after its first element, and at the end of the input, which
 * goes on downstream only after every batch was written and {@link #finish()} ran.
 *
 * <pre>{@code
 * class Printer extends BatchingTarget<String> {
 *     Printer(Stream<String> upstream) {
 *         super(upstream, "printer", BatchOptions.atEnd().withMaxEvents(2), null);
 *     }
 *     protected void write(Object key, List<String> batch) {
 *         System.out.println(batch);
 *     }
 * }
 * Stream<String> source = Stream.create();
 * new Printer(source);
 * source.emit("a");
 * source.emit("b");   // prints [a, b]
 * source.emit("c");
 * source.emitEnd();   // prints [c]
 * }</pre>
 *
 * <p><b>Failures:</b> a write that throws fails the element that completed the batch through the
 * node's error policy; a write at the end fails the end's future; a timed write that fails is
 * logged and counted (no caller to reach). The batch is dropped either way.
 *
 * <p><b>Metadata:</b> each element's refs are held until its batch was written.
 *
 * @param <T> the element type
 */
public abstract class BatchingTarget<T> extends TimerNode<T, T> {
    private final BatchOptions options;
    @Nullable
    private final Function<? super T, ?> key;
    private final Map<Object, Batch<T>> batches = new LinkedHashMap<>();
    private long held;

    /** One key's batch with its elements' metadata and timer. */
    private static final class Batch<T> {
        final List<T> elements = new ArrayList<>();
        final List<List<Map<String, Object>>> metadata = new ArrayList<>();
        Disposable timer;
    }

    /**
     * A target that batches by {@code key}.
     *
     * @param upstream the elements
     * @param kind the node's name
     * @param options when to write
     * @param key the batch of an element (storey batches Parquet by partition directory), or
     *        {@code null} for one batch
     */
    protected BatchingTarget(Stream<? extends T> upstream, String kind, BatchOptions options,
            @Nullable Function<? super T, ?> key) {
        super(upstream, kind, Flows.notNull(options, kind, "options").scheduler());
        this.options = options;
        this.key = key;
    }

    /**
     * Writes one batch.
     *
     * @param batchKey the batch's key ({@code null} without a key function)
     * @param batch its elements, in arrival order
     * @throws Exception what went wrong; the batch is dropped
     */
    protected abstract void write(@Nullable Object batchKey, List<T> batch) throws Exception;

    /**
     * The batch of an element: the key function's value, or {@code null} without one. Override
     * it for a key that needs the node's state.
     *
     * @param x the element
     * @return its batch's key
     */
    @Nullable
    protected Object batchKey(T x) {
        return key == null ? null : key.apply(x);
    }

    /**
     * Checks an element before it joins a batch (and, e.g., infers columns from the first one);
     * what it throws fails the element through the node's error policy, so that a bad element is
     * refused when it arrives rather than when its batch is written. Does nothing unless
     * overridden.
     *
     * @param x the element
     * @throws RuntimeException what is wrong with it
     */
    protected void check(T x) {
    }

    /**
     * Runs at the end of the input after the last batch was written (to close files). Does
     * nothing unless overridden.
     *
     * @throws Exception what went wrong
     */
    protected void finish() throws Exception {
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        Batch<T> b;
        Object batchKey;
        try {   // an element that fails its check or whose key cannot be computed joins no batch
            check(x);
            batchKey = batchKey(x);
            b = batches.computeIfAbsent(batchKey, none -> new Batch<>());
        } catch (RuntimeException e) {
            return fail(e, x, metadata);
        }
        Object k = batchKey;
        b.elements.add(x);
        Refs.retain(metadata);
        b.metadata.add(metadata);
        held++;
        CompletableFuture<?> pending = emitDownstream(x, metadata);
        if (options.maxEvents() > 0 && b.elements.size() >= options.maxEvents()) {
            try {
                flush(k);
            } catch (Exception e) {
                return both(pending, fail(e, x, metadata));
            }
        } else if (b.elements.size() == 1 && options.flushAfter() != null) {
            b.timer = later(options.flushAfter().toNanos(), () -> {
                if (batches.get(k) == b) {
                    try {
                        flush(k);
                    } catch (Exception e) {
                        unhandled(e);
                    }
                }
            });
        }
        return pending;
    }

    private void flush(Object k) throws Exception {
        Batch<T> b = batches.remove(k);
        if (b == null) {
            return;
        }
        if (b.timer != null) {
            b.timer.dispose();
        }
        held -= b.elements.size();
        try {
            write(k, b.elements);
        } finally {
            b.metadata.forEach(Refs::release);
        }
    }

    @Override
    protected CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
        if (!(signal instanceof Signal.End)) {
            return forwardSignal(signal, who);
        }
        Exception failure = null;
        for (Object k : new ArrayList<>(batches.keySet())) {
            try {
                flush(k);
            } catch (Exception e) {
                failure = failure == null ? e : failure;
            }
        }
        try {
            finish();
        } catch (Exception e) {
            failure = failure == null ? e : failure;
        }
        CompletableFuture<?> pending = forwardSignal(signal, who);
        return failure == null ? pending : both(pending, CompletableFuture.failedFuture(
                new IllegalStateException(this + ": writing at the end of the input failed: " + failure, failure)));
    }

    @Override
    protected long heldCount() {
        return held;
    }

    @Override
    public void destroy() {
        super.destroy();
        enterGraph(() -> {
            batches.values().forEach(b -> {
                if (b.timer != null) {
                    b.timer.dispose();
                }
                b.metadata.forEach(Refs::release);
            });
            batches.clear();
            held = 0;
            return null;
        });
    }
}
