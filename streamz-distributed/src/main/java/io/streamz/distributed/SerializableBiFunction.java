package io.streamz.distributed;

import java.io.Serializable;
import java.util.function.BiFunction;

/**
 * A {@link BiFunction} that can travel to another JVM: what {@link DistributedStream#starmap} and
 * {@link DistributedStream#accumulate(SerializableBiFunction, Object)} take.
 *
 * <pre>{@code
 * SerializableBiFunction<Integer, Integer, Integer> add = (a, b) -> a + b;
 * Distributed.scatter(pairs).starmap(add);
 * }</pre>
 *
 * @param <A> the first argument type
 * @param <B> the second argument type
 * @param <R> the result type
 */
@FunctionalInterface
public interface SerializableBiFunction<A, B, R> extends BiFunction<A, B, R>, Serializable {
}
