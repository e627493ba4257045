package io.streamz.examples;

import io.streamz.Stream;

/** Branching: one source feeds two maps; each element reaches both, in the order they were built. */
public final class Branching {
    private Branching() {
    }

    /** Prints 2, 0, 11, 9. */
    public static void main(String[] args) {
        // docs:start
        Stream<Integer> source = Stream.create();
        source.map(x -> x + 1).named("increment").sink(System.out::println);
        source.map(x -> x - 1).named("decrement").sink(System.out::println);

        source.emit(1);
        source.emit(10);
        // docs:end
    }
}
