package io.streamz.examples;

import io.streamz.Stream;

/** Batches: partition into groups of three, and by key. */
public final class Partition {
    private Partition() {
    }

    /** Prints fixed-size groups, then groups of odd and even numbers. */
    public static void main(String[] args) {
        // docs:start
        Stream<Integer> source = Stream.create();
        source.partition(3).sink(batch -> System.out.println("batch " + batch));
        source.partition(2, x -> x % 2 == 0 ? "even" : "odd").sink(pair -> System.out.println("pair " + pair));

        for (int i = 1; i <= 7; i++) {
            source.emit(i);
        }
        // docs:end
    }
}
