package io.streamz.benchmarks;

import io.streamz.EventWindows;
import io.streamz.Stream;
import io.streamz.WatermarkStrategy;
import io.streamz.Windowed;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * A keyed tumbling-window sum: 1,000,000 events over 10,000 keys, one per millisecond of event time,
 * 5% of them out of order by up to half a second, summed per key and minute. Three contenders:
 *
 * <ul>
 *   <li>{@code eventTime}: {@code withTimestamps(Event::time, 1 s bound)} and
 *       {@code eventWindow(tumbling("1m"), Event::key, summingLong(Event::value))};</li>
 *   <li>{@code processingTime}: the same job on processing time, as streamz writes it:
 *       {@code timedWindow("1m")}, then a map that sums each window's list per key;</li>
 *   <li>{@code loop}: a hand-written loop keeping a sum per minute and key, closing a minute when
 *       the newest time minus the bound has passed it (the floor).</li>
 * </ul>
 *
 * <p>Each graph runs on a virtual clock that moves a second per thousand events, so the
 * processing time of the second job keeps pace with the event time of the first: both close a
 * minute every 60,000 events, and the watermark (sent every second of the clock) lags the newest
 * event time by the bound. Each invocation builds a new graph and ends with the end of the input,
 * which fires what is still open. The score is ns per event; events per second = 10^9 / score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class EventTimeWindowSum {
    static final int EVENTS = 1_000_000;
    static final int KEYS = 10_000;
    /** Events between two seconds of the clock. */
    static final int PER_SECOND = 1_000;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final Duration BOUND = Duration.ofSeconds(1);

    /** An event: its key, its time, its value. */
    record Event(Integer key, Instant time, long value) {
    }

    final Event[] events = new Event[EVENTS];
    private Stream<Event> eventTime;
    private Stream<Event> processingTime;
    private VirtualTimeScheduler eventClock;
    private VirtualTimeScheduler processingClock;
    private Consumer<Object> out;

    public EventTimeWindowSum() {
        Random r = new Random(14);
        Integer[] keys = new Integer[KEYS];
        for (int k = 0; k < KEYS; k++) {
            keys[k] = k;
        }
        for (int i = 0; i < EVENTS; i++) {
            events[i] = new Event(keys[r.nextInt(KEYS)], Instant.ofEpochMilli(i), r.nextInt(100));
        }
        // 5% out of order: each of them swapped with an event up to 500 events (500 ms) later
        for (int i = 0; i < EVENTS / 20; i++) {
            int a = r.nextInt(EVENTS - 500);
            int b = a + 1 + r.nextInt(499);
            Event e = events[a];
            events[a] = events[b];
            events[b] = e;
        }
    }

    @Setup(Level.Invocation)
    public void build(Blackhole bh) {
        build(bh::consume);
    }

    /** Builds both graphs, each on a new clock of its own, into {@code out}. */
    void build(Consumer<Object> out) {
        this.out = out;
        eventClock = VirtualTimeScheduler.create();
        eventTime = Stream.create();
        eventTime.withTimestamps(Event::time, WatermarkStrategy.boundedOutOfOrderness(BOUND)
                        .withInterval(Duration.ofSeconds(1)).withScheduler(eventClock))
                .eventWindow(EventWindows.tumbling(WINDOW), Event::key, Collectors.summingLong(Event::value))
                .sink(out);
        processingClock = VirtualTimeScheduler.create();
        processingTime = Stream.create();
        processingTime.timedWindow(WINDOW, processingClock)
                .map(EventTimeWindowSum::sumPerKey)
                .sink(out);
    }

    private static Map<Integer, Long> sumPerKey(List<Event> window) {
        Map<Integer, Long> sums = new HashMap<>();
        for (Event e : window) {
            sums.merge(e.key(), e.value(), Long::sum);
        }
        return sums;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void eventTime() {
        feed(eventTime, eventClock);
        eventTime.emitEnd();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void processingTime() {
        feed(processingTime, processingClock);
        processingClock.advanceTimeBy(WINDOW);   // the last window's tick
    }

    /** Emits every event into {@code source}, moving {@code clock} a second per thousand. */
    private void feed(Stream<Event> source, VirtualTimeScheduler clock) {
        for (int i = 0; i < EVENTS; i++) {
            source.emit(events[i]);
            if ((i + 1) % PER_SECOND == 0) {
                clock.advanceTimeBy(Duration.ofSeconds(1));
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void loop() {
        long window = WINDOW.toMillis();
        long bound = BOUND.toMillis();
        TreeMap<Long, Map<Integer, long[]>> open = new TreeMap<>();
        long max = Long.MIN_VALUE;
        long watermark = Long.MIN_VALUE;
        for (int i = 0; i < EVENTS; i++) {
            Event e = events[i];
            long t = e.time().toEpochMilli();
            long start = Math.floorDiv(t, window) * window;
            if (start + window - 1 <= watermark) {
                out.accept(e);   // late
            } else {
                open.computeIfAbsent(start, s -> new HashMap<>()).computeIfAbsent(e.key(), k -> new long[1])[0] += e.value();
            }
            max = Math.max(max, t);
            if ((i + 1) % PER_SECOND == 0) {
                watermark = Math.max(watermark, max - bound - 1);
                close(open, watermark, window);
            }
        }
        close(open, Long.MAX_VALUE, window);
    }

    /** Emits and forgets the windows the watermark has passed. */
    private void close(TreeMap<Long, Map<Integer, long[]>> open, long watermark, long window) {
        Iterator<Map.Entry<Long, Map<Integer, long[]>>> it = open.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Map<Integer, long[]>> w = it.next();
            if (watermark != Long.MAX_VALUE && w.getKey() + window - 1 > watermark) {
                break;
            }
            for (Map.Entry<Integer, long[]> k : w.getValue().entrySet()) {
                out.accept(new Windowed<>(k.getKey(), Instant.ofEpochMilli(w.getKey()),
                        Instant.ofEpochMilli(w.getKey() + window), k.getValue()[0], Windowed.Timing.ON_TIME));
            }
            it.remove();
        }
    }
}
