package io.streamz.distributed;

import java.io.Serializable;
import java.util.function.BinaryOperator;

/**
 * A {@link BinaryOperator} that can travel to another JVM: what
 * {@link DistributedStream#accumulate(SerializableBinaryOperator)} takes.
 *
 * <pre>{@code
 * SerializableBinaryOperator<Integer> sum = Integer::sum;
 * Distributed.scatter(source).accumulate(sum);
 * }</pre>
 *
 * @param <T> the operand and result type
 */
@FunctionalInterface
public interface SerializableBinaryOperator<T> extends BinaryOperator<T>, Serializable {
}
