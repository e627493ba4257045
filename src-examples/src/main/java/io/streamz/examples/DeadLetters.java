package io.streamz.examples;

import io.streamz.ErrorPolicy;
import io.streamz.Failure;
import io.streamz.Stream;
import java.util.List;

/** Errors as data: skip bad elements and count them, or route them to a dead-letter sink. */
public final class DeadLetters {
    private DeadLetters() {
    }

    /** Parses numbers: one branch skips what does not parse, the other routes it to dead letters. */
    public static void main(String[] args) {
        // docs:start
        Stream<String> lines = Stream.create("lines");

        // skip: drop what fails, count it, go on
        Stream<Integer> lenient = lines.map(Integer::parseInt).named("lenient").onError(ErrorPolicy.skip());
        List<Integer> parsed = lenient.sinkToList();

        // route: failures become data on the node's errors stream
        Stream<Integer> strict = lines.map(Integer::parseInt).named("strict");
        strict.sink(x -> { });
        strict.errors()
                .map(Failure::toString)
                .sink(f -> System.out.println("dead letter: " + f));

        for (String line : List.of("1", "two", "3", "", "5")) {
            lines.emit(line);   // never throws: every failure has a policy
        }
        System.out.println("parsed:  " + parsed);
        System.out.println("skipped: " + lenient.stats().skipped() + ", routed: " + strict.stats().routed());
        // docs:end
    }
}
