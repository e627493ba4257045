package io.streamz.examples;

import io.streamz.Stream;

/** Accumulating state: a running total (streamz {@code accumulate}). */
public final class RunningTotal {
    private RunningTotal() {
    }

    /** Prints 1, 3, 6, 10. */
    public static void main(String[] args) {
        // docs:start
        Stream<Integer> source = Stream.create();
        source.accumulate(Integer::sum).sink(System.out::println);

        for (int i = 1; i <= 4; i++) {
            source.emit(i);
        }
        // docs:end
    }
}
