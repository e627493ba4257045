package io.streamz.features;

import io.streamz.Stream;
import io.streamz.internal.Node;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Implements {@link Flows#choice}: tags each element with the index of the first condition it
 * meets (the number of conditions for the default), for the {@link Branch} nodes downstream.
 */
final class ChoiceNode<T> extends Node<T, ChoiceNode.Routed<T>> {
    private final List<Predicate<? super T>> conditions;

    /** An element and the branch it goes to. */
    record Routed<T>(int branch, T element) {
    }

    ChoiceNode(Stream<? extends T> upstream, List<Predicate<? super T>> conditions) {
        super(upstream, "choice");
        this.conditions = conditions;
    }

    @Override
    protected String describeParams() {
        return "branches=" + conditions.size();
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        int branch = conditions.size();
        try {
            for (int i = 0; i < conditions.size(); i++) {
                if (conditions.get(i).test(x)) {
                    branch = i;
                    break;
                }
            }
        } catch (RuntimeException e) {
            return fail(e, x, metadata);
        }
        return emitDownstream(new Routed<>(branch, x), metadata);
    }

    /** One branch of a choice: the elements routed to it. */
    static final class Branch<T> extends Node<Routed<T>, T> {
        private final int index;

        Branch(ChoiceNode<T> choice, int index, String kind) {
            super(choice, kind);
            this.index = index;
        }

        @Override
        protected String describeParams() {
            return kind().equals("otherwise") ? "" : "index=" + index;
        }

        @Override
        protected CompletableFuture<?> accept(Routed<T> x, Stream<?> who, List<Map<String, Object>> metadata) {
            return x.branch() == index ? emitDownstream(x.element(), metadata) : null;
        }
    }
}
