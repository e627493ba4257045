package io.streamz.examples;

import io.streamz.PublisherSource;
import io.streamz.Stream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Flux;

/** From a Reactive Streams publisher into a graph, and out again as a Flux. */
public final class ReactiveBridge {
    private ReactiveBridge() {
    }

    /** Squares five numbers on their way from one Flux to another. */
    public static void main(String[] args) {
        // docs:start
        PublisherSource<Integer> source = Stream.fromPublisher(Flux.range(1, 5));
        Flux<Integer> squares = source.map(x -> x * x).toFlux();
        CompletableFuture<List<Integer>> firstFour = squares.take(4).collectList().toFuture();

        source.start();
        source.completion().join();
        System.out.println("first four: " + firstFour.join());
        System.out.println("publisher completed: " + source.completion().isDone());
        // docs:end
    }
}
