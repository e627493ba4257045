package io.streamz.spi;

import io.streamz.Stream;
import io.streamz.internal.time.AsyncNode;

/**
 * Base of a plugin's node with one upstream, receiving {@code T} and emitting {@code R}: the
 * typed form of extending {@link Stream} directly.
 *
 * <pre>{@code
 * public final class Repeat<T> extends Operator<T, T> {
 *     private final int n;
 *
 *     public Repeat(Stream<T> upstream, int n) {
 *         super(upstream, "repeat");
 *         this.n = Arguments.positive(n, "repeat", "n");
 *     }
 *
 *     @Override
 *     protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
 *         CompletableFuture<?> pending = null;
 *         for (int i = 0; i < n; i++) {
 *             pending = both(pending, emitDownstream(x, metadata));
 *         }
 *         return pending;
 *     }
 * }
 * // new Repeat<>(source, 2) emits [1, 1] for source.emit(1)
 * }</pre>
 *
 * <p>What a subclass gets, besides {@code emitDownstream}, {@code both} and {@code failure}
 * from {@link Stream}:
 * <ul>
 *   <li>{@code accept(x, who, metadata)}: the one hook, called inside the graph's guard for each
 *       element.</li>
 *   <li>{@code inGraph(Runnable)}: runs code inside the graph from any other thread (an I/O
 *       callback, a completed future), as {@code emit} does; a failure there is reported, never
 *       thrown at that thread.</li>
 *   <li>{@code emitHeld(x, metadata)}: emits an element the node was holding (whose refs it
 *       retained with {@link Refs#retain}) and releases those refs once downstream is done.</li>
 *   <li>{@code doneOrResume(pending, resume)}: whether downstream work is done; if not, runs
 *       {@code resume} inside the graph when it is (back-pressure without blocking).</li>
 * </ul>
 * A node with a clock extends {@link TimedOperator}.
 *
 * @param <T> the element type received from upstream
 * @param <R> the element type emitted downstream
 */
public abstract class Operator<T, R> extends AsyncNode<T, R> {
    /**
     * A node of the given kind downstream of {@code upstream}.
     *
     * @param upstream the node it is connected to
     * @param kind its operator name, shown in {@code toString}, {@code toDot} and errors
     */
    protected Operator(Stream<? extends T> upstream, String kind) {
        super(upstream, kind);
    }
}
