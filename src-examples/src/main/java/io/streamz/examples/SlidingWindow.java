package io.streamz.examples;

import io.streamz.Stream;

/** Flow control: overlapping windows of the last three elements. */
public final class SlidingWindow {
    private SlidingWindow() {
    }

    /** Prints [1, 2, 3], [2, 3, 4], [3, 4, 5]. */
    public static void main(String[] args) {
        // docs:start
        Stream<Integer> source = Stream.create();
        source.slidingWindow(3, false).sink(System.out::println);

        for (int i = 1; i <= 5; i++) {
            source.emit(i);
        }
        // docs:end
    }
}
