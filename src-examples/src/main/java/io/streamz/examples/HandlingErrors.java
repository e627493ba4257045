package io.streamz.examples;

import io.streamz.NodeException;
import io.streamz.Stream;
import java.util.List;

/** A failing user function reaches emit as a NodeException naming the node; the graph stays usable. */
public final class HandlingErrors {
    private HandlingErrors() {
    }

    /** Parses "1", fails on "x" with a clear message, then parses "3". */
    public static void main(String[] args) {
        // docs:start
        Stream<String> source = Stream.create("numbers");
        List<Integer> out = source.map(Integer::parseInt).named("parse").sinkToList();

        for (String s : List.of("1", "x", "3")) {
            try {
                source.emit(s);
            } catch (NodeException e) {
                System.out.println(e.getMessage());
                System.out.println("  node: " + e.node() + ", element: " + e.element());
            }
        }
        System.out.println(out);
        // docs:end
    }
}
