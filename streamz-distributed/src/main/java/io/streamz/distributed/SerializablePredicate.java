package io.streamz.distributed;

import java.io.Serializable;
import java.util.function.Predicate;

/**
 * A {@link Predicate} that can travel to another JVM: what {@link DistributedStream#filter} takes.
 *
 * <pre>{@code
 * SerializablePredicate<Integer> even = x -> x % 2 == 0;
 * Distributed.scatter(source).filter(even);
 * }</pre>
 *
 * @param <T> the argument type
 */
@FunctionalInterface
public interface SerializablePredicate<T> extends Predicate<T>, Serializable {
}
