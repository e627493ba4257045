package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.testing.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Errors as data: the policies, the errors streams, their refs and counts. */
class ErrorsTest {
    @RegisterExtension
    final VirtualClock clock = new VirtualClock();

    @Nested
    class Propagate {
        @Test
        void isTheDefaultAndIsCounted() {
            Stream<Integer> source = Stream.create();
            Stream<Integer> divide = source.map(x -> 10 / x).named("divide");
            List<Integer> out = divide.sinkToList();
            assertThat(divide.errorPolicy()).isEqualTo(ErrorPolicy.propagate());
            assertThatThrownBy(() -> source.emit(0))
                    .isInstanceOf(NodeException.class)
                    .hasMessageContaining("map \"divide\"")
                    .hasCauseInstanceOf(ArithmeticException.class);
            source.emit(5);
            assertThat(out).containsExactly(2);
            assertThat(divide.stats().failed()).isEqualTo(1);
            assertThat(divide.stats().failures()).isEqualTo(1);
        }

        @Test
        void aFailureReachingASourceStopsItAsInStreamz() {
            Source<Integer> source = Stream.fromIterable(List.of(1, 0, 5));
            List<Integer> out = source.map(x -> 10 / x).sinkToList();
            assertThatThrownBy(source::start).isInstanceOf(NodeException.class);
            assertThat(out).containsExactly(10);
        }

        @Test
        void onATimerThreadItIsCountedAndNeverHandedToTheThreadsHandler() {
            Stream<Integer> source = Stream.create();
            Stream<Integer> sizes = source.timedWindow("100ms").map(l -> 10 / l.size());
            List<Throwable> reported = new ArrayList<>();
            Thread.UncaughtExceptionHandler before = Thread.currentThread().getUncaughtExceptionHandler();
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> reported.add(e));
            try {
                // streamz's first, empty, window at once, then one per tick: four times 10 / 0
                clock.advanceTimeBy(Duration.ofMillis(300));
            } finally {
                Thread.currentThread().setUncaughtExceptionHandler(before);
                source.destroy();
            }
            assertThat(reported).isEmpty();
            assertThat(sizes.stats().failed()).isEqualTo(4);
        }
    }

    @Nested
    class Skip {
        @Test
        void dropsTheElementCountsItAndGoesOn() {
            Stream<String> source = Stream.create();
            Stream<Integer> parsed = source.map(Integer::parseInt).onError(ErrorPolicy.skip());
            List<Integer> out = parsed.sinkToList();
            for (String s : List.of("1", "x", "3", "", "5")) {
                source.emit(s);
            }
            assertThat(out).containsExactly(1, 3, 5);
            assertThat(parsed.stats().skipped()).isEqualTo(2);
            assertThat(parsed.stats().failed()).isZero();
        }

        @Test
        void keepsASourceGoing() {
            Source<Integer> source = Stream.fromIterable(List.of(1, 0, 5));
            List<Integer> out = source.map(x -> 10 / x).onError(ErrorPolicy.skip()).sinkToList();
            source.start();
            assertThat(out).containsExactly(10, 2);
        }

        @Test
        void releasesTheFailedElementsRefsOnce() {
            Stream<Integer> source = Stream.create();
            source.map(x -> 10 / x).onError(ErrorPolicy.skip()).sink(x -> { });
            RefCounter ref = new RefCounter();
            source.emit(0, Metadata.ref(ref));
            assertThat(ref.count()).isZero();
        }

        @Test
        void appliesToKeyFunctions() {
            Stream<String> source = Stream.create();
            Stream<List<String>> pairs = source.partition(2, s -> s.charAt(0)).onError(ErrorPolicy.skip());
            List<List<String>> out = pairs.sinkToList();
            for (String s : List.of("a1", "", "a2")) {
                source.emit(s);
            }
            assertThat(out).containsExactly(List.of("a1", "a2"));
            assertThat(pairs.stats().skipped()).isEqualTo(1);
        }

        @Test
        void asAGraphDefaultAppliesToNodesWithoutAPolicyOfTheirOwn() {
            Stream<Integer> source = Stream.create();
            Stream<Integer> lenient = source.map(x -> 20 / x);
            Stream<Integer> strict = source.map(x -> 10 / x).onError(ErrorPolicy.propagate());
            List<Integer> out = lenient.sinkToList();
            strict.sink(x -> { });
            source.onErrorDefault(ErrorPolicy.skip());
            assertThat(lenient.errorPolicy()).isEqualTo(ErrorPolicy.skip());
            assertThatThrownBy(() -> source.emit(0)).isInstanceOf(NodeException.class);
            assertThat(lenient.stats().skipped()).isEqualTo(1);
            source.emit(4);
            assertThat(out).containsExactly(5);
        }
    }

    @Nested
    class Route {
        @Test
        void sendsAFailureWithElementNodeErrorAndMetadataToErrors() {
            Stream<String> source = Stream.create();
            Stream<Integer> parsed = source.map(Integer::parseInt).named("parse");
            List<Integer> good = parsed.sinkToList();
            List<Failure> bad = parsed.errors().sinkToList();
            assertThat(parsed.errorPolicy()).isEqualTo(ErrorPolicy.route());
            RefCounter ref = new RefCounter();
            source.emit("1");
            source.emit("x", Metadata.ref(ref));
            assertThat(good).containsExactly(1);
            assertThat(bad).singleElement().satisfies(f -> {
                assertThat(f.element()).isEqualTo("x");
                assertThat(f.node()).isSameAs(parsed);
                assertThat(f.error()).isInstanceOf(NumberFormatException.class);
                assertThat(f.metadata()).containsExactlyElementsOf(Metadata.ref(ref));
                assertThat(f.attempts()).isEqualTo(1);
                assertThat(f.toString()).isEqualTo(
                        "Failure[map \"parse\" on \"x\": NumberFormatException: For input string: \"x\"]");
                assertThat(f.toException()).hasMessageContaining("map \"parse\"");
            });
            assertThat(parsed.stats().routed()).isEqualTo(1);
            assertThat(ref.count()).isZero();
        }

        @Test
        void holdsTheRefsUntilAnAsyncDeadLetterSinkIsDone() {
            Stream<Integer> source = Stream.create();
            Stream<Integer> divide = source.map(x -> 10 / x);
            divide.sink(x -> { });
            List<Integer> countsInsideTheSink = new ArrayList<>();
            CompletableFuture<Void> acked = new CompletableFuture<>();
            RefCounter ref = new RefCounter();
            divide.errors().sinkAsync(f -> {
                countsInsideTheSink.add(ref.count());
                return acked;
            });
            CompletableFuture<Void> done = source.emitAsync(0, Metadata.ref(ref));
            assertThat(done).isNotDone();            // the source waits for the dead letter
            // held by the source's emit and by the errors stream's emit into the sink
            assertThat(countsInsideTheSink).containsExactly(2);
            assertThat(ref.count()).isEqualTo(1);    // the source's emit holds it while the sink works
            acked.complete(null);
            assertThat(done).isCompleted();
            assertThat(ref.count()).isZero();
        }

        @Test
        void goesToTheGraphsErrorsWhenTheNodeHasNone() {
            Stream<Integer> source = Stream.create();
            Stream<Integer> a = source.map(x -> 10 / x).named("a");
            Stream<Integer> b = source.map(x -> 20 / x).named("b");
            a.sink(x -> { });
            b.sink(x -> { });
            List<String> all = new ArrayList<>();
            source.onErrorDefault(ErrorPolicy.route());
            source.allErrors().sink(f -> all.add(f.node().name()));
            assertThat(b.allErrors()).isSameAs(source.allErrors());
            source.emit(0);
            assertThat(all).containsExactly("a", "b");
        }

        @Test
        void withNowhereToGoItPropagates() {
            Stream<Integer> source = Stream.create();
            Stream<Integer> divide = source.map(x -> 10 / x).onError(ErrorPolicy.route());
            divide.sink(x -> { });
            assertThatThrownBy(() -> source.emit(0)).isInstanceOf(NodeException.class);
            assertThat(divide.stats().failed()).isEqualTo(1);
        }

        @Test
        void aFailingDeadLetterSinkPropagatesNamingItself() {
            Stream<Integer> source = Stream.create();
            Stream<Integer> divide = source.map(x -> 10 / x);
            divide.sink(x -> { });
            divide.errors().sink(f -> {
                throw new IllegalStateException("dead-letter store down");
            }).named("deadLetters");
            assertThatThrownBy(() -> source.emit(0))
                    .isInstanceOf(NodeException.class)
                    .hasMessageContaining("sink \"deadLetters\"");
        }

        @Test
        void timerFailuresReachTheErrorsStream() {
            Stream<Integer> source = Stream.create();
            Stream<Integer> sizes = source.timedWindow("100ms").map(l -> 10 / l.size());
            List<Integer> out = sizes.sinkToList();
            List<Object> bad = sizes.errors().map(Failure::element).sinkToList();
            try {
                clock.advanceTimeBy(Duration.ofMillis(50));   // the first, empty, window
                source.emit(1);
                clock.advanceTimeBy(Duration.ofMillis(150));  // [1] at 100ms, [] at 200ms
            } finally {
                source.destroy();
            }
            assertThat(out).containsExactly(10);
            assertThat(bad).containsExactly(List.of(), List.of());
        }

        @Test
        void errorsIsOneStreamPerNodeAndShowsInTheGraph() {
            Stream<Integer> source = Stream.create();
            Stream<Integer> m = source.map(x -> x);
            assertThat(m.errors()).isSameAs(m.errors());
            assertThat(source.graphNodes()).contains(m.errors());
            assertThat(m.errors().toString()).isEqualTo("errors(of=map)");
        }
    }

    @Nested
    class Retry {
        @Test
        void callsAnAsyncFunctionAgainAfterADoublingBackoff() {
            Stream<Integer> source = Stream.create();
            AtomicInteger calls = new AtomicInteger();
            List<Long> callTimes = new ArrayList<>();
            Stream<Integer> flaky = source.<Integer>mapAsync(x -> {
                callTimes.add(clock.now(java.util.concurrent.TimeUnit.MILLISECONDS));
                return calls.incrementAndGet() < 3
                        ? CompletableFuture.failedFuture(new IllegalStateException("try again"))
                        : CompletableFuture.completedFuture(x * 2);
            }).onError(ErrorPolicy.retry(5, "100ms"));
            List<Integer> out = flaky.sinkToList();
            CompletableFuture<Void> done = source.emitAsync(21);
            assertThat(done).isNotDone();
            clock.advanceTimeBy(Duration.ofMillis(100));
            assertThat(out).isEmpty();
            clock.advanceTimeBy(Duration.ofMillis(200));
            assertThat(out).containsExactly(42);
            assertThat(done).isCompleted();
            assertThat(callTimes).containsExactly(0L, 100L, 300L);
            assertThat(flaky.stats().retried()).isEqualTo(2);
        }

        @Test
        void afterTheLastAttemptAppliesItsOrElsePolicy() {
            Stream<Integer> source = Stream.create();
            Stream<Integer> broken = source.sinkAsync(x -> CompletableFuture.failedFuture(new IllegalStateException("down")))
                    .onError(ErrorPolicy.retry(3, "10ms").orElse(ErrorPolicy.route()));
            List<Failure> bad = broken.errors().sinkToList();
            RefCounter ref = new RefCounter();
            CompletableFuture<Void> done = source.emitAsync(7, Metadata.ref(ref));
            assertThat(ref.count()).isEqualTo(1);   // held across the attempts
            clock.advanceTimeBy(Duration.ofMillis(30));
            assertThat(done).isCompleted();
            assertThat(bad).singleElement().satisfies(f -> {
                assertThat(f.attempts()).isEqualTo(3);
                assertThat(f.toString()).endsWith("(after 3 attempts)]");
            });
            assertThat(ref.count()).isZero();
            assertThat(broken.stats().retried()).isEqualTo(2);
            assertThat(broken.stats().routed()).isEqualTo(1);
        }

        @Test
        void propagatesToEmitAsyncByDefaultAfterTheAttempts() {
            Stream<Integer> source = Stream.create();
            source.sinkAsync(x -> CompletableFuture.failedFuture(new IllegalStateException("down")))
                    .onError(ErrorPolicy.retry(2, "10ms"));
            CompletableFuture<Void> done = source.emitAsync(1);
            clock.advanceTimeBy(Duration.ofMillis(10));
            assertThat(done).isCompletedExceptionally();
            assertThatThrownBy(done::join).hasCauseInstanceOf(NodeException.class);
        }

        @Test
        void isRefusedBySynchronousNodes() {
            Stream<Integer> m = Stream.<Integer>create().map(x -> x);
            assertThatThrownBy(() -> m.onError(ErrorPolicy.retry(3, "1s")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("map: retry needs an asynchronous node");
        }

        @Test
        void asAGraphDefaultSynchronousNodesUseItsLastPolicy() {
            Stream<Integer> source = Stream.create();
            Stream<Integer> m = source.map(x -> 10 / x);
            m.sink(x -> { });
            source.onErrorDefault(ErrorPolicy.retry(3, "1s").orElse(ErrorPolicy.skip()));
            assertThat(m.errorPolicy()).isEqualTo(ErrorPolicy.skip());
            source.emit(0);
            assertThat(m.stats().skipped()).isEqualTo(1);
        }
    }

    @Nested
    class Policies {
        @Test
        void printAndCompareAsTyped() {
            assertThat(ErrorPolicy.retry(3, "100ms").orElse(ErrorPolicy.route()))
                    .hasToString("retry(3, 100ms) then route")
                    .isEqualTo(ErrorPolicy.retry(3, Duration.ofMillis(100)).orElse(ErrorPolicy.route()));
            assertThat(ErrorPolicy.skip()).hasToString("skip");
            assertThat(ErrorPolicy.retry(2, "1.5s").backoff()).isEqualTo(Duration.ofMillis(1500));
            assertThat(ErrorPolicy.route().last()).isEqualTo(ErrorPolicy.route());
        }

        @Test
        void rejectBadArguments() {
            assertThatThrownBy(() -> ErrorPolicy.retry(0, "1s"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("retry: maxAttempts must be >= 1, was 0");
            assertThatThrownBy(() -> ErrorPolicy.retry(2, "-1s"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("retry: backoff: Invalid interval \"-1s\": must be positive");
            assertThatThrownBy(() -> ErrorPolicy.retry(2, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backoff must be > 0");
            assertThatThrownBy(() -> ErrorPolicy.skip().orElse(ErrorPolicy.route()))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> ErrorPolicy.retry(2, "1s").orElse(ErrorPolicy.retry(2, "1s")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Stream.create().onError(null))
                    .isInstanceOf(NullPointerException.class).hasMessage("stream: policy is null");
        }
    }
}
