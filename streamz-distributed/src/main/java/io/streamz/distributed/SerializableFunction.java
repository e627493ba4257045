package io.streamz.distributed;

import java.io.Serializable;
import java.util.function.Function;

/**
 * A {@link Function} that can travel to another JVM: what {@link DistributedStream#map} takes. A
 * lambda is serialisable when its target type is, as long as what it captures is serialisable.
 *
 * <pre>{@code
 * SerializableFunction<Integer, Integer> inc = x -> x + 1;
 * Distributed.scatter(source).map(inc);
 * }</pre>
 *
 * @param <T> the argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface SerializableFunction<T, R> extends Function<T, R>, Serializable {
}
