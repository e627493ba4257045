package io.streamz.internal.transform;

import io.streamz.Stream;
import io.streamz.internal.Node;
import io.streamz.internal.util.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Implements {@link Stream#map(Function)}. A chain of maps, each the only downstream of the one
 * before, with no metadata and no metrics, runs in one loop here instead of one nested call per
 * node: the same functions in the same order, the same error policies, fewer calls. The chain
 * after this node is kept while no node's downstreams or counters change
 * ({@link Stream#shapeVersion()}), checked after every function, so a function that changes the
 * graph is followed by a fresh look at it.
 */
public final class MapNode<T, R> extends Node<T, R> {
    /** Maps fused in one loop at most; beyond, the next node is called (a cycle of maps overflows the stack as before). */
    private static final int MAX_CHAIN = 256;

    private final Function<? super T, ? extends R> func;
    /** This node and the maps after it that one loop may run ({@link #chain}); used inside the graph only. */
    private MapNode<Object, Object>[] chain;
    private int chainLength;
    private int chainShape;

    public MapNode(Stream<T> upstream, Function<? super T, ? extends R> func) {
        super(upstream, "map");
        this.func = Checks.notNull(func, "map", "func");
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        if (!metadata.isEmpty()) {
            R y;
            try {
                y = func.apply(x);
            } catch (RuntimeException e) {
                return fail(e, x, metadata);
            }
            return emitDownstream(y, metadata);
        }
        int shape = shapeVersion();
        if (chain == null || chainShape != shape) {
            chain(shape);
        }
        MapNode<Object, Object>[] c = chain;
        int last = chainLength - 1;
        Object in = x;
        for (int k = 0; ; k++) {
            MapNode<Object, Object> node = c[k];
            Object y;
            try {
                y = node.func.apply(in);
            } catch (RuntimeException e) {
                return node.fail(e, in, metadata);
            }
            if (k == last || shapeVersionHere() != shape) {
                return node.passOn(y, metadata);
            }
            in = y;
        }
    }

    /** Finds the maps after this one that {@link Stream#plainSoleDownstream} lets one loop run. */
    @SuppressWarnings("unchecked")
    private void chain(int shape) {
        if (chain == null) {
            chain = new MapNode[4];
        }
        int n = 0;
        for (Stream<?> s = this; s instanceof MapNode<?, ?> m && n < MAX_CHAIN; s = m.plainSoleDownstream(NO_METADATA)) {
            if (n == chain.length) {
                chain = Arrays.copyOf(chain, n * 2);
            }
            chain[n++] = raw(m);
        }
        Arrays.fill(chain, n, chain.length, null);
        chainLength = n;
        chainShape = shape;
    }

    /** Passes {@code y} on from this node, running the maps after it in a loop while it may. */
    private CompletableFuture<?> passOn(Object y, List<Map<String, Object>> metadata) {
        MapNode<Object, Object> node = raw(this);
        for (int fused = 0; fused < MAX_CHAIN && node.plainSoleDownstream(metadata) instanceof MapNode<?, ?> next; fused++) {
            Object in = y;
            node = raw(next);
            try {
                y = node.func.apply(in);
            } catch (RuntimeException e) {
                return node.fail(e, in, metadata);
            }
        }
        return node.emitDownstream(y, metadata);
    }

    @SuppressWarnings("unchecked")
    private static MapNode<Object, Object> raw(MapNode<?, ?> node) {
        return (MapNode<Object, Object>) node;
    }
}
