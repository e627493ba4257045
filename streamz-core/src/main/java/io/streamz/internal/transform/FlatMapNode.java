package io.streamz.internal.transform;

import io.streamz.Stream;
import io.streamz.internal.Node;
import io.streamz.internal.util.Checks;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Implements {@link Stream#flatMap(Function)}. */
public final class FlatMapNode<T, R> extends Node<T, R> {
    private final Function<? super T, ? extends Iterable<? extends R>> func;

    public FlatMapNode(Stream<T> upstream, Function<? super T, ? extends Iterable<? extends R>> func) {
        super(upstream, "flatMap");
        this.func = Checks.notNull(func, "flatMap", "func");
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        Iterator<? extends R> items;
        try {
            items = Checks.notNull(func.apply(x), "flatMap", "func's result").iterator();
        } catch (RuntimeException e) {
            throw failure(e, x);
        }
        CompletableFuture<?> pending = null;
        // as flatten: only the last item carries the element's metadata
        while (items.hasNext()) {
            R item = items.next();
            pending = both(pending, emitDownstream(item, items.hasNext() ? NO_METADATA : metadata));
        }
        return pending;
    }
}
