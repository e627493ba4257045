package io.streamz.internal.transform;

import io.streamz.Stream;
import io.streamz.internal.Node;
import io.streamz.internal.util.Checks;
import java.lang.reflect.Array;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import reactor.util.function.Tuple2;

/** Implements {@link Stream#starmap(BiFunction)}. */
public final class StarmapNode<A, B, R> extends Node<Object, R> {
    private final BiFunction<? super A, ? super B, ? extends R> func;

    public StarmapNode(Stream<?> upstream, BiFunction<? super A, ? super B, ? extends R> func) {
        super(upstream, "starmap");
        this.func = Checks.notNull(func, "starmap", "func");
    }

    @Override
    protected CompletableFuture<?> accept(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
        R y;
        try {
            y = func.apply(cast(item(x, 0)), cast(item(x, 1)));
        } catch (RuntimeException e) {
            return fail(e, x, metadata);
        }
        return emitDownstream(y, metadata);
    }

    /** Item {@code i} of a two-element List, array, Tuple2 or Map.Entry. */
    public static Object item(Object x, int i) {
        if (x instanceof List && ((List<?>) x).size() == 2) {
            return ((List<?>) x).get(i);
        }
        if (x != null && x.getClass().isArray() && Array.getLength(x) == 2) {
            return Array.get(x, i);
        }
        if (x instanceof Tuple2 && ((Tuple2<?, ?>) x).size() == 2) {
            return i == 0 ? ((Tuple2<?, ?>) x).getT1() : ((Tuple2<?, ?>) x).getT2();
        }
        if (x instanceof Map.Entry) {
            return i == 0 ? ((Map.Entry<?, ?>) x).getKey() : ((Map.Entry<?, ?>) x).getValue();
        }
        throw new IllegalArgumentException(
                "expected a pair (a two-element List, array or Tuple2) to splay into the function's two arguments");
    }
}
