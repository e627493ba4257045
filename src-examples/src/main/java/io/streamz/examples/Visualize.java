package io.streamz.examples;

import io.streamz.Stream;

/**
 * A graph as Graphviz DOT text (toDot) and as a picture (visualize). Run with a file name, such
 * as {@code ./streamz example Visualize branching.svg}, to draw the picture too.
 */
public final class Visualize {
    private Visualize() {
    }

    /** Prints the DOT text; with a file argument, also draws it and says which engine did. */
    public static void main(String[] args) {
        // docs:start
        Stream<Integer> source = Stream.create("source");
        source.map(x -> x + 1).named("increment").sink(System.out::println);
        source.map(x -> x - 1).named("decrement").sink(System.out::println);

        System.out.print(source.toDot("LR"));
        if (args.length > 0) {
            String engine = source.visualize(args[0]);   // .svg, .png or .pdf
            System.out.println("drew " + args[0] + " with " + engine);
        }
        // docs:end
    }
}
