package io.streamz.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamz.NodeException;
import io.streamz.Stream;
import io.streamz.metrics.internal.GraphStats;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GraphMetricsTest {
    private static double count(MeterRegistry r, String name, String id) {
        return r.get(name).tag("id", id).functionCounter().count();
    }

    @Test
    void theJavadocExample() {
        Stream<Integer> source = Stream.create("numbers");
        source.map(x -> x * 2).named("double").sinkToList();

        MeterRegistry registry = new SimpleMeterRegistry();
        GraphMetrics.of(source).named("demo").bindTo(registry);
        for (int i = 0; i < 3; i++) {
            source.emit(i);
        }
        assertThat(registry.get("streamz.node.out").tag("node", "map \"double\"").functionCounter().count())
                .isEqualTo(3.0);
    }

    @Test
    void countsElementsInAndOutOfEveryNodeWithItsTags() {
        Stream<Integer> source = Stream.create("numbers");
        Stream<Integer> even = source.filter(x -> x % 2 == 0);
        even.map(x -> x + 1).sinkToList();
        source.map(x -> x - 1).sinkToList();

        MeterRegistry registry = new SimpleMeterRegistry();
        GraphMetrics.of(source).bindTo(registry);
        for (int i = 0; i < 10; i++) {
            source.emit(i);
        }
        // n0 numbers, n1 filter, n2 map (x - 1), n3 map (x + 1), n4 and n5 the sinks
        assertThat(count(registry, "streamz.node.in", "n0")).isEqualTo(10);
        assertThat(count(registry, "streamz.node.out", "n0")).isEqualTo(10);
        assertThat(count(registry, "streamz.node.in", "n1")).isEqualTo(10);
        assertThat(count(registry, "streamz.node.out", "n1")).isEqualTo(5);
        assertThat(count(registry, "streamz.node.in", "n3")).isEqualTo(5);
        assertThat(count(registry, "streamz.node.out", "n3")).isEqualTo(5);
        assertThat(count(registry, "streamz.node.in", "n4")).isEqualTo(10);
        assertThat(count(registry, "streamz.node.out", "n4")).isZero();

        FunctionCounter filterOut = registry.get("streamz.node.out").tag("id", "n1").functionCounter();
        assertThat(filterOut.getId().getTags().stream().map(t -> t.getKey() + "=" + t.getValue())
                        .collect(Collectors.toList()))
                .containsExactlyInAnyOrder("graph=streamz", "node=filter", "kind=filter", "id=n1");
        assertThat(registry.get("streamz.node.out").tag("node", "map").functionCounters()).hasSize(2);
        assertThat(registry.get("streamz.node.held").tag("id", "n2").gauge().value()).isZero();
        assertThat(registry.get("streamz.node.queued").tag("id", "n0").gauge().value()).isZero();
        assertThat(registry.get("streamz.node.function").tag("id", "n2").functionTimer().count()).isZero();
    }

    @Test
    void countsTheFailuresReported() {
        Stream<String> source = Stream.create();
        source.map(Integer::parseInt).named("parse").sinkToList();
        GraphStats stats = GraphStats.of(source);
        MeterRegistry registry = new SimpleMeterRegistry();
        GraphMetrics metrics = GraphMetrics.of(source);
        metrics.bindTo(registry);

        for (String s : List.of("1", "x", "2")) {
            try {
                source.emit(s);
            } catch (NodeException e) {
                stats.failed(e);
                metrics.failed(e);
            }
        }
        assertThat(registry.get("streamz.node.failures").tag("node", "map \"parse\"").functionCounter().count())
                .isEqualTo(1);
        Stream<?> parse = stats.nodes().get(1);
        assertThat(parse.toString()).isEqualTo("map \"parse\"");
        assertThat(stats.counts(parse).failures()).isEqualTo(1);
        assertThat(stats.counts(parse).in()).isEqualTo(3);
        assertThat(stats.counts(parse).out()).isEqualTo(2);
    }

    @Test
    void theGraphAsDotTextIsTheOneBeforeCounting() {
        Stream<Integer> source = Stream.create();
        source.map(x -> x).sinkToList();
        String before = source.toDot("LR");
        GraphStats stats = GraphStats.of(source);
        assertThat(stats.dot("LR")).isEqualTo(before);
        assertThat(stats.nodes()).hasSize(3);
        assertThatThrownBy(() -> stats.dot("up")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stats.counts(Stream.create())).isInstanceOf(IllegalArgumentException.class);
    }
}
