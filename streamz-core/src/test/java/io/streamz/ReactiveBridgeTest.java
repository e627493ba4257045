package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.testing.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** toPublisher / toFlux and fromPublisher (the Reactive Streams TCK runs in ReactiveStreamsTckTest). */
class ReactiveBridgeTest {
    @RegisterExtension
    final VirtualClock clock = new VirtualClock();

    /** Requests only what the test asks for. */
    private static final class Probe<T> extends BaseSubscriber<T> {
        final List<T> received = new CopyOnWriteArrayList<>();
        volatile Throwable error;
        volatile boolean completed;

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
        }

        @Override
        protected void hookOnNext(T value) {
            received.add(value);
        }

        @Override
        protected void hookOnError(Throwable throwable) {
            error = throwable;
        }

        @Override
        protected void hookOnComplete() {
            completed = true;
        }

        /** The raw subscription, past BaseSubscriber's own checks. */
        Subscription subscription() {
            return upstream();
        }
    }

    // ------------------------------------------------------------------ toPublisher / toFlux

    @Test
    void toFluxHonoursRequestByHoldingEmit() {
        Stream<Integer> source = Stream.create();
        Probe<Integer> probe = new Probe<>();
        source.map(x -> x * 10).toFlux().subscribe(probe);
        probe.request(2);
        CompletableFuture<Void> first = source.emitAsync(1);
        CompletableFuture<Void> second = source.emitAsync(2);
        CompletableFuture<Void> third = source.emitAsync(3);
        assertThat(probe.received).containsExactly(10, 20);
        assertThat(first).isDone();
        assertThat(second).isDone();
        assertThat(third).isNotDone();
        probe.request(1);
        assertThat(third).isDone();
        assertThat(probe.received).containsExactly(10, 20, 30);
    }

    @Test
    void emitWaitsForDemandFromAnotherThreadWithoutHoldingTheGraph() throws Exception {
        Stream<Integer> source = Stream.create();
        List<Integer> received = new CopyOnWriteArrayList<>();
        source.toFlux().limitRate(1).subscribe(received::add);
        for (int i = 0; i < 100; i++) {
            source.emit(i);
        }
        assertThat(received).hasSize(100);

        Probe<Integer> probe = new Probe<>();
        Stream<Integer> other = Stream.create();
        other.toPublisher().subscribe(probe);
        CompletableFuture<Void> emitter = CompletableFuture.runAsync(() -> other.emit(7));
        assertThat(emitter).isNotDone();
        probe.request(1);
        emitter.get();
        assertThat(probe.received).containsExactly(7);
    }

    @Test
    void everySubscriberGetsEveryElementAndTheSlowestPacesEmit() {
        Stream<String> source = Stream.create();
        Publisher<String> publisher = source.toPublisher();
        Probe<String> fast = new Probe<>();
        Probe<String> slow = new Probe<>();
        publisher.subscribe(fast);
        publisher.subscribe(slow);
        fast.request(10);
        CompletableFuture<Void> a = source.emitAsync("a");
        assertThat(fast.received).containsExactly("a");
        assertThat(a).isNotDone();
        slow.request(1);
        assertThat(a).isDone();
        assertThat(slow.received).containsExactly("a");
    }

    @Test
    void cancellingReleasesTheHeldEmitAndDetachesTheSubscriber() {
        Stream<Integer> source = Stream.create();
        Probe<Integer> probe = new Probe<>();
        source.toFlux().subscribe(probe);
        CompletableFuture<Void> held = source.emitAsync(1);
        assertThat(held).isNotDone();
        probe.cancel();
        assertThat(held).isDone();
        source.emit(2);   // nobody subscribed: passes
        assertThat(probe.received).isEmpty();
    }

    @Test
    void destroyingThePublisherNodeCompletesSubscribersAfterQueuedElements() {
        Stream<Integer> source = Stream.create();
        Publisher<Integer> publisher = source.toPublisher();
        Probe<Integer> probe = new Probe<>();
        publisher.subscribe(probe);
        CompletableFuture<Void> held = source.emitAsync(1);
        ((Stream<?>) publisher).destroy();
        assertThat(probe.completed).isFalse();
        probe.request(5);
        assertThat(probe.received).containsExactly(1);
        assertThat(probe.completed).isTrue();
        assertThat(held).isDone();
        Probe<Integer> late = new Probe<>();
        publisher.subscribe(late);
        assertThat(late.completed).isTrue();
    }

    @Test
    void nonPositiveRequestsFailTheSubscription() {
        Stream<Integer> source = Stream.create();
        Probe<Integer> probe = new Probe<>();
        source.toPublisher().subscribe(probe);
        probe.subscription().request(0);
        assertThat(probe.error).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.9");
        assertThatThrownBy(() -> source.toPublisher().subscribe(null)).isInstanceOf(NullPointerException.class);
    }

    // ------------------------------------------------------------------ fromPublisher

    @Test
    void fromPublisherEmitsEveryElementAndCompletes() {
        PublisherSource<Integer> source = Stream.fromPublisher(Flux.range(1, 3));
        List<Integer> out = source.map(x -> x * 10).sinkToList();
        assertThat(source.completion()).isNotDone();
        source.start();
        source.completion().join();
        assertThat(out).containsExactly(10, 20, 30);
    }

    @Test
    void fromPublisherRequestsMoreOnlyAsDownstreamFinishes() {
        List<Long> requests = new CopyOnWriteArrayList<>();
        PublisherSource<Integer> source = Stream.fromPublisher(Flux.range(1, 100).doOnRequest(requests::add));
        List<Integer> written = new ArrayList<>();
        source.sinkAsync(x -> Mono.delay(Duration.ofMillis(10)).doOnNext(t -> written.add(x)).toFuture());
        source.start();
        assertThat(requests).containsExactly(1L);
        clock.advanceTimeBy(Duration.ofMillis(10));
        assertThat(written).containsExactly(1);
        assertThat(requests).containsExactly(1L, 1L);
        clock.advanceTimeBy(Duration.ofMillis(990));
        assertThat(written).hasSize(100);
        assertThat(source.completion()).isDone();
    }

    @Test
    void fromPublisherSurfacesErrorsAndGraphFailuresInCompletion() {
        PublisherSource<Integer> failing = Stream.fromPublisher(Flux.concat(Flux.just(1), Flux.error(new IllegalStateException("gone"))));
        List<Integer> out = failing.sinkToList();
        failing.start();
        assertThat(out).containsExactly(1);
        assertThatThrownBy(() -> failing.completion().join()).hasCauseInstanceOf(IllegalStateException.class);

        AtomicBoolean cancelled = new AtomicBoolean();
        PublisherSource<Integer> source = Stream.fromPublisher(Flux.range(0, 10).doOnCancel(() -> cancelled.set(true)));
        List<Integer> results = source.map(x -> 10 / (2 - x)).named("invert").sinkToList();
        source.start();
        assertThat(results).containsExactly(5, 10);
        assertThat(cancelled).isTrue();
        assertThatThrownBy(() -> source.completion().join())
                .cause().isInstanceOf(NodeException.class).hasMessageContaining("map \"invert\"");
    }

    @Test
    void fromPublisherStopCancelsAndStartSubscribesAgain() {
        AtomicBoolean cancelled = new AtomicBoolean();
        PublisherSource<Long> source = Stream.fromPublisher(Flux.interval(Duration.ofSeconds(1)).doOnCancel(() -> cancelled.set(true)));
        List<Long> out = source.sinkToList();
        source.start();
        clock.advanceTimeBy(Duration.ofSeconds(2));
        assertThat(out).containsExactly(0L, 1L);
        source.stop();
        assertThat(cancelled).isTrue();
        assertThat(source.completion()).isCompleted();
        clock.advanceTimeBy(Duration.ofSeconds(2));
        assertThat(out).containsExactly(0L, 1L);
        source.start();
        clock.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(out).containsExactly(0L, 1L, 0L);
        assertThat(source.completion()).isNotDone();
        source.stop();
    }

    @Test
    void aRoundTripThroughReactorKeepsOrderAndRefs() {
        PublisherSource<Integer> source = Stream.fromPublisher(Flux.range(1, 5));
        List<Integer> out = new CopyOnWriteArrayList<>();
        source.map(x -> x * x).toFlux().map(x -> x + 1).subscribe(out::add);
        source.start();
        source.completion().join();
        assertThat(out).containsExactly(2, 5, 10, 17, 26);
        Stream<Integer> plain = Stream.create();
        RefCounter ref = new RefCounter();
        plain.toFlux().subscribe(x -> { });
        plain.emit(1, List.of(Map.of("ref", ref)));
        assertThat(ref.count()).isZero();
    }
}
