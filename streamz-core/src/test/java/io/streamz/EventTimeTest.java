package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.testing.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Event time: timestamps in metadata, watermarks, idleness, and how joins combine them. */
class EventTimeTest {
    @RegisterExtension
    final VirtualClock clock = new VirtualClock();

    private static Instant t(long seconds) {
        return Instant.EPOCH.plusSeconds(seconds);
    }

    /** The log entry of a watermark at {@code seconds} minus a nanosecond (a bounded generator's). */
    private static String w(long seconds) {
        return "W" + (seconds - 1);
    }

    /** Sends {@link Signal#idle()} from {@code s}, as a watermark generator does. */
    private static void idle(Stream<?> s) {
        s.enterGraph(() -> s.emitSignal(Signal.idle()));
    }

    @Nested
    class EventTimeInMetadata {
        @Test
        void withAddsAnEntryAndOfReadsTheLastOne() {
            RefCounter ref = new RefCounter();
            List<Map<String, Object>> md = EventTime.with(Metadata.ref(ref), t(5));
            assertThat(md).containsExactly(Map.of("ref", ref), Map.of("eventTime", t(5)));
            assertThat(EventTime.of(md)).isEqualTo(t(5));
            assertThat(EventTime.of(EventTime.with(md, t(7)))).isEqualTo(t(7));
            assertThat(EventTime.of(List.of())).isNull();
            assertThat(EventTime.with(List.of(), t(1))).containsExactly(Map.of("eventTime", t(1)));
            assertThatThrownBy(() -> md.add(Map.of())).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void ofRefusesAnEntryThatIsNotAnInstant() {
            assertThatThrownBy(() -> EventTime.of(List.of(Map.of("eventTime", 5L))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("EventTime.of: \"eventTime\" must be an Instant, was java.lang.Long 5");
            assertThatThrownBy(() -> EventTime.of(null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> EventTime.with(List.of(), null)).hasMessageContaining("time is null");
        }

        @Test
        void withTimestampsAddsTheTimeAndStatelessNodesKeepIt() {
            Stream<Long> source = Stream.create();
            RefCounter ref = new RefCounter();
            List<List<Map<String, Object>>> seen = Metadata.of(
                    source.withTimestamps(Instant::ofEpochSecond, "1s").map(x -> x * 2).filter(x -> x > 0)).sinkToList();
            source.emit(3L, Metadata.ref(ref));
            assertThat(seen).containsExactly(List.of(Map.of("ref", ref), Map.of("eventTime", t(3))));
            assertThat(ref.count()).isZero();
        }

        @Test
        void withTimestampsTakesTheTimeInTheMetadataWithoutAFunction() {
            Stream<String> source = Stream.create();
            List<List<Map<String, Object>>> seen = Metadata.of(
                    source.withTimestamps(WatermarkStrategy.boundedOutOfOrderness("1s"))).sinkToList();
            List<Map<String, Object>> md = EventTime.with(List.of(), t(9));
            source.emit("a", md);
            assertThat(seen).containsExactly(md);
        }
    }

    @Nested
    class Watermarks {
        @Test
        void trailTheNewestTimeByTheBoundAndAreSentEveryIntervalWhenTheyGrow() {
            Stream<Long> source = Stream.create();
            SignalsTest.Recorder rec = new SignalsTest.Recorder(source.withTimestamps(Instant::ofEpochSecond, "2s"));
            source.emit(10L);
            source.emit(7L);
            assertThat(rec.log).containsExactly("10", "7");
            clock.advance(200);
            assertThat(rec.log).containsExactly("10", "7", w(8));
            source.emit(9L);    // older than the newest: the watermark does not move
            clock.advance(200);
            assertThat(rec.log).containsExactly("10", "7", w(8), "9");
            source.emit(15L);
            clock.advance(199);
            assertThat(rec.log).containsExactly("10", "7", w(8), "9", "15");
            clock.advance(1);
            assertThat(rec.log).containsExactly("10", "7", w(8), "9", "15", w(13));
        }

        @Test
        void aWatermarkIsTheNewestTimeMinusTheBoundMinusANanosecond() {
            Stream<Long> source = Stream.create();
            List<Instant> marks = new ArrayList<>();
            new Stream<Object>(source.withTimestamps(Instant::ofEpochSecond, Duration.ofSeconds(5))) {
                @Override
                protected java.util.concurrent.CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
                    marks.add(((Signal.Watermark) signal).time());
                    return null;
                }
            };
            source.emit(10L);
            clock.advance(200);
            assertThat(marks).containsExactly(Instant.parse("1970-01-01T00:00:04.999999999Z"));
        }

        @Test
        void theStrategySetsTheIntervalAndTheScheduler() {
            VirtualTimeScheduler own = VirtualTimeScheduler.create();
            Stream<Long> source = Stream.create();
            SignalsTest.Recorder rec = new SignalsTest.Recorder(source.withTimestamps(Instant::ofEpochSecond,
                    WatermarkStrategy.boundedOutOfOrderness("0s").withInterval("1s").withScheduler(own)));
            source.emit(4L);
            clock.advance(5000);      // the global clock: not this node's
            assertThat(rec.log).containsExactly("4");
            own.advanceTimeBy(Duration.ofMillis(999));
            assertThat(rec.log).containsExactly("4");
            own.advanceTimeBy(Duration.ofMillis(1));
            assertThat(rec.log).containsExactly("4", w(4));
        }

        @Test
        void aGeneratorOfYourOwnIsAskedEveryInterval() {
            Stream<Long> source = Stream.create();
            List<Long> seen = new ArrayList<>();
            WatermarkStrategy<Long> everySecondElement = WatermarkStrategy.of(() -> new WatermarkGenerator<Long>() {
                private Instant last;

                @Override
                public void onEvent(Long x, Instant time) {
                    seen.add(x);
                    last = x % 2 == 0 ? time : last;
                }

                @Override
                public Instant currentWatermark() {
                    return last;
                }
            });
            SignalsTest.Recorder rec = new SignalsTest.Recorder(source.withTimestamps(Instant::ofEpochSecond, everySecondElement));
            source.emit(1L);
            clock.advance(200);
            source.emit(4L);
            source.emit(5L);
            clock.advance(200);
            assertThat(seen).containsExactly(1L, 4L, 5L);
            assertThat(rec.log).containsExactly("1", "4", "5", "W4");
        }

        @Test
        void upstreamWatermarksAreReplacedAndTheEndGoesOnAndStopsTheTimer() {
            Stream<Long> source = Stream.create();
            SignalsTest.Recorder rec = new SignalsTest.Recorder(source.withTimestamps(Instant::ofEpochSecond, "0s"));
            source.emitWatermark(t(100));
            source.emit(3L);
            source.emitEnd();
            clock.advance(1000);
            assertThat(rec.log).containsExactly("3", "end");
            source.emit(8L);    // a new run: the timer starts again
            clock.advance(200);
            assertThat(rec.log).containsExactly("3", "end", "8", w(8));
        }

        @Test
        void aFailingOrNullTimeIsAFailureOfTheNode() {
            Stream<Long> source = Stream.create();
            Stream<Long> timed = source.withTimestamps(x -> x < 0 ? null : Instant.ofEpochSecond(10 / x), "1s");
            List<Long> out = timed.sinkToList();
            assertThatThrownBy(() -> source.emit(0L))
                    .isInstanceOf(NodeException.class)
                    .hasMessageContaining("withTimestamps")
                    .hasRootCauseInstanceOf(ArithmeticException.class);
            assertThatThrownBy(() -> source.emit(-1L))
                    .isInstanceOf(NodeException.class)
                    .hasRootCauseMessage("the time function returned null");
            timed.onError(ErrorPolicy.skip());
            source.emit(0L);
            source.emit(5L);
            assertThat(out).containsExactly(5L);
            assertThat(timed.stats().skipped()).isEqualTo(1);
        }

        @Test
        void anElementWithoutATimeInItsMetadataIsAFailure() {
            Stream<String> source = Stream.create();
            source.withTimestamps(WatermarkStrategy.monotonousTimestamps()).sink(x -> { });
            assertThatThrownBy(() -> source.emit("a"))
                    .isInstanceOf(NodeException.class)
                    .hasRootCauseMessage("the element has no event time in its metadata: give withTimestamps a time function");
        }

        @Test
        void badArgumentsFailWhileTheGraphIsBuilt() {
            Stream<Long> source = Stream.create();
            assertThatThrownBy(() -> source.withTimestamps(Instant::ofEpochSecond, "-1s"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("withTimestamps: maxOutOfOrderness: Invalid interval \"-1s\": must be positive");
            assertThatThrownBy(() -> source.withTimestamps(Instant::ofEpochSecond, "5 parsecs"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("withTimestamps: maxOutOfOrderness: Invalid interval \"5 parsecs\"");
            assertThatThrownBy(() -> WatermarkStrategy.boundedOutOfOrderness("1s").withInterval("0s"))
                    .hasMessage("withInterval: interval must be > 0, was 0s");
            assertThatThrownBy(() -> WatermarkStrategy.boundedOutOfOrderness("1s").withInterval("1us"))
                    .hasMessage("withInterval: interval must be >= 1ms (the shortest repeating timer), was 1us");
            assertThatThrownBy(() -> WatermarkStrategy.boundedOutOfOrderness("1s").withIdleness("-2s"))
                    .hasMessage("withIdleness: idleness: Invalid interval \"-2s\": must be positive");
            assertThatThrownBy(() -> WatermarkGenerator.boundedOutOfOrderness(Duration.ofSeconds(-1)))
                    .hasMessage("boundedOutOfOrderness: bound must be >= 0, was -1s");
            assertThatThrownBy(() -> WatermarkStrategy.of(() -> null).newGenerator())
                    .isInstanceOf(NullPointerException.class);
        }

        @Test
        void describeThemselves() {
            Stream<Long> source = Stream.create();
            assertThat(source.withTimestamps(Instant::ofEpochSecond, "5s").toString())
                    .isEqualTo("withTimestamps(boundedOutOfOrderness(5s), interval=200ms)");
            assertThat(WatermarkStrategy.monotonousTimestamps().withIdleness("1m").toString())
                    .isEqualTo("boundedOutOfOrderness(0s), interval=200ms, idleness=1m");
            assertThat(WatermarkStrategy.of(() -> null).interval()).isEqualTo(Duration.ofMillis(200));
        }
    }

    @Nested
    class IdlenessAndJoins {
        @Test
        void aUnionPassesTheSmallerWatermarkOfTwoTimestampedStreams() {
            Stream<Long> a = Stream.create();
            Stream<Long> b = Stream.create();
            SignalsTest.Recorder rec = new SignalsTest.Recorder(
                    a.withTimestamps(Instant::ofEpochSecond, "0s").union(b.withTimestamps(Instant::ofEpochSecond, "0s")));
            a.emit(10L);
            clock.advance(200);
            assertThat(rec.log).containsExactly("10");      // b has no watermark yet: it holds a's back
            b.emit(4L);
            clock.advance(200);
            assertThat(rec.log).containsExactly("10", "4", w(4));
            b.emit(20L);
            clock.advance(200);
            assertThat(rec.log).containsExactly("10", "4", w(4), "20", w(10));
        }

        @Test
        void anIdleInputStopsHoldingTheJoinBackUntilItSendsAgain() {
            Stream<Long> a = Stream.create();
            Stream<Long> b = Stream.create();
            WatermarkStrategy<Object> idleAfter1s = WatermarkStrategy.monotonousTimestamps().withIdleness("1s");
            Stream<Long> ta = a.withTimestamps(Instant::ofEpochSecond, idleAfter1s);
            Stream<Long> tb = b.withTimestamps(Instant::ofEpochSecond, idleAfter1s);
            SignalsTest.Recorder rec = new SignalsTest.Recorder(ta.union(tb));
            a.emit(5L);
            b.emit(3L);
            clock.advance(200);
            assertThat(rec.log).containsExactly("5", "3", w(3));
            for (int i = 0; i < 5; i++) {       // a goes on; b sends nothing for a second
                a.emit(6L + i);
                clock.advance(200);
            }
            // at 1 s, b is idle: the join follows a
            assertThat(rec.log).containsExactly("5", "3", w(3), "6", "7", "8", "9", w(9), "10", w(10));
            b.emit(4L);                         // b is back: its watermark holds the join again
            a.emit(12L);
            clock.advance(200);
            assertThat(rec.log).containsExactly("5", "3", w(3), "6", "7", "8", "9", w(9), "10", w(10), "4", "12");
            b.emit(15L);
            clock.advance(200);
            assertThat(rec.log).endsWith("15", w(12));
        }

        @Test
        void aJoinGoesIdleWhenAllItsInputsAreIdle() {
            Stream<Long> a = Stream.create();
            Stream<Long> b = Stream.create();
            WatermarkStrategy<Object> idleAfter1s = WatermarkStrategy.monotonousTimestamps().withIdleness("1s");
            SignalsTest.Recorder rec = new SignalsTest.Recorder(a.withTimestamps(Instant::ofEpochSecond, idleAfter1s)
                    .union(b.withTimestamps(Instant::ofEpochSecond, idleAfter1s)));
            a.emit(5L);
            b.emit(3L);
            clock.advance(1000);
            assertThat(rec.log).containsExactly("5", "3", w(3), "idle");
            a.emit(6L);
            assertThat(rec.log).containsExactly("5", "3", w(3), "idle", w(6), "6");   // active again
        }

        @Test
        void theSignalJoinCombinesIdleEndedAndActiveInputs() {
            Stream<Integer> a = Stream.create();
            Stream<Integer> b = Stream.create();
            Stream<Integer> c = Stream.create();
            SignalsTest.Recorder rec = new SignalsTest.Recorder(a.union(b, c));
            a.emitWatermark(t(10));
            b.emitWatermark(t(5));
            idle(c);
            assertThat(rec.log).containsExactly("W5");
            idle(b);
            assertThat(rec.log).containsExactly("W5", "W10");
            a.emitEnd();
            assertThat(rec.log).containsExactly("W5", "W10", "idle");
            c.emitWatermark(t(7));             // active again, behind what went on: it is sent again
            assertThat(rec.log).containsExactly("W5", "W10", "idle", "W10");
            c.emitWatermark(t(12));
            assertThat(rec.log).containsExactly("W5", "W10", "idle", "W10", "W12");
        }

        @Test
        void holdingNodesKeepIdlenessBehindTheirElements() {
            Stream<Integer> source = Stream.create();
            SignalsTest.Recorder rec = new SignalsTest.Recorder(source.partition(2));
            source.emit(1);
            idle(source);
            assertThat(rec.log).isEmpty();
            source.emit(2);
            assertThat(rec.log).containsExactly("[1, 2]", "idle");
        }
    }
}
