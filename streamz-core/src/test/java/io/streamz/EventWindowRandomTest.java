package io.streamz;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamz.testing.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Event-time windows against a recomputation: random timestamped events, shuffled within the
 * out-of-orderness bound, give exactly the windows of the sorted events, and those recomputed
 * from the raw events; events beyond the bound that the watermark has passed go to the late
 * branch, counted. Tumbling, sliding and session windows, 10 seeds of 2,000 events each.
 */
class EventWindowRandomTest {
    private static final int EVENTS = 2_000;
    private static final int SEEDS = 10;
    /** The out-of-orderness bound, in milliseconds. */
    private static final long BOUND = 1_000;
    /** Elements between two watermark ticks (200 ms of the clock.scheduler()). */
    private static final int PER_TICK = 10;
    private static final long NS = 1_000_000;

    @RegisterExtension
    final VirtualClock clock = new VirtualClock();

    /** An event: its key, its event time in milliseconds, its number. */
    record Ev(String key, long at, int id) {
    }

    @Test
    void tumblingWindows() {
        for (int seed = 0; seed < SEEDS; seed++) {
            check(seed, EventWindows.tumbling("2s"));
        }
    }

    @Test
    void slidingWindows() {
        for (int seed = 0; seed < SEEDS; seed++) {
            check(seed, EventWindows.sliding("2s", "500ms"));
        }
    }

    @Test
    void sessionWindows() {
        for (int seed = 0; seed < SEEDS; seed++) {
            Random r = new Random(seed);
            List<Ev> sorted = events(r);
            List<Ev> arrival = withinBound(r, sorted);
            List<Ev> late = new ArrayList<>();
            for (int i = 0; i < EVENTS / 50; i++) {   // older than every event, after the watermark passed 0
                Ev e = new Ev("k" + r.nextInt(5), -1_000 - r.nextInt(1_000), EVENTS + i);
                arrival.add(EVENTS / 2 + r.nextInt(EVENTS / 2), e);
            }
            for (Ev e : arrival) {
                if (e.at() < 0) {
                    late.add(e);
                }
            }
            EventWindows windows = EventWindows.session("300ms");
            Map<String, List<Integer>> expected = sessions(sorted, 300);
            assertThat(run(windows, sorted).windows).as("seed %d, in order", seed).isEqualTo(expected);
            Run shuffled = run(windows, arrival);
            assertThat(shuffled.windows).as("seed %d, shuffled", seed).isEqualTo(expected);
            assertThat(shuffled.late).as("seed %d, late", seed).isEqualTo(late);
            assertThat(shuffled.lateCount).isEqualTo(late.size());
        }
    }

    @Test
    void keyedTumblingSumsMatchTheirRecomputation() {
        Random r = new Random(42);
        List<Ev> sorted = events(r);
        List<Ev> arrival = withinBound(r, sorted);
        Stream<Ev> source = Stream.create();
        List<Windowed<String, Long>> out = source.withTimestamps(e -> Instant.ofEpochMilli(e.at()), Duration.ofMillis(BOUND))
                .eventWindow(EventWindows.tumbling("2s"), Ev::key, Collectors.summingLong(Ev::id))
                .sinkToList();
        feed(source, arrival);
        Map<String, Long> sums = new TreeMap<>();
        for (Windowed<String, Long> w : out) {
            sums.put(name(w.key(), w.start().toEpochMilli(), w.end().toEpochMilli()), w.value());
        }
        Map<String, Long> expected = new TreeMap<>();
        aligned(sorted, 2_000, 2_000, e -> Long.MIN_VALUE).forEach((k, ids) ->
                expected.put(k, ids.stream().mapToLong(Integer::longValue).sum()));
        assertThat(sums).isEqualTo(expected);
    }

    /**
     * Runs the events in order, then shuffled within the bound with some beyond it, through
     * aligned {@code windows} keyed by {@link Ev#key}; compares both with a recomputation from the
     * events, where an event beyond the bound goes to the windows the watermark had not passed
     * when it came (recomputed as the node makes it), and is late when there is none.
     */
    private void check(int seed, EventWindows windows) {
        Random r = new Random(seed);
        List<Ev> sorted = events(r);
        List<Ev> arrival = someBeyondTheBound(r, withinBound(r, sorted));
        Map<Ev, Long> watermarks = watermarksAtArrival(arrival);
        long size = windows.size().toMillis();
        long slide = windows.slide().toMillis();
        Map<String, List<Integer>> expected = aligned(sorted, size, slide, watermarks::get);
        List<Ev> late = new ArrayList<>();
        for (Ev e : arrival) {
            if ((Math.floorDiv(e.at(), slide) * slide + size) * NS - 1 <= watermarks.get(e)) {
                late.add(e);   // its last window has ended
            }
        }
        assertThat(run(windows, sorted).windows).as("seed %d, in order", seed)
                .isEqualTo(aligned(sorted, size, slide, e -> Long.MIN_VALUE));
        Run shuffled = run(windows, arrival);
        assertThat(shuffled.windows).as("seed %d, shuffled", seed).isEqualTo(expected);
        assertThat(shuffled.late).as("seed %d, late", seed).isEqualTo(late);
        assertThat(shuffled.lateCount).isEqualTo(late.size());
        assertThat(late).as("seed %d: some events beyond the bound are late", seed).isNotEmpty();
    }

    /** The windows and late events of one run. */
    private static final class Run {
        final Map<String, List<Integer>> windows = new TreeMap<>();
        final List<Ev> late = new ArrayList<>();
        long lateCount;
    }

    private Run run(EventWindows windows, List<Ev> arrival) {
        Run run = new Run();
        Stream<Ev> source = Stream.create();
        EventWindowStream<Ev, String, List<Ev>> node = source
                .withTimestamps(e -> Instant.ofEpochMilli(e.at()), Duration.ofMillis(BOUND))
                .eventWindow(windows, Ev::key);
        node.sink(w -> {
            assertThat(w.timing()).isEqualTo(Windowed.Timing.ON_TIME);
            List<Integer> before = run.windows.put(name(w.key(), w.start().toEpochMilli(), w.end().toEpochMilli()),
                    w.value().stream().map(Ev::id).collect(Collectors.toList()));
            assertThat(before).as("fired once: %s", w).isNull();
        });
        node.lateElements().sink(run.late::add);
        feed(source, arrival);
        run.lateCount = node.stats().late();
        return run;
    }

    /** Emits the events, a watermark tick every {@link #PER_TICK}, then the end. */
    private void feed(Stream<Ev> source, List<Ev> arrival) {
        for (int i = 0; i < arrival.size(); i++) {
            source.emit(arrival.get(i));
            if ((i + 1) % PER_TICK == 0) {
                clock.advanceTimeBy(Duration.ofMillis(200));
            }
        }
        source.emitEnd();
    }

    /** Events 1 to 200 ms apart, over five keys. */
    private static List<Ev> events(Random r) {
        List<Ev> out = new ArrayList<>(EVENTS);
        long at = 0;
        for (int i = 0; i < EVENTS; i++) {
            at += 1 + r.nextInt(200);
            out.add(new Ev("k" + r.nextInt(5), at, i));
        }
        return out;
    }

    /** Each event arrives up to the bound after its time: never more than the bound behind the newest before it. */
    private static List<Ev> withinBound(Random r, List<Ev> sorted) {
        Map<Ev, Long> arrives = sorted.stream().collect(Collectors.toMap(e -> e, e -> e.at() + (long) r.nextInt((int) BOUND + 1)));
        List<Ev> out = new ArrayList<>(sorted);
        out.sort(Comparator.comparingLong(arrives::get));
        return out;
    }

    /** About 3% of the events arrive 2 to 21 ticks later than their place (2 to 21 s of event time, on average). */
    private static List<Ev> someBeyondTheBound(Random r, List<Ev> arrival) {
        List<Ev> out = new ArrayList<>(arrival);
        for (Ev e : arrival) {
            if (r.nextInt(100) < 3) {
                int from = out.indexOf(e);
                out.remove(from);
                out.add(Math.min(out.size(), from + PER_TICK * (2 + r.nextInt(20))), e);
            }
        }
        return out;
    }

    /**
     * The watermark each event finds when it comes, recomputed as the node makes it: at each tick,
     * the newest time seen minus the bound, minus a nanosecond.
     */
    private static Map<Ev, Long> watermarksAtArrival(List<Ev> arrival) {
        Map<Ev, Long> out = new HashMap<>();
        long watermark = Long.MIN_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < arrival.size(); i++) {
            Ev e = arrival.get(i);
            out.put(e, watermark);
            max = Math.max(max, e.at());
            if ((i + 1) % PER_TICK == 0) {
                watermark = Math.max(watermark, max * NS - BOUND * NS - 1);
            }
        }
        return out;
    }

    /**
     * Tumbling or sliding windows recomputed: each event in every window holding it that had not
     * ended by the watermark it found.
     */
    private static Map<String, List<Integer>> aligned(List<Ev> events, long size, long slide, ToLongFunction<Ev> watermark) {
        Map<String, List<Integer>> out = new TreeMap<>();
        for (Ev e : events) {
            long first = Math.floorDiv(e.at(), slide) * slide;
            while (first - slide > e.at() - size) {
                first -= slide;
            }
            for (long start = first; start <= e.at(); start += slide) {
                if ((start + size) * NS - 1 > watermark.applyAsLong(e)) {
                    out.computeIfAbsent(name(e.key(), start, start + size), k -> new ArrayList<>()).add(e.id());
                }
            }
        }
        return out;
    }

    /** Session windows recomputed: per key, in time order, a new session after a gap. */
    private static Map<String, List<Integer>> sessions(List<Ev> events, long gap) {
        Map<String, List<Integer>> out = new TreeMap<>();
        Map<String, List<Ev>> byKey = events.stream().collect(Collectors.groupingBy(Ev::key));
        byKey.forEach((key, evs) -> {
            List<Integer> ids = new ArrayList<>();
            long start = evs.get(0).at();
            long last = start;
            for (Ev e : evs) {
                if (e.at() - last >= gap) {
                    out.put(name(key, start, last + gap), ids);
                    ids = new ArrayList<>();
                    start = e.at();
                }
                ids.add(e.id());
                last = e.at();
            }
            out.put(name(key, start, last + gap), ids);
        });
        return out;
    }

    private static String name(String key, long start, long end) {
        return key + "@" + start + "-" + end;
    }
}
