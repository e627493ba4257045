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
