package io.streamz.examples;

import io.streamz.Stream;

/** Map, emit and sink: the first example of streamz's core docs. */
public final class Increment {
    private Increment() {
    }

    /** Prints 2, 3 and 11. */
    public static void main(String[] args) {
        // docs:start
        Stream<Integer> source = Stream.create();
        source.map(x -> x + 1).sink(System.out::println);

        source.emit(1);
        source.emit(2);
        source.emit(10);
        // docs:end
    }
}
