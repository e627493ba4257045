package io.streamz.features;

import java.util.ArrayList;
import java.util.List;

/**
 * The branches of {@link Flows#choice}: each element goes to the first branch whose condition it
 * meets, or to {@link #otherwise()} (storey {@code Choice}, its {@code default}).
 *
 * <pre>{@code
 * Choice<Integer> c = Flows.choice(source, List.of(x -> x < 0, x -> x < 10));
 * List<Integer> negative = c.branch(0).sinkToList();
 * List<Integer> small = c.branch(1).sinkToList();     // 0..9: negatives went to branch 0 only
 * List<Integer> large = c.otherwise().sinkToList();
 * }</pre>
 *
 * @param <T> the element type
 */
public final class Choice<T> {
    private final List<io.streamz.Stream<T>> branches;
    private final io.streamz.Stream<T> otherwise;

    Choice(ChoiceNode<T> node, int n) {
        List<io.streamz.Stream<T>> b = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            b.add(new ChoiceNode.Branch<>(node, i, "branch"));
        }
        this.branches = List.copyOf(b);
        this.otherwise = new ChoiceNode.Branch<>(node, n, "otherwise");
    }

    /**
     * The elements whose first met condition is the {@code i}-th.
     *
     * @param i the condition's index, from 0
     * @return the branch's stream
     * @throws IndexOutOfBoundsException if there is no such condition
     */
    public io.streamz.Stream<T> branch(int i) {
        return branches.get(i);
    }

    /**
     * The elements that met no condition; leave it unconnected to drop them, as storey does
     * without a default.
     *
     * @return the default branch's stream
     */
    public io.streamz.Stream<T> otherwise() {
        return otherwise;
    }
}
