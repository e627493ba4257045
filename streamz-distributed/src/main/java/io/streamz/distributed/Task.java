package io.streamz.distributed;

import java.io.Serializable;

/**
 * One piece of work an {@link Engine} runs, possibly in another JVM: it travels serialised, with
 * the function and the element it applies to.
 *
 * <pre>{@code
 * try (Engine engine = LocalEngine.threads(2)) {
 *     Task<Integer> task = () -> 6 * 7;
 *     System.out.println(engine.submit(task).join());   // prints 42
 * }
 * }</pre>
 *
 * @param <R> the type of the result
 */
@FunctionalInterface
public interface Task<R> extends Serializable {
    /**
     * Does the work.
     *
     * @return the result, possibly {@code null}
     * @throws Exception whatever the user function threw; it reaches the node's error handling
     */
    R call() throws Exception;
}
