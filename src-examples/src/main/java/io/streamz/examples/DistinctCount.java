package io.streamz.examples;

import io.streamz.Stream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import reactor.util.function.Tuples;

/** State that differs from what is emitted: count distinct elements (accumulate with returns_state). */
public final class DistinctCount {
    private DistinctCount() {
    }

    /** Prints 1, 2, 2, 3. */
    public static void main(String[] args) {
        // docs:start
        Stream<String> source = Stream.create();
        source.accumulateWithState((Set<String> seen, String x) -> {
            Set<String> next = new HashSet<>(seen);   // never mutate state that was emitted or shared
            next.add(x);
            return Tuples.of(next, next.size());
        }, Set.of()).sink(System.out::println);

        for (String animal : List.of("cat", "dog", "cat", "mouse")) {
            source.emit(animal);
        }
        // docs:end
    }
}
