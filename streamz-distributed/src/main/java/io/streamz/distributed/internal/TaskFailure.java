package io.streamz.distributed.internal;

import io.streamz.NodeException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * How a task's failure travels in a future, to {@code gather}: the node that sent the task (whose
 * error policy applies), its {@link NodeException}, and how many calls were made. The policy is
 * applied where the element leaves the engine, in order, with the element's metadata.
 */
public final class TaskFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A distributed node whose tasks can fail. */
    public interface Origin {
        /**
         * Applies the node's error policy to a failure of its task, inside the graph.
         *
         * @return the routed failure's pending work, or {@code null} (skipped)
         * @throws NodeException under the propagate policy
         */
        CompletableFuture<?> failed(NodeException failure, int attempts, List<Map<String, Object>> metadata);
    }

    private final transient Origin origin;
    private final int attempts;

    TaskFailure(Origin origin, NodeException failure, int attempts) {
        super(failure.getMessage(), failure, false, false);
        this.origin = origin;
        this.attempts = attempts;
    }

    /** Applies the policy of the node that sent the task. */
    public CompletableFuture<?> handle(List<Map<String, Object>> metadata) {
        return origin.failed((NodeException) getCause(), attempts, metadata);
    }
}
