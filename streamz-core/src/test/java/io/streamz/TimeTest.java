package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.testing.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/** timedWindow, timedWindowUnique, delay, rateLimit, buffer, latest and fromPeriodic, on virtual time. */
class TimeTest {
    @RegisterExtension
    final VirtualClock clock = new VirtualClock();

    private static List<Map<String, Object>> ref(RefCounter r) {
        return List.of(Map.of("ref", r));
    }

    /** An asynchronous sink that takes {@code millis} of virtual time per element. */
    private static <T> Function<T, CompletableFuture<Void>> slow(long millis, List<T> done) {
        return x -> Mono.delay(Duration.ofMillis(millis)).doOnNext(t -> done.add(x)).then().toFuture();
    }

    // ------------------------------------------------------------------ timedWindow

    @Test
    void timedWindowEmitsOnEveryTickAnEmptyListWhenNothingArrived() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> out = source.timedWindow("1s").sinkToList();
        source.emit(1);
        source.emit(2);
        assertThat(out).containsExactly(List.of());   // as streamz, an empty window as soon as it is wired
        clock.advance(2000);
        assertThat(out).containsExactly(List.of(), List.of(1, 2), List.of());
    }

    @Test
    void timedWindowGroupsWhatArrivedWithinEachInterval() {
        // streamz test_timed_window: one element every 4ms, windows of 10ms
        Stream<Integer> source = Stream.create();
        List<List<Integer>> out = source.timedWindow(Duration.ofMillis(10)).sinkToList();
        for (int i = 0; i < 10; i++) {
            source.emit(i);
            clock.advance(4);
        }
        clock.advance(10);
        assertThat(out.stream().flatMap(List::stream)).containsExactlyElementsOf(
                IntStream.range(0, 10).boxed().collect(Collectors.toList()));
        assertThat(out).allSatisfy(w -> assertThat(w).hasSizeLessThanOrEqualTo(3));
        assertThat(out).anySatisfy(w -> assertThat(w).hasSizeGreaterThanOrEqualTo(2));
        clock.advance(100);
        assertThat(out.get(out.size() - 1)).isEmpty();
    }

    @Test
    void timedWindowHoldsRefsUntilTheWindowWasEmitted() {
        Stream<Integer> source = Stream.create();
        source.timedWindow("10ms");
        RefCounter ref1 = new RefCounter();
        source.emit(1, ref(ref1));
        assertThat(ref1.count()).isEqualTo(1);
        clock.advance(50);
        RefCounter ref2 = new RefCounter();
        source.emit(2, ref(ref2));
        assertThat(ref1.count()).isZero();
        assertThat(ref2.count()).isEqualTo(1);
    }

    @Test
    void timedWindowPassesTheMetadataOfItsElements() {
        Stream<Integer> source = Stream.create();
        List<List<Map<String, Object>>> seen = new ArrayList<>();
        new Stream<List<Integer>>(source.timedWindow("60ms")) {
            @Override
            protected CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
                if (!metadata.isEmpty()) {
                    seen.add(metadata);   // as streamz's test, which records non-empty metadata
                }
                return null;
            }
        };
        source.emit(0);
        source.emit(1, List.of(Map.of("v", 1)));
        clock.advance(100);
        source.emit(2, List.of(Map.of("v", 2)));
        source.emit(3, List.of(Map.of("v", 3)));
        clock.advance(100);
        assertThat(seen).containsExactly(List.of(Map.of("v", 1)), List.of(Map.of("v", 2), Map.of("v", 3)));
    }

    @Test
    void timedWindowWaitsForAsyncDownstreamBeforeTheNextTick() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> done = new ArrayList<>();
        source.timedWindow("10ms").sinkAsync(slow(100, done));
        CompletableFuture<Void> emitted = source.emitAsync(1);   // the first, empty, window goes to the sink
        assertThat(emitted).isDone();   // the window holds, it never blocks emit
        clock.advance(100);                // [] is written at 100ms; the next tick is at 110ms
        assertThat(done).containsExactly(List.of());
        source.emit(2);
        clock.advance(10);                 // [1, 2] goes to the sink
        source.emit(3);
        clock.advance(100);                // [1, 2] is written at 210ms; the next tick is at 220ms
        assertThat(done).containsExactly(List.of(), List.of(1, 2));
        clock.advance(9);
        source.emit(4);
        clock.advance(1);
        clock.advance(100);
        assertThat(done).containsExactly(List.of(), List.of(1, 2), List.of(3, 4));
    }

    @Test
    void timedWindowDestroyStopsTicksAndReleasesRefs() {
        Stream<Integer> source = Stream.create();
        Stream<List<Integer>> window = source.timedWindow("10ms");
        List<List<Integer>> out = window.sinkToList();
        RefCounter ref = new RefCounter();
        source.emit(1, ref(ref));
        window.destroy();
        assertThat(ref.count()).isZero();
        clock.advance(100);
        assertThat(out).containsExactly(List.of());
    }

    @Test
    void timedWindowRejectsBadIntervals() {
        Stream<Integer> source = Stream.create();
        assertThatThrownBy(() -> source.timedWindow("10 parsecs"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("timedWindow: interval: Invalid interval \"10 parsecs\"");
        assertThatThrownBy(() -> source.timedWindow((String) null))
                .isInstanceOf(NullPointerException.class).hasMessage("timedWindow: interval is null");
        assertThatThrownBy(() -> source.timedWindow(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timedWindow: interval");
        assertThatThrownBy(() -> source.timedWindow(Duration.ofSeconds(1), null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("timedWindow: scheduler");
        assertThat(source.timedWindow("50ms")).hasToString("timedWindow(interval=50ms)");
    }

    @Test
    void intervalsArePrintedAsTyped() {
        Stream<Integer> source = Stream.create();
        assertThat(source.rateLimit("500ms")).hasToString("rateLimit(interval=500ms)");
        assertThat(source.delay("1.5s")).hasToString("delay(interval=1500ms)");
        assertThat(source.timedWindow("2h")).hasToString("timedWindow(interval=2h)");
        assertThat(source.partition(3, "90s")).hasToString("partition(n=3, timeout=90s)");
        assertThat(source.rateLimit("250us")).hasToString("rateLimit(interval=250us)");
    }

    @Test
    void timedWindowUsesTheSchedulerItIsGiven() {
        VirtualTimeScheduler other = VirtualTimeScheduler.create();
        Stream<Integer> source = Stream.create();
        List<List<Integer>> out = source.timedWindow(Duration.ofSeconds(1), other).sinkToList();
        source.emit(1);
        clock.advance(5000);
        assertThat(out).containsExactly(List.of());
        other.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(out).containsExactly(List.of(), List.of(1));
    }

    // ------------------------------------------------------------------ timedWindowUnique

    private <T> List<List<T>> uniqueWindows(Function<Stream<T>, Stream<List<T>>> node, List<T> elements) {
        Stream<T> source = Stream.create();
        List<List<T>> out = node.apply(source).sinkToList();
        elements.forEach(source::emit);
        clock.advance(50);
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).isEmpty();
        clock.advance(50);
        assertThat(out.get(2)).isEmpty();
        return List.of(out.get(1));
    }

    @Test
    void timedWindowUniqueKeepsTheFirstOrLastElementOfEachKey() {
        List<Integer> ints = List.of(1, 2, 1, 3, 1, 3, 3, 2);
        assertThat(uniqueWindows(s -> s.timedWindowUnique("50ms", x -> x, "first"), ints))
                .containsExactly(List.of(1, 2, 3));
        assertThat(uniqueWindows(s -> s.timedWindowUnique("50ms", x -> x, "last"), ints))
                .containsExactly(List.of(1, 3, 2));
        List<String> strings = List.of("f", "fo", "f", "foo", "f", "foo", "foo", "fo");
        assertThat(uniqueWindows(s -> s.timedWindowUnique("50ms", String::length, "last"), strings))
                .containsExactly(List.of("f", "foo", "fo"));
    }

    @Test
    void timedWindowUniqueReadsAMapFieldAsKey() {
        Map<String, Object> a = Map.of("id", 0, "foo", "bar");
        Map<String, Object> b = Map.of("id", 1, "foo", "bat");
        Map<String, Object> c = Map.of("id", 0, "foo", "baz");
        assertThat(uniqueWindows(s -> s.timedWindowUnique("50ms", "id", "first"), List.of(a, b, c)))
                .containsExactly(List.of(a, b));
        assertThat(uniqueWindows(s -> s.timedWindowUnique("50ms", "id", "last"), List.of(a, b, c)))
                .containsExactly(List.of(b, c));
    }

    @Test
    void timedWindowUniqueTakesKeepTyped() {
        List<Integer> ints = List.of(1, 2, 1, 3, 1, 3, 3, 2);
        assertThat(uniqueWindows(s -> s.timedWindowUnique("50ms", x -> x, Keep.FIRST), ints))
                .containsExactly(List.of(1, 2, 3));
        assertThat(uniqueWindows(s -> s.timedWindowUnique(Duration.ofMillis(50), x -> x, Keep.LAST), ints))
                .containsExactly(List.of(1, 3, 2));
        Map<String, Object> a = Map.of("id", 0, "foo", "bar");
        Map<String, Object> c = Map.of("id", 0, "foo", "baz");
        assertThat(uniqueWindows(s -> s.timedWindowUnique("50ms", "id", Keep.LAST), List.of(a, c)))
                .containsExactly(List.of(c));
        Stream<Integer> source = Stream.create();
        assertThat(source.timedWindowUnique("50ms", x -> x, Keep.LAST))
                .hasToString("timedWindowUnique(interval=50ms, keep=last)");
        assertThatThrownBy(() -> source.timedWindowUnique("50ms", x -> x, (Keep) null))
                .isInstanceOf(NullPointerException.class).hasMessage("timedWindowUnique: keep is null");
    }

    @Test
    void timedWindowUniqueReleasesReplacedElementsAtOnceAndKeptOnesAfterTheTick() {
        Stream<Integer> source = Stream.create();
        source.timedWindowUnique(Duration.ofMillis(10), x -> x % 2, "last");
        RefCounter first = new RefCounter();
        RefCounter second = new RefCounter();
        source.emit(1, ref(first));
        source.emit(3, ref(second));
        assertThat(first.count()).isZero();
        assertThat(second.count()).isEqualTo(1);
        clock.advance(10);
        assertThat(second.count()).isZero();

        Stream<Integer> other = Stream.create();
        other.timedWindowUnique(Duration.ofMillis(10), x -> x % 2, "first");
        RefCounter kept = new RefCounter();
        RefCounter ignored = new RefCounter();
        other.emit(1, ref(kept));
        other.emit(3, ref(ignored));
        assertThat(kept.count()).isEqualTo(1);
        assertThat(ignored.count()).isZero();
    }

    @Test
    void timedWindowUniqueRejectsBadArgumentsAndReportsKeyFailures() {
        Stream<Object> source = Stream.create();
        assertThatThrownBy(() -> source.timedWindowUnique("1s", x -> x, "newest"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timedWindowUnique: keep must be \"first\" or \"last\", was \"newest\"");
        source.timedWindowUnique("1s", "id", "first");
        assertThatThrownBy(() -> source.emit("plain"))
                .isInstanceOf(NodeException.class)
                .hasMessageContaining("timedWindowUnique")
                .hasMessageContaining("\"plain\"")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> source.emit(Map.of("name", 1)))
                .isInstanceOf(NodeException.class)
                .hasRootCauseMessage("no field \"id\" in [name]");
    }

    // ------------------------------------------------------------------ delay

    @Test
    void delayEmitsEachElementIntervalAfterItArrivedInOrder() {
        // streamz test_delay, and the exact times
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.delay("20ms").sinkToList();
        for (int i = 0; i < 5; i++) {
            source.emit(i);
            clock.advance(5);
        }
        assertThat(out).containsExactly(0, 1);   // t = 25: arrived at 0 and 5, due at 20 and 25
        clock.advance(4);
        assertThat(out).containsExactly(0, 1);
        clock.advance(1);      // t = 30
        assertThat(out).containsExactly(0, 1, 2);
        clock.advance(100);
        assertThat(out).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void delayNeverBlocksEmitAndKeepsOrderBehindASlowDownstream() {
        Stream<Integer> source = Stream.create();
        List<Integer> done = new ArrayList<>();
        source.delay(Duration.ofMillis(10)).sinkAsync(slow(30, done));
        for (int i = 0; i < 3; i++) {
            assertThat(source.emitAsync(i)).isDone();
        }
        clock.advance(10 + 30);
        assertThat(done).containsExactly(0);
        clock.advance(30);
        assertThat(done).containsExactly(0, 1);
        clock.advance(30);
        assertThat(done).containsExactly(0, 1, 2);
    }

    @Test
    void delayHoldsRefsUntilEmitted() {
        // streamz test_delay_ref_counts
        Stream<Integer> source = Stream.create();
        source.delay("10ms");
        List<RefCounter> refs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            RefCounter r = new RefCounter();
            refs.add(r);
            source.emit(i, ref(r));
        }
        assertThat(refs).allSatisfy(r -> assertThat(r.count()).isEqualTo(1));
        clock.advance(50);
        assertThat(refs).allSatisfy(r -> assertThat(r.count()).isZero());
    }

    @Test
    void delayDestroyReleasesWaitingElements() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> delayed = source.delay("10ms");
        List<Integer> out = delayed.sinkToList();
        RefCounter r = new RefCounter();
        source.emit(1, ref(r));
        delayed.destroy();
        assertThat(r.count()).isZero();
        clock.advance(20);
        assertThat(out).isEmpty();
    }

    @Test
    void delayRejectsBadIntervals() {
        Stream<Integer> source = Stream.create();
        assertThatThrownBy(() -> source.delay("-1s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("delay: interval: Invalid interval \"-1s\": must be positive");
        assertThatThrownBy(() -> source.delay("soon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("delay: interval: Invalid interval \"soon\"");
        assertThatThrownBy(() -> source.rateLimit("often"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("rateLimit: interval: Invalid interval \"often\"");
        assertThatThrownBy(() -> Stream.fromPeriodic(() -> 1, "hourly"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("fromPeriodic: interval: Invalid interval \"hourly\"");
        assertThatThrownBy(() -> source.delay(Duration.ofSeconds(-1)))
                .hasMessage("delay: interval must be > 0, was -1s");
    }

    @Test
    void repeatingTimersRefuseIntervalsBelowOneMillisecondNamingTheNodeAndTheValue() {
        Stream<Integer> source = Stream.create();
        assertThatThrownBy(() -> source.timedWindow("1ns")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timedWindow: interval must be >= 1ms (the shortest repeating timer), was 1ns");
        assertThatThrownBy(() -> source.timedWindowUnique("999us", x -> x, "first"))
                .hasMessage("timedWindowUnique: interval must be >= 1ms (the shortest repeating timer), was 999us");
        assertThatThrownBy(() -> Stream.fromPeriodic(() -> 1, "0.5ms"))
                .hasMessage("fromPeriodic: interval must be >= 1ms (the shortest repeating timer), was 500us");
        assertThatThrownBy(() -> Stream.filenames("*.txt", "10us"))
                .hasMessage("filenames: pollInterval must be >= 1ms (the shortest repeating timer), was 10us");
        assertThatThrownBy(() -> TextfileOptions.defaults().withPollInterval("1ns"))
                .hasMessage("fromTextfile: pollInterval must be >= 1ms (the shortest repeating timer), was 1ns");
        assertThatThrownBy(() -> source.timedWindow(Duration.ZERO)).hasMessage("timedWindow: interval must be > 0, was 0s");
    }

    @Test
    void theShortestTimerTicksEveryMillisecondAndOneShotTimersHaveNoMinimum() {
        Stream<Integer> source = Stream.create();
        List<List<Integer>> windows = source.timedWindow("1ms").sinkToList();
        List<Integer> delayed = source.delay("250us").sinkToList();
        source.emit(1);
        clock.advanceTimeBy(Duration.ofMillis(1));
        assertThat(windows).containsExactly(List.of(), List.of(1));
        assertThat(delayed).containsExactly(1);
    }

    // ------------------------------------------------------------------ rateLimit

    @Test
    void rateLimitHoldsNoRefOfItsOwnBehindABufferAsStreamz() {
        // streamz: buffer holds each waiting element once; rate_limit holds nothing itself
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.buffer(5).rateLimit("200ms").sinkToList();
        List<RefCounter> refs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RefCounter r = new RefCounter();
            refs.add(r);
            source.emit(i, ref(r));
        }
        assertThat(out).containsExactly(0);
        assertThat(refs).extracting(RefCounter::count).containsExactly(0, 1, 1);   // 1 waits in rateLimit
        clock.advance(200);
        assertThat(out).containsExactly(0, 1);
        assertThat(refs).extracting(RefCounter::count).containsExactly(0, 0, 1);
        clock.advance(200);
        assertThat(refs).extracting(RefCounter::count).containsExactly(0, 0, 0);
    }

    @Test
    void rateLimitFedByEmitKeepsTheRefWhileTheElementWaits() {
        // streamz releases it as soon as rate_limit returns, before the element went on: a
        // source committing on refs would commit too early; here the emit holds it meanwhile
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.rateLimit("200ms").sinkToList();
        source.emit(0);
        RefCounter waiting = new RefCounter();
        CompletableFuture<Void> done = source.emitAsync(1, ref(waiting));
        assertThat(out).containsExactly(0);
        assertThat(waiting.count()).isEqualTo(1);
        clock.advance(200);
        assertThat(out).containsExactly(0, 1);
        assertThat(done).isDone();
        assertThat(waiting.count()).isZero();
    }

    @Test
    void rateLimitSpacesElementsByTheInterval() {
        // streamz test_rate_limit: five elements through 50ms take over 200ms
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.rateLimit("50ms").sinkToList();
        List<CompletableFuture<Void>> emits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            emits.add(source.emitAsync(i));
        }
        assertThat(out).containsExactly(0);
        assertThat(emits.get(0)).isDone();
        assertThat(emits.get(1)).isNotDone();
        clock.advance(199);
        assertThat(out).containsExactly(0, 1, 2, 3);
        assertThat(emits.get(4)).isNotDone();
        clock.advance(1);
        assertThat(out).containsExactly(0, 1, 2, 3, 4);
        assertThat(emits).allSatisfy(f -> assertThat(f).isDone());
        clock.advance(60);
        source.emit(5);   // a slot is free again: passes at once
        assertThat(out).endsWith(5);
    }

    @Test
    void rateLimitHoldsWaitingRefsAndReportsDownstreamFailuresToTheEmit() {
        Stream<Integer> source = Stream.create();
        source.rateLimit("10ms").map(x -> 10 / x);
        source.emit(1);
        RefCounter r = new RefCounter();
        CompletableFuture<Void> failing = source.emitAsync(0, ref(r));
        assertThat(r.count()).isEqualTo(1);
        clock.advance(10);
        assertThat(r.count()).isZero();
        assertThat(failing).isCompletedExceptionally();
        assertThatThrownBy(failing::join).hasCauseInstanceOf(NodeException.class);
    }

    // ------------------------------------------------------------------ buffer

    @Test
    void bufferLetsElementsPileUpAndBlocksOnlyWhenFull() {
        // streamz test_buffer: ten elements fill buffer(10) at once, the next ones wait
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.map(x -> x + 1).buffer(10).map(x -> x + 1).rateLimit("50ms").sinkToList();
        for (int i = 0; i < 10; i++) {
            assertThat(source.emitAsync(i)).isDone();
        }
        assertThat(out).containsExactly(2);   // the first passes rateLimit at once
        // the second waits in rateLimit; 2..9 wait in the buffer, and 10 and 11 fill it
        CompletableFuture<Void> a = source.emitAsync(10);
        CompletableFuture<Void> b = source.emitAsync(11);
        CompletableFuture<Void> c = source.emitAsync(12);
        assertThat(a).isDone();
        assertThat(b).isDone();
        assertThat(c).isNotDone();
        clock.advance(50);
        assertThat(out).containsExactly(2, 3);
        assertThat(c).isDone();
        clock.advance(1000);
        assertThat(out).containsExactlyElementsOf(IntStream.range(2, 15).boxed().collect(Collectors.toList()));
    }

    @Test
    void bufferHoldsRefsUntilElementsLeave() {
        Stream<Integer> source = Stream.create();
        List<Integer> done = new ArrayList<>();
        source.buffer(5).sinkAsync(slow(10, done));
        List<RefCounter> refs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            RefCounter r = new RefCounter();
            refs.add(r);
            source.emitAsync(i, ref(r));
        }
        assertThat(refs).allSatisfy(r -> assertThat(r.count()).isGreaterThanOrEqualTo(1));
        clock.advance(10);
        assertThat(refs.get(0).count()).isZero();
        assertThat(refs.get(1).count()).isPositive();
        clock.advance(50);
        assertThat(refs).allSatisfy(r -> assertThat(r.count()).isZero());
        assertThat(done).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void bufferIsTransparentForSynchronousDownstreamsAndRejectsBadSizes() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.buffer(1).sinkToList();
        source.emit(1);
        source.emit(2);
        assertThat(out).containsExactly(1, 2);
        assertThatThrownBy(() -> source.buffer(0)).hasMessage("buffer: n must be >= 1, was 0");
    }

    // ------------------------------------------------------------------ latest

    @Test
    void latestSendsTheNewestHeldElementWhenTheDownstreamIsFree() {
        // streamz test_latest
        Stream<Integer> source = Stream.create();
        List<Integer> done = new ArrayList<>();
        source.map(x -> x + 1).latest().sinkAsync(slow(50, done));
        source.emit(1);
        clock.advance(10);
        source.emit(2);
        source.emit(3);
        clock.advance(40);
        assertThat(done).containsExactly(2);
        clock.advance(50);
        assertThat(done).containsExactly(2, 4);
        clock.advance(60);
        assertThat(done).containsExactly(2, 4);
    }

    @Test
    void latestHoldsTheNewestElementUntilANewerOneArrives() {
        // streamz test_latest_ref_counts
        Stream<Integer> source = Stream.create();
        source.latest();
        RefCounter ref1 = new RefCounter();
        source.emit(1, ref(ref1));
        assertThat(ref1.count()).isEqualTo(1);
        RefCounter ref2 = new RefCounter();
        source.emit(2, ref(ref2));
        assertThat(ref1.count()).isZero();
        assertThat(ref2.count()).isEqualTo(1);
    }

    @Test
    void latestReleasesDroppedElementsWhileTheDownstreamIsBusy() {
        Stream<Integer> source = Stream.create();
        List<Integer> done = new ArrayList<>();
        source.latest().sinkAsync(slow(10, done));
        source.emit(0);
        RefCounter ref1 = new RefCounter();
        source.emit(1, ref(ref1));
        RefCounter ref2 = new RefCounter();
        source.emit(2, ref(ref2));
        assertThat(ref1.count()).isZero();       // dropped, never sent
        assertThat(ref2.count()).isEqualTo(1);
        clock.advance(10);
        assertThat(ref2.count()).isEqualTo(2);   // held by latest and by the sink writing it
        clock.advance(10);
        assertThat(ref2.count()).isEqualTo(1);   // still the latest
        assertThat(done).containsExactly(0, 2);
        source.emit(3);
        assertThat(ref2.count()).isZero();
    }

    @Test
    void latestPassesElementsThroughWhenTheDownstreamIsSynchronous() {
        Stream<Integer> source = Stream.create();
        Stream<Integer> latest = source.latest();
        List<Integer> out = latest.sinkToList();
        RefCounter r = new RefCounter();
        source.emit(1, ref(r));
        source.emit(2);
        assertThat(out).containsExactly(1, 2);
        assertThat(r.count()).isZero();
        RefCounter last = new RefCounter();
        source.emit(3, ref(last));
        latest.destroy();
        assertThat(last.count()).isZero();
    }

    // ------------------------------------------------------------------ metadata through every holder

    @Test
    void holdersPassEachElementsMetadataOn() {
        Stream<Integer> source = Stream.create();
        List<List<Map<String, Object>>> delayed = Metadata.of(source.delay("10ms")).sinkToList();
        List<List<Map<String, Object>>> limited = Metadata.of(source.rateLimit("10ms")).sinkToList();
        List<List<Map<String, Object>>> buffered = Metadata.of(source.buffer(2)).sinkToList();
        List<List<Map<String, Object>>> latest = Metadata.of(source.latest()).sinkToList();
        List<List<Map<String, Object>>> unique = Metadata.of(source.timedWindowUnique("10ms", x -> x, "first"))
                .sinkToList();
        List<List<Map<String, Object>>> mapped = Metadata.of(source.mapAsync(x -> Mono.just(x).toFuture()))
                .sinkToList();
        source.emitAsync(0);
        source.emitAsync(1, Metadata.v(1));
        source.emitAsync(2, Metadata.v(2));
        clock.advance(100);
        List<List<Map<String, Object>>> each = List.of(Metadata.v(1), Metadata.v(2));
        assertThat(delayed).isEqualTo(each);
        assertThat(limited).isEqualTo(each);
        assertThat(buffered).isEqualTo(each);
        assertThat(latest).isEqualTo(each);
        assertThat(mapped).isEqualTo(each);
        assertThat(unique).containsExactly(List.of(Map.of("v", 1), Map.of("v", 2)));
    }

    // ------------------------------------------------------------------ fromPeriodic

    @Test
    void fromPeriodicCallsAtStartThenEveryIntervalUntilStopped() {
        AtomicInteger counter = new AtomicInteger();
        Source<Integer> ticks = Stream.fromPeriodic(counter::incrementAndGet, "1s");
        List<Integer> out = ticks.sinkToList();
        clock.advance(5000);
        assertThat(out).isEmpty();   // nothing before start()
        ticks.start();
        assertThat(out).containsExactly(1);
        clock.advance(2000);
        assertThat(out).containsExactly(1, 2, 3);
        ticks.stop();
        clock.advance(5000);
        assertThat(out).containsExactly(1, 2, 3);
        ticks.start();
        assertThat(out).containsExactly(1, 2, 3, 4);
        clock.advance(1000);
        assertThat(out).containsExactly(1, 2, 3, 4, 5);
        ticks.stop();
    }

    @Test
    void fromPeriodicWaitsForAsyncDownstreamBeforeTheNextCall() {
        Source<Boolean> ticks = Stream.fromPeriodic(() -> true, Duration.ofMillis(100));
        List<Boolean> done = new ArrayList<>();
        ticks.sinkAsync(slow(50, done));
        ticks.start();
        clock.advance(149);
        assertThat(done).hasSize(1);
        clock.advance(1);
        assertThat(done).hasSize(1);   // the second call, at 150ms, has just started its sink
        clock.advance(50);
        assertThat(done).hasSize(2);
        ticks.stop();
    }

    @Test
    void fromPeriodicDefaultsToStreamzsTenthOfASecond() {
        Source<String> ticks = Stream.fromPeriodic(() -> "tick");
        List<String> out = ticks.sinkToList();
        ticks.start();
        clock.advance(350);
        ticks.stop();
        assertThat(out).hasSize(4);
    }

    @Test
    void fromPeriodicRejectsBadArguments() {
        assertThatThrownBy(() -> Stream.fromPeriodic(null, "1s"))
                .isInstanceOf(NullPointerException.class).hasMessage("fromPeriodic: supplier is null");
        assertThatThrownBy(() -> Stream.fromPeriodic(() -> 1, "soon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"soon\"");
    }
}
