package io.streamz.internal.transform;

import io.streamz.Stream;
import io.streamz.internal.Node;
import io.streamz.internal.util.Checks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** Implements {@link Stream#filter(Predicate)} and {@link Stream#remove(Predicate)}. */
public final class FilterNode<T> extends Node<T, T> {
    private final Predicate<? super T> predicate;
    private final boolean keepWhen;

    /**
     * @param keepWhen {@code true} to pass on elements for which the predicate holds (filter),
     *     {@code false} for those where it does not (remove)
     */
    public FilterNode(Stream<T> upstream, String kind, Predicate<? super T> predicate, boolean keepWhen) {
        super(upstream, kind);
        this.predicate = Checks.notNull(predicate, kind, "predicate");
        this.keepWhen = keepWhen;
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        boolean holds;
        try {
            holds = predicate.test(x);
        } catch (RuntimeException e) {
            return fail(e, x, metadata);
        }
        return holds == keepWhen ? emitDownstream(x, metadata) : null;
    }
}
