package io.streamz.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every contender of a pipeline must compute the same thing, or the side-by-side numbers mean
 * nothing: each benchmark method runs once (single-threaded) and its output is compared with the
 * hand-written loop's.
 */
class ContendersAgreeTest {
    private final List<Object> out = new ArrayList<>();

    @Test
    void mapSink() {
        MapSink b = new MapSink();
        b.build(out::add);
        List<Object> expected = agree(b::loop, b::streamz, b::reactor, b::rxjava);
        assertThat(expected).hasSize(MapSink.EVENTS).startsWith(1, 2, 3);
    }

    @Test
    void map10() {
        Map10 b = new Map10();
        b.build(out::add);
        List<Object> expected = agree(b::loop, b::streamz, b::reactor, b::rxjava);
        assertThat(expected).hasSize(Map10.EVENTS).startsWith(10, 11, 12);
    }

    @Test
    void filterAccumulate() {
        FilterAccumulate b = new FilterAccumulate();
        b.build(out::add);
        List<Object> expected = agree(b::loop, b::streamz, b::reactor, b::rxjava);
        assertThat(expected).hasSize(FilterAccumulate.EVENTS / 2).startsWith(0, 2, 6, 12);
    }

    @Test
    void branchZip() {
        BranchZip b = new BranchZip();
        b.build(out::add);
        List<Object> expected = agree(b::loop, b::streamz, b::reactor, b::rxjava);
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
        List<Object> expected = agree(b::loop, b::streamz, b::reactor, b::rxjava);
        assertThat(expected).hasSize(SlidingWindow10.EVENTS - 9)
                .startsWith(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    }

    @Test
    void unique100() {
        Unique100 b = new Unique100();
        b.build(out::add);
        List<Object> expected = agree(b::loop, b::streamz, b::reactor, b::rxjava);
        assertThat(expected.size()).isBetween(Unique100.EVENTS / 4, Unique100.EVENTS * 3 / 4);
    }

    @Test
    void multiThreadEmit() {
        MultiThreadEmit b = new MultiThreadEmit();
        b.build(out::add);
        List<Object> expected = agree(b::loop, b::streamz, b::reactor, b::rxjava);
        assertThat(expected).hasSize(MultiThreadEmit.EVENTS).startsWith(1, 2, 3);
    }

    /**
     * Runs {@code loop}, then each other contender, and checks each produced what the loop did.
     *
     * @return the loop's output
     */
    private List<Object> agree(Runnable loop, Runnable streamz, Runnable reactor, Runnable rxjava) {
        loop.run();
        List<Object> expected = List.copyOf(out);
        out.clear();
        Map<String, Runnable> others = new LinkedHashMap<>();
        others.put("streamz", streamz);
        others.put("reactor", reactor);
        others.put("rxjava", rxjava);
        others.forEach((name, contender) -> {
            contender.run();
            assertThat(out).as(name).isEqualTo(expected);
            out.clear();
        });
        return expected;
    }
}
