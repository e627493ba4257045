package io.streamz.distributed;

import java.util.concurrent.CompletableFuture;

/**
 * Runs the tasks of {@link DistributedStream}s: a thread pool ({@link LocalEngine}) or a cluster
 * (the Hazelcast engine of {@code streamz-hazelcast}). This is streamz's Dask {@code Client}.
 *
 * <pre>{@code
 * try (Engine engine = LocalEngine.threads(2)) {
 *     Stream<Integer> source = Stream.create();
 *     List<Integer> out = Distributed.scatter(source, engine).map(x -> x + 1).buffer(8).gather().sinkToList();
 *     for (int i = 0; i < 3; i++) source.emit(i);
 *     // out (once the buffer drained): [1, 2, 3]
 * }
 * }</pre>
 *
 * <p>An engine decides where a task runs and runs it again when the place it ran on went away
 * before answering (at-least-once): a task must be safe to run twice.
 */
public interface Engine extends AutoCloseable {
    /**
     * Starts {@code task} and returns its future result without waiting.
     *
     * @param <R> the type of the result
     * @param task the work, serialisable
     * @return completes with the task's result, or exceptionally with what it threw
     */
    <R> CompletableFuture<R> submit(Task<R> task);

    /** Stops the engine: tasks already submitted may still finish; new ones are refused. */
    @Override
    void close();
}
