package io.streamz.examples;

import io.streamz.RefCounter;
import io.streamz.Stream;
import java.util.List;
import java.util.Map;

/** Metadata and reference counting: a callback runs once no node holds the element any more. */
public final class RefCounting {
    private RefCounting() {
    }

    /** Prints the element, then that it is done. */
    public static void main(String[] args) {
        // docs:start
        Stream<String> source = Stream.create();
        source.map(String::toUpperCase).sink(System.out::println);

        RefCounter ref = new RefCounter(() -> System.out.println("checkpoint: every node is done with it"));
        ref.retain();                                     // held by us until emit returns
        source.emit("order 17", List.of(Map.of("ref", ref)));
        ref.release();
        System.out.println("refs left: " + ref.count());
        // docs:end
    }
}
