package io.streamz.internal.transform;

import io.streamz.Stream;
import io.streamz.internal.Node;
import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Keys;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Implements {@link Stream#unique()} and its overloads. */
public final class UniqueNode<T> extends Node<T, T> {
    private final Function<? super T, ?> key;
    private final int maxsize;
    private final Map<Object, Boolean> seen;

    /**
     * @param maxsize how many keys to remember (least recently seen forgotten first), or 0 for all
     */
    public UniqueNode(Stream<T> upstream, int maxsize, Function<? super T, ?> key) {
        super(upstream, "unique");
        this.key = Checks.notNull(key, "unique", "key");
        this.maxsize = maxsize;
        // streamz's zict.LRU: a lookup refreshes a key, the least recently used one goes first
        this.seen = maxsize == 0 ? new HashMap<>() : new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Boolean> eldest) {
                return size() > UniqueNode.this.maxsize;
            }
        };
    }

    @Override
    protected String describeParams() {
        return maxsize == 0 ? "" : "maxsize=" + maxsize;
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        // one lookup: a key seen before is refreshed (as a get would), a new one is added
        if (seen.putIfAbsent(Keys.of(key, x, this), Boolean.TRUE) != null) {
            return null;
        }
        return emitDownstream(x, metadata);
    }
}
