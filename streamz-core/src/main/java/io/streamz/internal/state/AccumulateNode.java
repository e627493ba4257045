package io.streamz.internal.state;

import io.streamz.Stream;
import io.streamz.internal.Node;
import io.streamz.internal.util.Checks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import reactor.util.function.Tuple2;

/**
 * Implements {@link Stream#accumulate}, {@link Stream#accumulateWithState} and {@link Stream#scan}.
 * The state is only what the function returned: no element or metadata is held.
 */
public final class AccumulateNode<T, S, R> extends Node<T, R> {
    private static final Object NO_START = new Object();

    private final BiFunction<? super S, ? super T, ?> func;
    private final boolean returnsState;
    private Object state;

    private AccumulateNode(Stream<T> upstream, String kind, BiFunction<? super S, ? super T, ?> func,
            Object start, boolean returnsState) {
        super(upstream, kind);
        this.func = Checks.notNull(func, kind, "func");
        this.state = start;
        this.returnsState = returnsState;
    }

    /** Accumulates with the first element as the start state (emitted as is). */
    public static <T> AccumulateNode<T, T, T> withoutStart(Stream<T> upstream, String kind,
            BiFunction<? super T, ? super T, ? extends T> func) {
        return new AccumulateNode<>(upstream, kind, func, NO_START, false);
    }

    /** Accumulates from {@code start}; the new state is what is emitted. */
    public static <T, S> AccumulateNode<T, S, S> withStart(Stream<T> upstream, String kind,
            BiFunction<? super S, ? super T, ? extends S> func, S start) {
        return new AccumulateNode<>(upstream, kind, func, start, false);
    }

    /** Accumulates from {@code start}; the function returns (new state, result) and the result is emitted. */
    public static <T, S, R> AccumulateNode<T, S, R> returningState(Stream<T> upstream, String kind,
            BiFunction<? super S, ? super T, ? extends Tuple2<? extends S, ? extends R>> func, S start) {
        return new AccumulateNode<>(upstream, kind, func, start, true);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        if (state == NO_START) {
            state = x;
            return emitDownstream((R) x, metadata);
        }
        Object result;
        try {
            result = func.apply((S) state, x);
            if (returnsState) {
                Tuple2<?, ?> t = Checks.notNull((Tuple2<?, ?>) result, kind(), "(state, result) returned by func");
                state = t.getT1();
                result = t.getT2();
            } else {
                state = result;
            }
        } catch (RuntimeException e) {
            return fail(e, x, metadata);
        }
        return emitDownstream((R) result, metadata);
    }
}
