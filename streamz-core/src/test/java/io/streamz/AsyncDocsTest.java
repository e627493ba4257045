package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamz.testing.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

/** The examples of docs/async.md, with the same numbers. */
class AsyncDocsTest {
    @RegisterExtension
    final VirtualClock clock = new VirtualClock();

    @Test
    void emitWaitsAndEmitAsyncReturnsAtOnce() {
        List<Integer> stored = new CopyOnWriteArrayList<>();
        Stream<Integer> source = Stream.create();
        source.sinkAsync(x -> CompletableFuture.runAsync(() -> stored.add(x)));
        source.emit(1);
        assertThat(stored).containsExactly(1);
        CompletableFuture<Void> two = source.emitAsync(2);
        two.join();
        assertThat(stored).containsExactly(1, 2);
    }

    @Test
    void timedWindowOnVirtualTime() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> out = source.timedWindow("1s").sinkToList();
        source.emit(1);
        source.emit(2);
        clock.advanceTimeBy(Duration.ofSeconds(2));
        assertThat(out).containsExactly(List.of(), List.of(1, 2), List.of());
    }

    @Test
    void theTimeOperatorsExamples() {
        Stream<String> words = Stream.create();
        List<List<String>> out = words.timedWindowUnique("1s", String::length, "last").sinkToList();
        Stream<String> words2 = Stream.create();
        List<List<String>> first = words2.timedWindowUnique("1s", String::length, "first").sinkToList();
        for (String w : List.of("f", "b", "fo", "ba", "foo", "bar")) {
            words.emit(w);
            words2.emit(w);
        }
        clock.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(out).containsExactly(List.of(), List.of("b", "ba", "bar"));
        assertThat(first).containsExactly(List.of(), List.of("f", "fo", "foo"));

        Stream<Integer> source = Stream.create();
        List<Integer> late = source.delay("1s").sinkToList();
        source.emit(1);
        clock.advanceTimeBy(Duration.ofMillis(999));
        assertThat(late).isEmpty();
        clock.advanceTimeBy(Duration.ofMillis(1));
        assertThat(late).containsExactly(1);

        Stream<Integer> paced = Stream.create();
        List<Integer> out2 = paced.rateLimit("1s").sinkToList();
        paced.emit(1);
        assertThat(out2).containsExactly(1);
        CompletableFuture<Void> two = paced.emitAsync(2);
        assertThat(out2).containsExactly(1);
        assertThat(two).isNotDone();
        clock.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(out2).containsExactly(1, 2);
        assertThat(two).isDone();

        AtomicInteger counter = new AtomicInteger();
        Source<Integer> ticks = Stream.fromPeriodic(counter::incrementAndGet, "1s");
        List<Integer> seen = ticks.sinkToList();
        ticks.start();
        assertThat(seen).containsExactly(1);
        clock.advanceTimeBy(Duration.ofSeconds(2));
        assertThat(seen).containsExactly(1, 2, 3);
        ticks.stop();
    }

    @Test
    void toFluxAndFromPublisher() {
        Stream<Integer> source = Stream.create();
        List<Integer> printed = new CopyOnWriteArrayList<>();
        Flux<Integer> flux = source.map(x -> x * 10).toFlux();
        flux.limitRate(10).subscribe(printed::add);
        source.emit(1);
        assertThat(printed).containsExactly(10);

        PublisherSource<Integer> from = Stream.fromPublisher(Flux.range(1, 3));
        List<Integer> out = from.map(x -> x * 10).sinkToList();
        from.start();
        from.completion().join();
        assertThat(out).containsExactly(10, 20, 30);
    }
}
