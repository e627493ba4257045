package io.streamz.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Every contender of a pipeline must compute the same thing, or the side-by-side numbers mean
 * nothing: each benchmark method runs once (single-threaded) and its output is compared with the
 * hand-written loop's.
 */
class ContendersAgreeTest {
    private final List<Object> out = Collections.synchronizedList(new ArrayList<>());

    @Test
    void mapSink() {
        MapSink b = new MapSink();
        b.build(out::add);
        List<Object> expected = agree(b::loop, b::streamz, b::reactor, b::rxjava, b::streamzConfined);
        assertThat(expected).hasSize(MapSink.EVENTS).startsWith(1, 2, 3);
        b.streamzCounts();
        assertThat(out).isEqualTo(expected);
        out.clear();
        b.streamzTiming();
        assertThat(out).isEqualTo(expected);
        out.clear();
        b.rxjavaSerialized();
        assertThat(out).isEqualTo(expected);
    }

    @Test
    void map10() {
        Map10 b = new Map10();
        b.build(out::add);
        List<Object> expected = agree(b::loop, b::streamz, b::reactor, b::rxjava, b::streamzConfined, b::rxjavaSerialized);
        assertThat(expected).hasSize(Map10.EVENTS).startsWith(10, 11, 12);
    }

    @Test
    void filterAccumulate() {
        FilterAccumulate b = new FilterAccumulate();
        b.build(out::add);
        List<Object> expected = agree(b::loop, b::streamz, b::reactor, b::rxjava, b::streamzConfined, b::rxjavaSerialized);
        assertThat(expected).hasSize(FilterAccumulate.EVENTS / 2).startsWith(0, 2, 6, 12);
    }

    @Test
    void branchZip() {
        BranchZip b = new BranchZip();
        b.build(out::add);
        List<Object> expected = agree(b::loop, b::streamz, b::reactor, b::rxjava, b::streamzConfined, b::rxjavaSerialized);
        assertThat(expected).hasSize(BranchZip.EVENTS).startsWith(1, 4, 7);
    }

    @Test
    void partition10() {
        Partition10 b = new Partition10();
        b.build(out::add);
        List<Object> expected = agree(b::loop, b::streamz, b::reactor, b::rxjava);
        assertThat(expected).hasSize(Partition10.EVENTS / 10).startsWith(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    }

    @Test
    void slidingWindow10() {
        SlidingWindow10 b = new SlidingWindow10();
        b.build(out::add);
        List<Object> expected = agree(b::loop, b::streamz, b::reactor, b::rxjava, b::streamzConfined, b::rxjavaSerialized);
        assertThat(expected).hasSize(SlidingWindow10.EVENTS - 9)
                .startsWith(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    }

    @Test
    void unique100() {
        Unique100 b = new Unique100();
        b.build(out::add);
        List<Object> expected = agree(b::loop, b::streamz, b::reactor, b::rxjava, b::streamzConfined, b::rxjavaSerialized);
        assertThat(expected.size()).isBetween(Unique100.EVENTS / 4, Unique100.EVENTS * 3 / 4);
    }

    @Test
    void multiThreadEmit() {
        MultiThreadEmit b = new MultiThreadEmit();
        b.build(out::add);
        List<Object> expected = agree(b::loop, b::streamz, b::reactor, b::rxjava);
        assertThat(expected).hasSize(MultiThreadEmit.EVENTS).startsWith(1, 2, 3);
    }

    @Test
    void timedWindowPassesEveryElementOnceTheClockTicks() {
        VirtualTimeScheduler clock = VirtualTimeScheduler.create();
        TestScheduler rxClock = new TestScheduler();
        TimedWindow b = new TimedWindow();
        b.build(out::add, clock, rxClock);
        Runnable tick = () -> {
            clock.advanceTimeBy(TimedWindow.INTERVAL);
            rxClock.advanceTimeBy(TimedWindow.INTERVAL.toNanos(), TimeUnit.NANOSECONDS);
        };
        Map<String, Runnable> contenders = new LinkedHashMap<>();
        contenders.put("loop", b::loop);
        contenders.put("streamz", b::streamz);
        contenders.put("reactor", b::reactor);
        contenders.put("rxjava", b::rxjava);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < TimedWindow.EVENTS; i++) {
            expected.add(Inputs.at(i));
        }
        contenders.forEach((name, contender) -> {
            contender.run();
            tick.run();
            List<Object> elements = new ArrayList<>();
            out.forEach(window -> elements.addAll((List<?>) window));
            assertThat(elements).as(name).isEqualTo(expected);
            out.clear();
        });
        b.stopTimers();
    }

    @Test
    void buffer100SlowSink() {
        Buffer100SlowSink b = new Buffer100SlowSink();
        b.build(out::add);
        Map<String, Runnable> contenders = new LinkedHashMap<>();
        contenders.put("loop", b::loop);
        contenders.put("streamz", b::streamz);
        contenders.put("reactor", b::reactor);
        contenders.put("rxjava", b::rxjava);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < Buffer100SlowSink.EVENTS; i++) {
            expected.add(Inputs.at(i));
        }
        contenders.forEach((name, contender) -> {
            contender.run();
            awaitSize(Buffer100SlowSink.EVENTS);   // the last elements are still on the device
            assertThat(out).as(name).isEqualTo(expected);
            out.clear();
        });
        b.stopDevice();
    }

    /** Waits, at most ten seconds, until the device thread has written {@code n} elements. */
    private void awaitSize(int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (out.size() < n && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
    }

    /**
     * Runs {@code loop}, then each other contender, and checks each produced what the loop did.
     *
     * @return the loop's output
     */
    @Test
    void eventTimeWindowSum() {
        EventTimeWindowSum b = new EventTimeWindowSum();
        b.build(out::add);
        b.loop();
        Map<String, Long> expected = windowSums();
        b.eventTime();
        assertThat(windowSums()).as("eventTime").isEqualTo(expected);
        assertThat(expected).hasSizeGreaterThan(EventTimeWindowSum.KEYS * 16);   // 17 minutes of 10,000 keys
        b.processingTime();   // the same minutes of processing time: the same total
        long total = 0;
        for (Object o : out) {
            total += ((Map<?, ?>) o).values().stream().mapToLong(v -> (Long) v).sum();
        }
        assertThat(total).isEqualTo(expected.values().stream().mapToLong(x -> x).sum());
    }

    /** The sums per key and minute that the contender emitted, as {@code key@start}; clears them. */
    private Map<String, Long> windowSums() {
        Map<String, Long> sums = new java.util.TreeMap<>();
        for (Object o : out) {
            io.streamz.Windowed<?, ?> w = (io.streamz.Windowed<?, ?>) o;
            assertThat(sums.put(w.key() + "@" + w.start().toEpochMilli(), (Long) w.value())).isNull();
        }
        out.clear();
        return sums;
    }

    private List<Object> agree(Runnable loop, Runnable streamz, Runnable reactor, Runnable rxjava, Runnable... more) {
        loop.run();
        List<Object> expected = List.copyOf(out);
        out.clear();
        Map<String, Runnable> others = new LinkedHashMap<>();
        others.put("streamz", streamz);
        others.put("reactor", reactor);
        others.put("rxjava", rxjava);
        for (int i = 0; i < more.length; i++) {
            others.put("contender " + (i + 5), more[i]);
        }
        others.forEach((name, contender) -> {
            contender.run();
            assertThat(out).as(name).isEqualTo(expected);
            out.clear();
        });
        return expected;
    }
}
