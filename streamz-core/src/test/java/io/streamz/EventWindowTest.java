package io.streamz;

import static io.streamz.Windowed.Timing.EARLY;
import static io.streamz.Windowed.Timing.LATE;
import static io.streamz.Windowed.Timing.ON_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.testing.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Event-time windows: tumbling, sliding and session; triggers, lateness, refs and metadata. */
class EventWindowTest {
    @RegisterExtension
    final VirtualClock clock = new VirtualClock();

    static Instant t(long seconds) {
        return Instant.EPOCH.plusSeconds(seconds);
    }

    /** Emits {@code x} at event time {@code seconds}, with {@code more} metadata before the time. */
    @SafeVarargs
    static <T> void emitAt(Stream<T> source, T x, long seconds, Map<String, Object>... more) {
        source.emit(x, EventTime.with(List.of(more), t(seconds)));
    }

    static <K, V> Windowed<K, V> w(K key, long start, long end, V value, Windowed.Timing timing) {
        return new Windowed<>(key, t(start), t(end), value, timing);
    }

    static <V> Windowed<Void, V> w(long start, long end, V value, Windowed.Timing timing) {
        return w(null, start, end, value, timing);
    }

    @Nested
    class Tumbling {
        @Test
        void theDocsExample() {
            Stream<Long> source = Stream.create();
            EventWindowStream<Long, Void, List<Long>> windows = source
                    .withTimestamps(Instant::ofEpochSecond, "0s")
                    .eventWindow(EventWindows.tumbling("10s"));
            List<Windowed<Void, List<Long>>> out = windows.sinkToList();
            List<Long> late = windows.lateElements().sinkToList();
            for (long x : new long[] {1, 5, 12}) {
                source.emit(x);
            }
            clock.advance(200);
            source.emit(7L);
            source.emitEnd();
            assertThat(out).containsExactly(w(0, 10, List.of(1L, 5L), ON_TIME), w(10, 20, List.of(12L), ON_TIME));
            assertThat(out.get(0).toString()).isEqualTo("[1970-01-01T00:00:00Z, 1970-01-01T00:00:10Z) on time: [1, 5]");
            assertThat(late).containsExactly(7L);
            assertThat(windows.stats().late()).isEqualTo(1);
        }

        @Test
        void theWithTimestampsDocsExampleSortsAWindowByEventTime() {
            Stream<Long> source = Stream.create();
            Stream<Long> timed = source.withTimestamps(Instant::ofEpochSecond, "2s");
            List<Windowed<Void, List<Long>>> out = timed.eventWindow(EventWindows.tumbling("10s")).sinkToList();
            for (long x : new long[] {1, 4, 3, 12, 9, 15}) {
                source.emit(x);
            }
            clock.advance(200);
            assertThat(out).containsExactly(w(0, 10, List.of(1L, 3L, 4L, 9L), ON_TIME));
        }

        @Test
        void firesOnTheWatermarkThenPassesItOn() {
            Stream<String> source = Stream.create();
            SignalsTest.Recorder rec = new SignalsTest.Recorder(source.eventWindow(EventWindows.tumbling("10s")));
            emitAt(source, "a", 3);
            emitAt(source, "b", 10);
            source.emitWatermark(t(9));
            assertThat(rec.log).containsExactly("W9");
            source.emitWatermark(t(10));
            assertThat(rec.log).containsExactly("W9", "[1970-01-01T00:00:00Z, 1970-01-01T00:00:10Z) on time: [a]", "W10");
            CompletableFuture<Void> done = source.emitEnd();
            assertThat(rec.log).endsWith("[1970-01-01T00:00:10Z, 1970-01-01T00:00:20Z) on time: [b]", "end");
            assertThat(done).isCompleted();
        }

        @Test
        void keyedWindowsFireInOrderOfStartThenOfTheKeysFirstElement() {
            Stream<String> source = Stream.create();
            List<Windowed<Character, Long>> out = source
                    .eventWindow(EventWindows.tumbling("10s"), s -> s.charAt(0), Collectors.counting())
                    .sinkToList();
            emitAt(source, "b1", 12);
            emitAt(source, "a1", 1);
            emitAt(source, "b2", 2);
            emitAt(source, "a2", 3);
            source.emitWatermark(t(30));
            assertThat(out).containsExactly(w('a', 0, 10, 2L, ON_TIME), w('b', 0, 10, 1L, ON_TIME),
                    w('b', 10, 20, 1L, ON_TIME));
            assertThat(out.get(0).toString()).isEqualTo("a [1970-01-01T00:00:00Z, 1970-01-01T00:00:10Z) on time: 2");
        }

        @Test
        void timesBeforeTheEpochAndAnEmptyInput() {
            Stream<String> source = Stream.create();
            List<Windowed<Void, List<String>>> out = source.eventWindow(EventWindows.tumbling("10s")).sinkToList();
            source.emitWatermark(t(100));
            assertThat(out).isEmpty();
            Stream<String> other = Stream.create();
            List<Windowed<Void, List<String>>> out2 = other.eventWindow(EventWindows.tumbling("10s")).sinkToList();
            emitAt(other, "x", -3);
            other.emitEnd();
            assertThat(out2).containsExactly(w(-10, 0, List.of("x"), ON_TIME));
        }
    }

    @Nested
    class Sliding {
        @Test
        void anElementIsInSizeOverSlideWindows() {
            Stream<String> source = Stream.create();
            EventWindowStream<String, Void, List<String>> windows = source.eventWindow(EventWindows.sliding("10s", "5s"));
            List<Windowed<Void, List<String>>> out = windows.sinkToList();
            emitAt(source, "a", 7);
            emitAt(source, "b", 12);
            assertThat(windows.stats().held()).isEqualTo(4);   // each in two windows
            source.emitWatermark(t(15));
            assertThat(out).containsExactly(w(0, 10, List.of("a"), ON_TIME), w(5, 15, List.of("a", "b"), ON_TIME));
            source.emitEnd();
            assertThat(out).endsWith(w(10, 20, List.of("b"), ON_TIME));
            assertThat(windows.stats().held()).isZero();
        }

        @Test
        void aSlideThatDoesNotDivideTheSize() {
            Stream<String> source = Stream.create();
            List<Windowed<Void, List<String>>> out = source.eventWindow(EventWindows.sliding("10s", "4s")).sinkToList();
            emitAt(source, "a", 9);
            source.emitEnd();
            assertThat(out).containsExactly(w(0, 10, List.of("a"), ON_TIME), w(4, 14, List.of("a"), ON_TIME),
                    w(8, 18, List.of("a"), ON_TIME));
        }
    }

    @Nested
    class Sessions {
        record Ev(String user, long at) {
        }

        @Test
        void mergeWhileElementsComeWithinTheGapPerKey() {
            Stream<Ev> source = Stream.create();
            List<Windowed<String, List<Long>>> out = source
                    .eventWindow(EventWindows.session("5s"), Ev::user,
                            Collectors.collectingAndThen(Collectors.mapping(Ev::at, Collectors.toList()), List::copyOf))
                    .sinkToList();
            for (Ev e : List.of(new Ev("a", 1), new Ev("a", 3), new Ev("b", 2), new Ev("a", 10), new Ev("a", 7),
                    new Ev("b", 7), new Ev("a", 20))) {
                emitAt(source, e, e.at());
            }
            source.emitWatermark(t(20));
            // b: 2 and 7 are 5 s apart: two sessions; a: 7 bridges [1, 8) and [10, 15)
            assertThat(out).containsExactly(w("b", 2, 7, List.of(2L), ON_TIME), w("b", 7, 12, List.of(7L), ON_TIME),
                    w("a", 1, 15, List.of(1L, 3L, 10L, 7L), ON_TIME));
            source.emitEnd();
            assertThat(out).endsWith(w("a", 20, 25, List.of(20L), ON_TIME));
        }

        @Test
        void aLateElementThatBridgesTwoSessionsOpensALongerOne() {
            Stream<String> source = Stream.create();
            List<Windowed<Void, List<String>>> out = source
                    .eventWindow(EventWindows.session("5s").withAllowedLateness("10s"))
                    .sinkToList();
            emitAt(source, "a", 1);
            emitAt(source, "c", 8);
            source.emitWatermark(t(6));
            assertThat(out).containsExactly(w(1, 6, List.of("a"), ON_TIME));
            emitAt(source, "b", 4);   // late for [1, 6): the session is now [1, 13), not on time yet
            assertThat(out).hasSize(1);
            source.emitWatermark(t(13));
            assertThat(out).containsExactly(w(1, 6, List.of("a"), ON_TIME), w(1, 13, List.of("a", "b", "c"), ON_TIME));
        }

        @Test
        void aLateElementInsideASessionFiresItLate() {
            Stream<String> source = Stream.create();
            List<Windowed<Void, List<String>>> out = source
                    .eventWindow(EventWindows.session("5s").withAllowedLateness("10s"))
                    .sinkToList();
            emitAt(source, "a", 1);
            emitAt(source, "c", 4);
            source.emitWatermark(t(10));
            emitAt(source, "b", 2);
            assertThat(out).containsExactly(w(1, 9, List.of("a", "c"), ON_TIME), w(1, 9, List.of("a", "b", "c"), LATE));
        }
    }

    @Nested
    class Triggers {
        @Test
        void earlyFiringsEveryNElements() {
            Stream<Integer> source = Stream.create();
            List<Windowed<Void, List<Integer>>> out = source
                    .eventWindow(EventWindows.tumbling("10s").withEarlyFirings(2))
                    .sinkToList();
            for (int i = 1; i <= 3; i++) {
                emitAt(source, i, i);
            }
            assertThat(out).containsExactly(w(0, 10, List.of(1, 2), EARLY));
            source.emitWatermark(t(10));
            assertThat(out).containsExactly(w(0, 10, List.of(1, 2), EARLY), w(0, 10, List.of(1, 2, 3), ON_TIME));
        }

        @Test
        void earlyFiringsEveryIntervalOfProcessingTimeWhenThereIsSomethingNew() {
            Stream<Integer> source = Stream.create();
            EventWindowStream<Integer, Void, Long> windows = source
                    .eventWindow(EventWindows.tumbling("1h").withEarlyFirings("1s"), Collectors.counting());
            List<Windowed<Void, Long>> out = windows.sinkToList();
            emitAt(source, 1, 10);
            clock.advance(1000);
            assertThat(out).containsExactly(w(0, 3600, 1L, EARLY));
            clock.advance(1000);
            assertThat(out).hasSize(1);
            emitAt(source, 2, 20);
            emitAt(source, 3, 3700);
            clock.advance(1000);
            assertThat(out).containsExactly(w(0, 3600, 1L, EARLY), w(0, 3600, 2L, EARLY), w(3600, 7200, 1L, EARLY));
            source.emitWatermark(t(3600));
            clock.advance(1000);
            assertThat(out).endsWith(w(0, 3600, 2L, ON_TIME));
            assertThat(out).hasSize(4);
            windows.destroy();
        }

        @Test
        void earlyFiringsByIntervalUseTheScheduler() {
            VirtualTimeScheduler own = VirtualTimeScheduler.create();
            Stream<Integer> source = Stream.create();
            List<Windowed<Void, Long>> out = source
                    .eventWindow(EventWindows.tumbling("1h").withEarlyFirings("1s").withScheduler(own), Collectors.counting())
                    .sinkToList();
            emitAt(source, 1, 10);
            clock.advance(5000);
            assertThat(out).isEmpty();
            own.advanceTimeBy(Duration.ofSeconds(1));
            assertThat(out).containsExactly(w(0, 3600, 1L, EARLY));
        }

        @Test
        void lateFiringsWithinTheAllowedLatenessThenLateElements() {
            Stream<String> source = Stream.create();
            EventWindowStream<String, Void, List<String>> windows = source
                    .eventWindow(EventWindows.tumbling("10s").withAllowedLateness("5s"));
            List<Windowed<Void, List<String>>> out = windows.sinkToList();
            List<String> late = windows.lateElements().sinkToList();
            emitAt(source, "a", 3);
            source.emitWatermark(t(10));
            emitAt(source, "b", 4);
            source.emitWatermark(t(14));
            emitAt(source, "c", 9);
            source.emitWatermark(t(15));
            emitAt(source, "d", 1);
            assertThat(out).containsExactly(w(0, 10, List.of("a"), ON_TIME), w(0, 10, List.of("a", "b"), LATE),
                    w(0, 10, List.of("a", "b", "c"), LATE));
            assertThat(late).containsExactly("d");
            assertThat(windows.stats().late()).isEqualTo(1);
            assertThat(windows.stats().held()).isZero();
        }

        @Test
        void anElementForAWindowThatNeverOpenedWithinTheLatenessFiresLate() {
            Stream<String> source = Stream.create();
            List<Windowed<Void, List<String>>> out = source
                    .eventWindow(EventWindows.tumbling("10s").withAllowedLateness("5s"))
                    .sinkToList();
            source.emitWatermark(t(12));
            emitAt(source, "a", 3);
            assertThat(out).containsExactly(w(0, 10, List.of("a"), LATE));
        }

        @Test
        void theEndFiresEveryOpenWindowOnTime() {
            Stream<String> source = Stream.create();
            List<Windowed<Void, List<String>>> out = source
                    .eventWindow(EventWindows.sliding("10s", "5s").withAllowedLateness("1h"))
                    .sinkToList();
            emitAt(source, "a", 3);
            source.emitEnd();
            assertThat(out).containsExactly(w(-5, 5, List.of("a"), ON_TIME), w(0, 10, List.of("a"), ON_TIME));
        }
    }

    @Nested
    class RefsAndMetadata {
        @Test
        void anElementsRefIsHeldUntilItsWindowFired() {
            Stream<String> source = Stream.create();
            source.eventWindow(EventWindows.tumbling("10s")).sink(x -> { });
            RefCounter ref = new RefCounter();
            emitAt(source, "a", 3, Map.of("ref", ref));
            assertThat(ref.count()).isEqualTo(1);
            source.emitWatermark(t(9));
            assertThat(ref.count()).isEqualTo(1);
            source.emitWatermark(t(10));
            assertThat(ref.count()).isZero();
        }

        @Test
        void withAllowedLatenessUntilTheWindowCanNoLongerFire() {
            Stream<String> source = Stream.create();
            source.eventWindow(EventWindows.sliding("10s", "5s").withAllowedLateness("5s")).sink(x -> { });
            RefCounter ref = new RefCounter(() -> { });
            emitAt(source, "a", 7, Map.of("ref", ref));
            assertThat(ref.count()).isEqualTo(2);       // in [0, 10) and [5, 15)
            source.emitWatermark(t(15));                  // both fired; [0, 10) closed
            assertThat(ref.count()).isEqualTo(1);
            source.emitWatermark(t(19));
            assertThat(ref.count()).isEqualTo(1);
            source.emitWatermark(t(20));                  // [5, 15) closed
            assertThat(ref.count()).isZero();
        }

        @Test
        void aFiringsAsynchronousDownstreamWorkKeepsTheRefs() {
            Stream<String> source = Stream.create();
            CompletableFuture<Void> gate = new CompletableFuture<>();
            source.eventWindow(EventWindows.tumbling("10s")).sinkAsync(x -> gate);
            RefCounter ref = new RefCounter();
            emitAt(source, "a", 3, Map.of("ref", ref));
            source.emitWatermark(t(10));
            assertThat(ref.count()).isEqualTo(1);         // the window let go; the sink works on it
            gate.complete(null);
            assertThat(ref.count()).isZero();
        }

        @Test
        void aLateElementKeepsItsMetadataOnTheLateBranch() {
            Stream<String> source = Stream.create();
            EventWindowStream<String, Void, List<String>> windows = source.eventWindow(EventWindows.tumbling("10s"));
            CompletableFuture<Void> gate = new CompletableFuture<>();
            windows.lateElements().sinkAsync(x -> gate);
            List<List<Map<String, Object>>> seen = Metadata.of(windows.lateElements()).sinkToList();
            source.emitWatermark(t(10));
            RefCounter ref = new RefCounter();
            source.emitAsync("a", EventTime.with(Metadata.ref(ref), t(3)));
            assertThat(seen).containsExactly(List.of(Map.of("ref", ref), Map.of("eventTime", t(3))));
            assertThat(ref.count()).isEqualTo(1);
            gate.complete(null);
            assertThat(ref.count()).isZero();
        }

        @Test
        void aFiringCarriesItsElementsMetadataAndTheWindowsLastInstant() {
            Stream<String> source = Stream.create();
            List<List<Map<String, Object>>> seen = Metadata.of(source.eventWindow(EventWindows.tumbling("10s"))).sinkToList();
            RefCounter ref = new RefCounter();
            emitAt(source, "a", 3, Map.of("ref", ref));
            emitAt(source, "b", 4, Map.of("v", 1));
            emitAt(source, "c", 5);
            source.emitWatermark(t(10));
            assertThat(seen).containsExactly(List.of(Map.of("ref", ref), Map.of("v", 1),
                    Map.of("eventTime", Instant.parse("1970-01-01T00:00:09.999999999Z"))));
        }

        @Test
        void windowsOfWindowsLineUp() {
            Stream<Integer> source = Stream.create();
            List<Windowed<Void, List<Long>>> hours = source
                    .eventWindow(EventWindows.tumbling("1m"), Collectors.counting())
                    .eventWindow(EventWindows.tumbling("1h"), Collectors.mapping(Windowed::value, Collectors.toList()))
                    .sinkToList();
            for (long s : new long[] {30, 40, 90, 3590, 3610}) {
                emitAt(source, 1, s);
            }
            source.emitWatermark(t(3600));
            assertThat(hours).containsExactly(w(0, 3600, List.of(2L, 1L, 1L), ON_TIME));
        }

        @Test
        void destroyReleasesWhatTheWindowsHold() {
            Stream<String> source = Stream.create();
            EventWindowStream<String, Void, List<String>> windows = source.eventWindow(EventWindows.session("5s"));
            RefCounter ref = new RefCounter();
            emitAt(source, "a", 3, Map.of("ref", ref));
            assertThat(windows.stats().held()).isEqualTo(1);
            windows.destroy();
            assertThat(ref.count()).isZero();
            assertThat(windows.stats().held()).isZero();
        }
    }

    @Nested
    class BadInput {
        @Test
        void aLateElementWithoutALateBranchIsAFailureOfTheNode() {
            Stream<String> source = Stream.create();
            EventWindowStream<String, Void, List<String>> windows = source.eventWindow(EventWindows.tumbling("10s"));
            source.emitWatermark(t(10));
            assertThatThrownBy(() -> emitAt(source, "a", 3))
                    .isInstanceOf(NodeException.class)
                    .hasMessageContaining("eventWindow(tumbling=10s)")
                    .hasRootCauseMessage("late element: event time 1970-01-01T00:00:03Z, watermark 1970-01-01T00:00:10Z, "
                            + "allowed lateness 0s; take late elements with lateElements()");
            windows.onError(ErrorPolicy.skip());
            emitAt(source, "b", 4);
            assertThat(windows.stats().late()).isEqualTo(2);
            assertThat(windows.stats().skipped()).isEqualTo(1);
        }

        @Test
        void anElementWithoutAnEventTimeOrOutOfRangeIsAFailure() {
            Stream<String> source = Stream.create();
            source.eventWindow(EventWindows.tumbling("10s")).sink(x -> { });
            assertThatThrownBy(() -> source.emit("a"))
                    .isInstanceOf(NodeException.class)
                    .hasRootCauseMessage("the element has no event time: give it one with withTimestamps upstream");
            assertThatThrownBy(() -> source.emit("a", List.of(Map.of("eventTime", "noon"))))
                    .isInstanceOf(NodeException.class)
                    .hasRootCauseMessage("EventTime.of: \"eventTime\" must be an Instant, was java.lang.String \"noon\"");
            assertThatThrownBy(() -> source.emit("a", EventTime.with(List.of(), Instant.parse("3000-01-01T00:00:00Z"))))
                    .isInstanceOf(NodeException.class)
                    .hasMessageContaining("event time 3000-01-01T00:00:00Z is outside the years 1677 to 2262");
        }

        @Test
        void failingKeysAndCollectorsAreFailuresOfTheNode() {
            Stream<String> source = Stream.create();
            // key: the second character; value: the first, as a number
            EventWindowStream<String, Character, Integer> windows = source.eventWindow(EventWindows.tumbling("10s"),
                    s -> s.charAt(1), Collectors.summingInt(s -> Integer.parseInt(s.substring(0, 1))));
            List<Windowed<Character, Integer>> out = windows.sinkToList();
            assertThatThrownBy(() -> emitAt(source, "1", 3))
                    .isInstanceOf(NodeException.class)
                    .hasRootCauseInstanceOf(StringIndexOutOfBoundsException.class);
            assertThatThrownBy(() -> emitAt(source, "xa", 3))
                    .isInstanceOf(NodeException.class)
                    .hasRootCauseInstanceOf(NumberFormatException.class);
            windows.onError(ErrorPolicy.skip());
            emitAt(source, "2a", 3);
            emitAt(source, "y", 3);
            source.emitEnd();
            assertThat(out).containsExactly(w('a', 0, 10, 2, ON_TIME));   // "xa" left nothing in its pane
            assertThat(windows.stats().failed()).isEqualTo(2);
            assertThat(windows.stats().skipped()).isEqualTo(1);
        }

        @Test
        void badArgumentsFailWhileTheGraphIsBuilt() {
            assertThatThrownBy(() -> EventWindows.sliding("10s", "20s"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("sliding: slide must be <= size (10s), was 20s: elements between two windows would belong to none");
            assertThatThrownBy(() -> EventWindows.tumbling("0s")).hasMessage("tumbling: size must be > 0, was 0s");
            assertThatThrownBy(() -> EventWindows.session("x")).hasMessageStartingWith("session: gap: Invalid interval \"x\"");
            assertThatThrownBy(() -> EventWindows.tumbling("1s").withAllowedLateness("-1s"))
                    .hasMessage("withAllowedLateness: lateness: Invalid interval \"-1s\": must be positive");
            assertThatThrownBy(() -> EventWindows.tumbling("1s").withAllowedLateness(Duration.ofSeconds(-1)))
                    .hasMessage("withAllowedLateness: lateness must be >= 0, was -1s");
            assertThatThrownBy(() -> EventWindows.tumbling("1s").withEarlyFirings(0))
                    .hasMessage("withEarlyFirings: n must be >= 1, was 0");
            assertThatThrownBy(() -> EventWindows.tumbling("1s").withEarlyFirings(Duration.ofNanos(999_999)))
                    .hasMessage("withEarlyFirings: interval must be >= 1ms (the shortest repeating timer), was 999999ns");
            Stream<String> source = Stream.create();
            assertThatThrownBy(() -> source.eventWindow(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("eventWindow: windows is null");
        }

        @Test
        void describeThemselves() {
            Stream<String> source = Stream.create();
            assertThat(source.eventWindow(EventWindows.tumbling("10s"), s -> s).toString())
                    .isEqualTo("eventWindow(tumbling=10s, keyed)");
            assertThat(source.eventWindow(EventWindows.sliding("1m", "20s").withAllowedLateness("30s")
                    .withEarlyFirings(100)).toString())
                    .isEqualTo("eventWindow(sliding=1m, slide=20s, allowedLateness=30s, earlyFirings=100 elements)");
            assertThat(EventWindows.session("30s").withEarlyFirings("10s").toString())
                    .isEqualTo("session=30s, earlyFirings=10s");
            assertThat(Windowed.Timing.ON_TIME.toString()).isEqualTo("on time");
            assertThatThrownBy(() -> new Windowed<>(null, t(1), t(1), null, ON_TIME))
                    .hasMessage("Windowed: end must be after start, was [1970-01-01T00:00:01Z, 1970-01-01T00:00:01Z)");
        }
    }

    @Nested
    class Joins {
        @Test
        void windowsOverAUnionOfTwoTimestampedStreamsWaitForTheSlowerOne() {
            Stream<Long> a = Stream.create();
            Stream<Long> b = Stream.create();
            List<Windowed<Void, List<Long>>> out = a.withTimestamps(Instant::ofEpochSecond, "0s")
                    .union(b.withTimestamps(Instant::ofEpochSecond, "0s"))
                    .eventWindow(EventWindows.tumbling("10s"))
                    .sinkToList();
            a.emit(1L);
            a.emit(15L);
            b.emit(2L);
            clock.advance(200);
            assertThat(out).isEmpty();   // b's watermark is 2 s
            b.emit(11L);
            clock.advance(200);
            assertThat(out).containsExactly(w(0, 10, List.of(1L, 2L), ON_TIME));
        }
    }
}
