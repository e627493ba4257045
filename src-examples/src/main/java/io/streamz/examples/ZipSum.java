package io.streamz.examples;

import io.streamz.Stream;

/** Branching and joining: two branches of one source zipped back together and summed. */
public final class ZipSum {
    private ZipSum() {
    }

    /** Prints 20 (9 + 11) and 2 (0 + 2). */
    public static void main(String[] args) {
        // docs:start
        Stream<Integer> source = Stream.create();
        Stream<Integer> a = source.map(x -> x + 1).named("increment");
        Stream<Integer> b = source.map(x -> x - 1).named("decrement");
        a.zipWith(b, Integer::sum).sink(System.out::println);

        source.emit(10);
        source.emit(1);
        // docs:end
    }
}
