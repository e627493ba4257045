package io.streamz.feeds;

import io.streamz.Signal;
import io.streamz.Stream;
import io.streamz.spi.Operator;
import io.streamz.spi.Refs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Implements {@link Pipes#sort}. */
final class SortNode<T> extends Operator<T, T> {
    private final Comparator<? super T> order;
    private final List<Held<T>> held = new ArrayList<>();
    private Signal.Watermark watermark;

    private record Held<T>(T value, List<Map<String, Object>> metadata) {
    }

    SortNode(Stream<T> upstream, Comparator<? super T> order) {
        super(upstream, "sort");
        this.order = order;
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        Refs.retain(metadata);
        held.add(new Held<>(x, metadata));
        return null;
    }

    @Override
    protected CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
        if (signal instanceof Signal.Watermark w && !held.isEmpty()) {
            watermark = w;             // never ahead of the elements that arrived before it
            return null;
        }
        if (!(signal instanceof Signal.End)) {
            return forwardSignal(signal, who);
        }
        List<Held<T>> all = new ArrayList<>(held);
        held.clear();
        all.sort((a, b) -> order.compare(a.value(), b.value()));   // List.sort is stable
        CompletableFuture<?> pending = null;
        for (Held<T> h : all) {
            pending = both(pending, emitAndHold(h.value(), h.metadata()));
            Refs.release(h.metadata());
        }
        if (watermark != null) {
            pending = both(pending, emitSignal(watermark));
            watermark = null;
        }
        return both(pending, forwardSignal(signal, who));
    }

    @Override
    protected long heldCount() {
        return held.size();
    }
}
