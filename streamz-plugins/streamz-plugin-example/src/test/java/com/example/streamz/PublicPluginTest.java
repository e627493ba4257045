package com.example.streamz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.RefCounter;
import io.streamz.Source;
import io.streamz.Stream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

/** A plugin written against io.streamz and io.streamz.spi only: nodes, a timer, refs, a polling source. */
class PublicPluginTest {
    private VirtualTimeScheduler clock;

    @BeforeEach
    void virtualTime() {
        clock = VirtualTimeScheduler.getOrSet();
    }

    @AfterEach
    void realTime() {
        VirtualTimeScheduler.reset();
    }

    @Test
    void repeatEmitsEveryElementNTimesAndChecksItsArgument() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = new Repeat<>(source, 2).sinkToList();
        source.emit(1);
        source.emit(2);
        assertThat(out).containsExactly(1, 1, 2, 2);
        assertThatThrownBy(() -> new Repeat<>(source, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("repeat: n must be >= 1, was 0");
    }

    @Test
    void theProvidersAreFoundByName() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = source.<Integer>plugin("repeat", 3).sinkToList();
        source.emit(7);
        assertThat(out).containsExactly(7, 7, 7);
        assertThat(Stream.plugins()).containsEntry("repeat", "emits every element n times")
                .containsEntry("counter", "emits 0, 1, 2, ... every interval");
        assertThatThrownBy(() -> source.plugin("repeat", "three"))
                .hasMessageContaining("Plugin \"repeat\": argument 1 must be an Integer, was String three");
    }

    @Test
    void sampleEmitsTheLastElementOfEachIntervalOnTheVirtualClockAndReleasesRefs() {
        Stream<Integer> source = Stream.create();
        List<Integer> out = new Sample<>(source, Duration.ofMillis(100), clock).sinkToList();
        RefCounter first = new RefCounter();
        RefCounter second = new RefCounter();

        source.emit(1, List.of(Map.of("ref", first)));
        source.emit(2, List.of(Map.of("ref", second)));
        assertThat(first.count()).isZero();           // replaced before the tick
        assertThat(second.count()).isEqualTo(1);      // held by sample
        assertThat(out).isEmpty();

        clock.advanceTimeBy(Duration.ofMillis(100));

        assertThat(out).containsExactly(2);
        assertThat(second.count()).isZero();
        assertThatThrownBy(() -> new Sample<>(source, Duration.ofMillis(-1), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sample: interval must be > 0");
    }

    @Test
    void counterPollsEveryIntervalUntilStopped() {
        Source<Integer> counter = Stream.source("counter", "100ms");
        List<Integer> out = counter.sinkToList();
        counter.start();
        clock.advanceTimeBy(Duration.ofMillis(200));
        counter.stop();
        clock.advanceTimeBy(Duration.ofMillis(500));
        assertThat(out).containsExactly(0, 1, 2);
        assertThat(counter.toString()).isEqualTo("counter");
    }

    @Test
    void thePluginUsesOnlyThePublicPackages() throws Exception {
        Path sources = Path.of(System.getProperty("plugin.sources"));
        try (java.util.stream.Stream<Path> files = Files.walk(sources)) {
            List<Path> java = files.filter(p -> p.toString().endsWith(".java")).toList();
            assertThat(java).hasSizeGreaterThanOrEqualTo(5);
            for (Path p : java) {
                assertThat(Files.readString(p)).as("%s", p).doesNotContain("io.streamz.internal");
            }
        }
    }
}
