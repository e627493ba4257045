package io.streamz.distributed;

import io.streamz.Stream;
import io.streamz.distributed.internal.ScatterNode;
import io.streamz.internal.util.Checks;
import java.util.function.Function;

/**
 * Entry points from a local {@link Stream} to a {@link DistributedStream} (streamz's
 * {@code scatter}). They are static methods here, used directly or through
 * {@link Stream#as}, so that {@code streamz-core} needs no engine:
 *
 * <pre>{@code
 * Stream<Integer> source = Stream.create();
 * Stream<Integer> out = source.as(Distributed::scatter).map(x -> x + 1).buffer(8).gather();
 * out.sink(System.out::println);
 * source.emit(1);   // prints 2 (once its task is done)
 * }</pre>
 */
public final class Distributed {
    private Distributed() {
    }

    /**
     * Sends the elements of {@code stream} to the shared local engine
     * ({@link LocalEngine#common()}): streamz's {@code scatter()} with the default client.
     *
     * <pre>{@code
     * DistributedStream<Integer> d = Distributed.scatter(source);
     * }</pre>
     *
     * @param <T> the element type
     * @param stream the local stream
     * @return the distributed stream of its elements
     */
    public static <T> DistributedStream<T> scatter(Stream<T> stream) {
        return scatter(stream, LocalEngine.common());
    }

    /**
     * Sends the elements of {@code stream} to {@code engine} (streamz {@code scatter}); each
     * travels with the first task that uses it.
     *
     * <pre>{@code
     * try (LocalEngine engine = LocalEngine.threads(2)) {
     *     DistributedStream<Integer> d = Distributed.scatter(source, engine);
     * }
     * }</pre>
     *
     * @param <T> the element type
     * @param stream the local stream
     * @param engine where the tasks run
     * @return the distributed stream of its elements
     */
    public static <T> DistributedStream<T> scatter(Stream<T> stream, Engine engine) {
        Checks.notNull(stream, "scatter", "stream");
        Checks.notNull(engine, "scatter", "engine");
        return new DistributedStream<>(new ScatterNode<>(stream), engine, false, 0);
    }

    /**
     * {@link #scatter(Stream, Engine)} as a conversion for {@link Stream#as}.
     *
     * <pre>{@code
     * DistributedStream<Integer> d = source.as(Distributed.scatter(engine));
     * }</pre>
     *
     * @param <T> the element type
     * @param engine where the tasks run
     * @return the conversion
     */
    public static <T> Function<Stream<T>, DistributedStream<T>> scatter(Engine engine) {
        Checks.notNull(engine, "scatter", "engine");
        return s -> scatter(s, engine);
    }

    /**
     * The short form for parallel work in this JVM (riko's "same API, sync or parallel"): the
     * same operators, run on the shared local engine, with up to {@code n} elements in flight;
     * {@link DistributedStream#gather()} adds the {@code buffer(n)} itself unless the last
     * operator is a buffer.
     *
     * <pre>{@code
     * List<Integer> out = source.as(Distributed.parallel(4)).map(x -> x * x).gather().sinkToList();
     * for (int i = 0; i < 5; i++) source.emit(i);
     * // out, once gathered: [0, 1, 4, 9, 16]
     * }</pre>
     *
     * @param <T> the element type
     * @param n how many elements may be in flight, at least 1
     * @return the conversion
     */
    public static <T> Function<Stream<T>, DistributedStream<T>> parallel(int n) {
        Checks.positive(n, "parallel", "n");
        return s -> new DistributedStream<>(new ScatterNode<>(Checks.notNull(s, "parallel", "stream")),
                LocalEngine.common(), false, n);
    }
}
