package io.streamz.examples;

import io.streamz.Stream;
import java.util.List;

/** filter keeps what matches, remove drops it; sinkToList collects results for a look. */
public final class FilterAndRemove {
    private FilterAndRemove() {
    }

    /** Prints the even and the odd numbers below 10. */
    public static void main(String[] args) {
        // docs:start
        Stream<Integer> source = Stream.create();
        List<Integer> even = source.filter(x -> x % 2 == 0).sinkToList();
        List<Integer> odd = source.remove(x -> x % 2 == 0).sinkToList();

        for (int i = 0; i < 10; i++) {
            source.emit(i);
        }
        System.out.println("even: " + even);
        System.out.println("odd:  " + odd);
        // docs:end
    }
}
