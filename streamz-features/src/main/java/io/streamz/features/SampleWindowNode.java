package io.streamz.features;

import io.streamz.Signal;
import io.streamz.Stream;
import io.streamz.internal.Node;
import io.streamz.internal.util.Refs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Implements {@link Flows#sampleWindow(Stream, int, EmitPeriod, Function, boolean)}: counts
 * elements per key (or all together) in windows of {@code n} and emits the first or the last of
 * each; with {@code emitBeforeTermination}, keeps the last element seen and not emitted, and emits
 * it at the end of the input (storey {@code SampleWindow}).
 */
final class SampleWindowNode<T> extends Node<T, T> {
    private final int n;
    private final EmitPeriod period;
    private final Function<? super T, ?> key;
    private final boolean emitBeforeTermination;
    private final Map<Object, Integer> counts = new HashMap<>();
    private int count;
    private boolean holding;
    private T last;
    private List<Map<String, Object>> lastMetadata = NO_METADATA;

    SampleWindowNode(Stream<? extends T> upstream, int n, EmitPeriod period, Function<? super T, ?> key,
            boolean emitBeforeTermination) {
        super(upstream, "sampleWindow");
        this.n = n;
        this.period = period;
        this.key = key;
        this.emitBeforeTermination = emitBeforeTermination;
    }

    @Override
    protected String describeParams() {
        return "n=" + n + ", " + period + (emitBeforeTermination ? ", emitBeforeTermination" : "");
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        Object k;
        try {
            k = key == null ? null : key.apply(x);
        } catch (RuntimeException e) {
            return fail(e, x, metadata);
        }
        int c = k == null ? ++count : counts.merge(k, 1, Integer::sum);
        if (c == n) {                     // as storey: the window restarts after n elements
            if (k == null) {
                count = 0;
            } else {
                counts.put(k, 0);
            }
        }
        boolean emit = period == EmitPeriod.FIRST ? c == 1 : c == n;
        if (emit) {
            release();
            return emitDownstream(x, metadata);
        }
        if (emitBeforeTermination) {      // as storey: one last element, whatever its key
            release();
            Refs.retain(metadata);
            last = x;
            lastMetadata = metadata;
            holding = true;
        }
        return null;
    }

    @Override
    protected CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
        if (!(signal instanceof Signal.End) || !holding) {
            return forwardSignal(signal, who);
        }
        T x = last;
        List<Map<String, Object>> md = lastMetadata;
        holding = false;
        last = null;
        lastMetadata = NO_METADATA;
        CompletableFuture<?> pending;
        try {
            pending = emitAndHold(x, md);     // its refs stay held until the work downstream is done
        } finally {
            Refs.release(md);
        }
        return both(pending, forwardSignal(signal, who));
    }

    @Override
    protected long heldCount() {
        return holding ? 1 : 0;
    }

    @Override
    public void destroy() {
        super.destroy();
        enterGraph(() -> {
            release();
            return null;
        });
    }

    private void release() {
        if (holding) {
            Refs.release(lastMetadata);
            holding = false;
            last = null;
            lastMetadata = NO_METADATA;
        }
    }
}
