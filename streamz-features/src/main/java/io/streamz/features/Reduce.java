package io.streamz.features;

import io.streamz.Stream;
import io.streamz.internal.Node;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reduces the elements into one value, the flow's termination result (storey {@code Reduce}, and
 * {@code ReduceToDataFrame} through {@link DataFrames#reduceToDataFrame}): a
 * {@link FlowController} answers it from {@link FlowController#awaitTermination()} once the end of
 * the input has gone through. Emits nothing.
 *
 * <pre>{@code
 * Stream<Event<Integer>> source = Stream.create();
 * FlowController<Integer> controller = FlowController.of(source);
 * Flows.reduce(Flows.bodies(source), 0, (sum, x) -> sum + x);
 * for (int i = 1; i <= 4; i++) controller.emit(i);
 * controller.terminate();
 * controller.awaitTermination();   // 10
 * }</pre>
 *
 * @param <T> the element type
 * @param <R> the result type
 */
public final class Reduce<T, R> extends Node<T, R> {
    private final BiFunction<Object, ? super T, Object> fn;
    private final Function<Object, ? extends R> result;
    private Object state;

    @SuppressWarnings("unchecked")
    <S> Reduce(Stream<? extends T> upstream, String kind, S initial, BiFunction<? super S, ? super T, ? extends S> fn,
            Function<? super S, ? extends R> result) {
        super(upstream, kind);
        this.state = initial;
        this.fn = (BiFunction<Object, ? super T, Object>) fn;
        this.result = (Function<Object, ? extends R>) result;
    }

    /**
     * The value so far, or after the end of the input the final one.
     *
     * @return the result of the elements reduced so far
     */
    public R result() {
        Object[] out = new Object[1];
        enterGraph(() -> {
            out[0] = result.apply(state);
            return null;
        });
        return cast(out[0]);
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        try {
            state = fn.apply(state, x);
        } catch (RuntimeException e) {
            return fail(e, x, metadata);
        }
        return null;
    }

}
