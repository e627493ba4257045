package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** toIterable / toJavaStream: riko's pull over a graph's output. */
class PullTest {
    private final Stream<Integer> source = Stream.create();

    @Test
    void toIterableReadsWhatIsEmittedFromThenOnUntilTheEnd() {
        Stream<Integer> tens = source.map(x -> x * 10);
        source.emit(0);                                  // before: not seen
        Iterable<Integer> it = tens.toIterable();
        source.emit(1);
        source.emit(2);
        source.emitEnd();
        List<Integer> out = new ArrayList<>();
        it.forEach(out::add);
        assertThat(out).containsExactly(10, 20);
    }

    @Test
    void anIterableCanBeIteratedOnce() {
        Iterable<Integer> it = source.toIterable();
        it.iterator();
        assertThatThrownBy(it::iterator).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("toIterable: the elements can be iterated once");
    }

    @Test
    void theEmitterWaitsForTheReaderBeyondThePrefetch() throws Exception {
        int prefetch = 2;
        Iterator<Integer> it = source.toIterable(prefetch).iterator();
        AtomicInteger taken = new AtomicInteger();
        AtomicInteger worstLead = new AtomicInteger();
        Thread emitter = new Thread(() -> {
            for (int i = 0; i < 200; i++) {
                source.emit(i);
                worstLead.accumulateAndGet(i + 1 - taken.get(), Math::max);
            }
            source.emitEnd();
        });
        emitter.start();
        List<Integer> out = new ArrayList<>();
        while (it.hasNext()) {
            out.add(it.next());
            taken.incrementAndGet();
        }
        emitter.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(out).hasSize(200).startsWith(0, 1, 2).endsWith(199);
        assertThat(worstLead.get()).as("emits returned ahead of the reader").isLessThanOrEqualTo(prefetch + 1);
    }

    @Test
    void toJavaStreamEndsAtTheEndOfABoundedSourceStartedElsewhere() throws Exception {
        PublisherSource<Integer> numbers = Stream.fromPublisher(Flux.range(1, 1000));
        java.util.stream.Stream<Integer> evens = numbers.filter(x -> x % 2 == 0).toJavaStream(8);
        Thread starter = new Thread(numbers::start);
        starter.start();
        assertThat(evens.mapToInt(Integer::intValue).sum()).isEqualTo(250_500);
        starter.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(numbers.completion()).succeedsWithin(java.time.Duration.ofSeconds(30));
    }

    @Test
    void closingTheJavaStreamCancelsSoEmitNoLongerWaits() {
        List<Integer> seen = source.sinkToList();
        java.util.stream.Stream<Integer> s = source.toJavaStream(1);
        source.emit(1);
        s.close();
        for (int i = 0; i < 100; i++) {
            source.emit(i);                              // would wait for demand if still subscribed
        }
        assertThat(seen).hasSize(101);
    }

    @Test
    void aSourceThatStopsOnAFailureEndsTheReadingWithIt() {
        PublisherSource<Integer> failing = Stream.fromPublisher(
                Flux.concat(Flux.just(1), Flux.error(new IllegalStateException("broken feed"))));
        Iterator<Integer> it = failing.map(x -> x * 10).toIterable().iterator();
        failing.start();
        assertThatThrownBy(() -> {
            while (it.hasNext()) {
                it.next();
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("broken feed");
    }

    @Test
    void rejectsAPrefetchBelowOne() {
        assertThatThrownBy(() -> source.toIterable(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("toIterable: prefetch must be >= 1, was 0");
        assertThatThrownBy(() -> source.toJavaStream(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("toJavaStream: prefetch must be >= 1, was -1");
    }
}
