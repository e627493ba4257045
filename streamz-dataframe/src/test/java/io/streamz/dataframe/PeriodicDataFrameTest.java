package io.streamz.dataframe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.testing.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PeriodicDataFrameTest {
    @RegisterExtension
    final VirtualClock clock = new VirtualClock();

    @Test
    void pollsTheFunctionWithLastAndNow() {
        List<Instant[]> calls = new ArrayList<>();
        PeriodicDataFrame df = PeriodicDataFrame.create((last, now) -> {
            calls.add(new Instant[] {last, now});
            return Frame.of("v", new double[] {1});
        }, "1s");
        assertThat(calls).hasSize(1);                        // the example
        List<Double> sums = df.col("v").sum().sinkToList();
        clock.advanceTimeBy(Duration.ofSeconds(5));
        assertThat(sums).isEmpty();                          // not started
        df.start();
        clock.advanceTimeBy(Duration.ofMillis(3500));
        assertThat(sums).containsExactly(1.0, 2.0, 3.0);
        assertThat(calls.get(2)[0]).isEqualTo(calls.get(1)[1]);
        assertThat(Duration.between(calls.get(2)[0], calls.get(2)[1])).isEqualTo(Duration.ofSeconds(1));
        df.stop();
        clock.advanceTimeBy(Duration.ofSeconds(5));
        assertThat(sums).hasSize(3);
        assertThat(df.isStarted()).isFalse();
    }

    @Test
    void randomEmitsOneRowPerFreqWithATimeIndex() {
        PeriodicDataFrame df = PeriodicDataFrame.random(Duration.ofMillis(100), Duration.ofMillis(500), clock.scheduler(), 7);
        assertThat(df.columns()).containsExactly("x", "y", "z");
        assertThat(df.example().columnNames()).containsExactly("time", "x", "y", "z");
        assertThat(df.indexColumn()).isEqualTo("time");
        List<Long> sizes = df.col("x").size().sinkToList();
        List<Double> windowed = df.window("1s").col("x").mean().sinkToList();
        df.start();
        clock.advanceTimeBy(Duration.ofSeconds(2));
        df.stop();
        assertThat(sizes).containsExactly(5L, 10L, 15L, 20L);
        assertThat(windowed).allMatch(m -> m > 0 && m < 1);
        assertThatThrownBy(() -> PeriodicDataFrame.random("0ms", "1s")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void intervalsUnderOneMillisecondAreRefusedNamingTheNodeAndTheValue() {
        assertThatThrownBy(() -> PeriodicDataFrame.create((last, now) -> Frame.of("v", new double[] {1}), "999us"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PeriodicDataFrame: interval must be >= 1ms (the shortest repeating timer), was 999us");
        assertThatThrownBy(() -> PeriodicDataFrame.create((last, now) -> Frame.of("v", new double[] {1}),
                Duration.ofNanos(1), clock.scheduler(), "v"))
                .hasMessage("PeriodicDataFrame: interval must be >= 1ms (the shortest repeating timer), was 1ns");
        assertThatThrownBy(() -> PeriodicDataFrame.random("100ms", "500us"))
                .hasMessage("PeriodicDataFrame.random: interval must be >= 1ms (the shortest repeating timer), "
                        + "was 500us");
        assertThatThrownBy(() -> PeriodicDataFrame.random("100ms", "0s"))
                .hasMessage("PeriodicDataFrame.random: interval must be > 0, was 0s");
        PeriodicDataFrame df = PeriodicDataFrame.create((last, now) -> Frame.of("v", new double[] {1}), "1ms");
        List<Double> sums = df.col("v").sum().sinkToList();
        df.start();
        clock.advanceTimeBy(Duration.ofMillis(3));
        df.stop();
        assertThat(sums).containsExactly(1.0, 2.0, 3.0);
    }
}
