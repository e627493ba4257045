package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.testing.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Signals beside the elements: the end of the input and watermarks, in order with the elements. */
class SignalsTest {
    @RegisterExtension
    final VirtualClock clock = new VirtualClock();

    private static Instant t(int seconds) {
        return Instant.EPOCH.plusSeconds(seconds);
    }

    /** Records elements and signals in the order they arrive. */
    static final class Recorder extends Stream<Object> {
        final List<String> log = Collections.synchronizedList(new ArrayList<>());

        Recorder(Stream<?> upstream) {
            super(upstream);
        }

        @Override
        protected CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
            log.add(String.valueOf(x));
            return null;
        }

        @Override
        protected CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
            log.add(signal instanceof Signal.Watermark ? "W" + ((Signal.Watermark) signal).time().getEpochSecond()
                    : signal.toString());
            return forwardSignal(signal, who);
        }
    }

    @Nested
    class EndOfInput {
        @Test
        void anIterableSourceEndsAndItsCompletionFollowsTheGraph() {
            Source<Integer> source = Stream.fromIterable(List.of(1, 2, 3));
            Recorder rec = new Recorder(source.map(x -> x * 10));
            source.start();
            assertThat(rec.log).containsExactly("10", "20", "30", "end");
            assertThat(source.completion()).isCompleted();
            assertThat(source.isStarted()).isFalse();
        }

        @Test
        void aTimedWindowFlushesAtItsNextTickBeforeTheEndGoesOn() {
            Source<Integer> source = Stream.fromIterable(List.of(1, 2));
            Recorder rec = new Recorder(source.timedWindow("1s"));
            source.start();
            assertThat(source.completion()).isNotDone();   // [1, 2] waits for the tick
            clock.advance(1000);
            assertThat(rec.log).containsExactly("[]", "[1, 2]", "end");
            assertThat(source.completion()).isCompleted();
        }

        @Test
        void completionWaitsForAsynchronousSinksAndFailsWithThem() {
            // Flux.range(1, 3) into a 200 ms sinkAsync: completion sees all three
            PublisherSource<Integer> source = Stream.fromPublisher(Flux.range(1, 3));
            List<Integer> written = Collections.synchronizedList(new ArrayList<>());
            source.sinkAsync(x -> Mono.delay(Duration.ofMillis(200)).doOnNext(t -> written.add(x)).toFuture());
            source.start();
            assertThat(source.completion()).isNotDone();
            clock.advance(600);
            assertThat(written).containsExactly(1, 2, 3);
            assertThat(source.completion()).isCompleted();

            PublisherSource<Integer> failing = Stream.fromPublisher(Flux.range(1, 2));
            failing.sinkAsync(x -> x == 2 ? CompletableFuture.failedFuture(new IllegalStateException("disk full"))
                    : CompletableFuture.completedFuture(null));
            failing.start();
            assertThatThrownBy(() -> failing.completion().join()).hasRootCauseMessage("disk full");
        }

        @Test
        void aSourceStoppedByAFailureCompletesExceptionally() {
            Source<Integer> source = Stream.fromIterable(List.of(1, 0, 5));
            source.map(x -> 10 / x).sink(x -> { });
            assertThatThrownBy(source::start).isInstanceOf(NodeException.class);
            assertThat(source.completion()).isCompletedExceptionally();
        }

        @Test
        void aJoinEndsWhenAllItsInputsEnded() {
            Stream<Integer> a = Stream.create();
            Stream<String> b = Stream.create();
            Recorder rec = new Recorder(a.zip(b));
            a.emit(1);
            b.emit("x");
            a.emitEnd();
            assertThat(rec.log).containsExactly("[1, x]");
            CompletableFuture<Void> done = b.emitEnd();
            assertThat(rec.log).containsExactly("[1, x]", "end");
            assertThat(done).isCompleted();
        }

        @Test
        void aPartitionWithoutTimeoutKeepsItsPartialPartAsStreamzButOneWithATimeoutFlushesFirst() {
            Stream<Integer> source = Stream.create();
            Recorder plain = new Recorder(source.partition(3));
            Recorder timed = new Recorder(source.partition(3, "1s"));
            source.emit(1);
            source.emit(2);
            CompletableFuture<Void> done = source.emitEnd();
            assertThat(plain.log).containsExactly("end");
            assertThat(timed.log).isEmpty();
            assertThat(done).isNotDone();
            clock.advance(1000);
            assertThat(timed.log).containsExactly("[1, 2]", "end");
            assertThat(done).isCompleted();
        }

        @Test
        void toPublisherCompletesItsSubscribersAtTheEnd() {
            Stream<Integer> source = Stream.create();
            Flux<Integer> flux = source.toFlux();
            StepVerifier.create(flux)
                    .then(() -> source.emit(1))
                    .expectNext(1)
                    .then(source::emitEnd)
                    .verifyComplete();
        }

        @Test
        void processOutputEndsWithTheProcess() throws Exception {
            Source<String> source = Stream.fromProcess(List.of("printf", "a\\nb\\n"));
            Recorder rec = new Recorder(source);
            source.start();
            source.completion().get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(rec.log).containsExactly("a\n", "b\n", "end");
        }
    }

    @Nested
    class Watermarks {
        @Test
        void passThroughStatelessNodes() {
            Stream<Integer> source = Stream.create();
            Recorder rec = new Recorder(source.map(x -> x).filter(x -> x > 0));
            source.emit(1);
            source.emitWatermark(t(5));
            source.emit(2);
            assertThat(rec.log).containsExactly("1", "W5", "2");
        }

        @Test
        void aJoinPassesTheSmallestOfItsInputsOnlyWhenItGrows() {
            Stream<Integer> a = Stream.create();
            Stream<Integer> b = Stream.create();
            Stream<Integer> c = Stream.create();
            Recorder rec = new Recorder(a.union(b, c));
            a.emitWatermark(t(10));
            b.emitWatermark(t(5));
            assertThat(rec.log).isEmpty();            // c has none yet: it holds them back
            c.emitWatermark(t(7));
            assertThat(rec.log).containsExactly("W5");
            b.emitWatermark(t(20));
            assertThat(rec.log).containsExactly("W5", "W7");
            c.emitEnd();                              // an ended input no longer holds them back
            assertThat(rec.log).containsExactly("W5", "W7", "W10");
            a.emitWatermark(t(8));                    // never backwards
            assertThat(rec.log).containsExactly("W5", "W7", "W10");
        }

        @Test
        void neverOvertakeElementsInABuffer() {
            Stream<Integer> source = Stream.create();
            CompletableFuture<Void> gate = new CompletableFuture<>();
            Stream<Integer> buffered = source.buffer(2);
            buffered.sinkAsync(x -> x == 0 ? gate : CompletableFuture.completedFuture(null));
            Recorder rec = new Recorder(buffered);
            for (int i = 0; i < 4; i++) {
                source.emitAsync(i);
                if (i == 1) {
                    source.emitWatermark(t(1));   // behind 0 and 1, before 2
                }
            }
            source.emitWatermark(t(3));
            assertThat(rec.log).containsExactly("0");
            gate.complete(null);
            assertThat(rec.log).containsExactly("0", "1", "W1", "2", "3", "W3");
        }

        @Test
        void areDelayedLikeTheElementsBeforeThem() {
            Stream<Integer> source = Stream.create();
            Recorder rec = new Recorder(source.delay("1s"));
            source.emit(1);
            source.emitWatermark(t(1));
            clock.advance(500);
            source.emit(2);
            assertThat(rec.log).isEmpty();
            clock.advance(500);
            assertThat(rec.log).containsExactly("1", "W1");
            clock.advance(500);
            assertThat(rec.log).containsExactly("1", "W1", "2");
        }

        @Test
        void waitForTheElementsARateLimitHolds() {
            Stream<Integer> source = Stream.create();
            Recorder rec = new Recorder(source.rateLimit("1s"));
            source.emit(1);
            source.emitAsync(2);
            source.emitWatermark(t(2));
            assertThat(rec.log).containsExactly("1");
            clock.advance(1000);
            assertThat(rec.log).containsExactly("1", "2", "W2");
        }

        @Test
        void waitForEveryEarlierCallOfAnAsyncMapEvenOutOfOrder() {
            Stream<Integer> source = Stream.create();
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            Stream<Integer> mapped = source.buffer(4).mapAsync(x -> {
                CompletableFuture<Integer> f = new CompletableFuture<>();
                calls.add(f);
                return f;
            });
            Recorder rec = new Recorder(mapped);
            source.emit(1);
            source.emitWatermark(t(1));
            source.emit(2);
            assertThat(calls).hasSize(1);   // mapAsync holds its emit: the buffer feeds one at a time
            calls.get(0).complete(10);
            assertThat(rec.log).containsExactly("10", "W1");
            calls.get(1).complete(20);
            assertThat(rec.log).containsExactly("10", "W1", "20");
        }

        @Test
        void waitForTheTickOfATimedWindowThatHoldsEarlierElements() {
            Stream<Integer> source = Stream.create();
            Recorder rec = new Recorder(source.timedWindow("1s"));
            source.emit(1);
            source.emitWatermark(t(1));
            assertThat(rec.log).containsExactly("[]");
            clock.advance(1000);
            assertThat(rec.log).containsExactly("[]", "[1]", "W1");
            source.emitWatermark(t(2));   // nothing held: at once
            assertThat(rec.log).containsExactly("[]", "[1]", "W1", "W2");
            source.destroy();
        }

        @Test
        void waitForTheFlushOfACollectAndThePartitionThatHoldsEarlierElements() {
            Stream<Integer> source = Stream.create();
            CollectStream<Integer> collect = source.collect();
            Recorder collected = new Recorder(collect);
            Recorder parts = new Recorder(source.partition(2));
            source.emit(1);
            source.emitWatermark(t(1));
            assertThat(collected.log).isEmpty();
            assertThat(parts.log).isEmpty();
            source.emit(2);
            assertThat(parts.log).containsExactly("[1, 2]", "W1");
            collect.flush();
            assertThat(collected.log).containsExactly("[1, 2]", "W1");
        }

        @Test
        void waitUntilALatestHasSentTheElementBeforeThem() {
            Stream<Integer> source = Stream.create();
            CompletableFuture<Void> gate = new CompletableFuture<>();
            Stream<Integer> latest = source.latest();
            latest.sinkAsync(x -> x == 1 ? gate : CompletableFuture.completedFuture(null));
            Recorder rec = new Recorder(latest);
            source.emit(1);
            source.emit(2);           // waits as the latest
            source.emitWatermark(t(2));
            assertThat(rec.log).containsExactly("1");
            gate.complete(null);
            assertThat(rec.log).containsExactly("1", "2", "W2");
        }

        @Test
        void rejectNull() {
            assertThatThrownBy(() -> Stream.create().emitWatermark(null))
                    .isInstanceOf(NullPointerException.class).hasMessage("stream: time is null");
        }
    }
}
