package io.streamz;

import java.util.List;

/**
 * The node {@link Stream#collect()} returns: it holds every element it receives and emits them
 * all as one list when {@link #flush() flushed} (streamz {@code collect}).
 *
 * <pre>{@code
 * Stream<Integer> source1 = Stream.create();
 * Stream<String> source2 = Stream.create();
 * CollectStream<Integer> collector = source1.collect();
 * collector.sink(System.out::println);
 * source2.sink(collector::flush);   // any element of source2 flushes the collector
 * source1.emit(1);
 * source1.emit(2);
 * source2.emit("anything");         // prints [1, 2]
 * }</pre>
 *
 * @param <T> the type of the collected elements
 */
public abstract class CollectStream<T> extends Stream<List<T>> {

    /**
     * A collector fed by {@code upstream}.
     *
     * @param upstream the stream whose elements are collected
     */
    protected CollectStream(Stream<? extends T> upstream) {
        super("collect", null, List.of(upstream));
    }

    /**
     * Emits everything collected so far as one immutable list (possibly empty) and lets go of
     * it, releasing its refs once the emit returns. Enters the graph like {@link #emit}: callable
     * from any thread, from a sink of another graph included. As in streamz, it does not wait
     * for asynchronous downstream work.
     */
    public abstract void flush();

    /**
     * The same as {@link #flush()}, ignoring its argument, so that a sink can flush:
     * {@code other.sink(collector::flush)}.
     *
     * @param ignored any value, {@code null} included
     */
    public final void flush(Object ignored) {
        flush();
    }
}
