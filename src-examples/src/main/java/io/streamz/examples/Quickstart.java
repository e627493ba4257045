package io.streamz.examples;

import io.streamz.Stream;
import java.util.List;

/** The ten lines on the front page of the docs. */
public final class Quickstart {
    private Quickstart() {
    }

    /** Prints the small even squares and collects them. */
    public static void main(String[] args) {
        // docs:start
        Stream<Integer> source = Stream.create("numbers");
        Stream<Integer> squares = source.map(x -> x * x).named("square");
        List<Integer> small = squares.filter(x -> x < 50).sinkToList();
        squares.filter(x -> x % 2 == 0).sink(x -> System.out.println("even square: " + x));

        for (int i = 1; i <= 8; i++) {
            source.emit(i);
        }
        System.out.println("small squares: " + small);
        // docs:end
    }
}
