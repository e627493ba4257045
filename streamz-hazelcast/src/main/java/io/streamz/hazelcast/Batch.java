package io.streamz.hazelcast;

import io.streamz.distributed.Task;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Tasks sent to one member in one call: the tasks that queued for the member while its earlier
 * batches ran. One call per batch instead of one per task is what keeps a task's overhead low
 * (as Dask batches its messages); each task's result or exception comes back on its own.
 */
final class Batch implements Callable<List<Batch.Outcome>>, Serializable {
    private static final long serialVersionUID = 1L;

    private final List<Task<?>> tasks;

    Batch(List<Task<?>> tasks) {
        this.tasks = tasks;
    }

    @Override
    public List<Outcome> call() {
        List<Outcome> out = new ArrayList<>(tasks.size());
        for (Task<?> t : tasks) {
            out.add(run(t));
        }
        return out;
    }

    /** Runs one task: its result, or what it threw. */
    static Outcome run(Task<?> t) {
        try {
            return new Outcome(t.call(), null);
        } catch (Exception | LinkageError | StackOverflowError e) {
            return new Outcome(null, e);
        }
    }

    /** One task's result, or what it threw. */
    record Outcome(Object value, Throwable error) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
