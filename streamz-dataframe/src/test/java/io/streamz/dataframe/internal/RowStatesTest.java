package io.streamz.dataframe.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RowStatesTest {

    @Test
    void orderStatisticsMatchASortedList() {
        Random random = new Random(3);
        OrderStatistics tree = new OrderStatistics();
        List<Double> sorted = new ArrayList<>();
        for (int step = 0; step < 5000; step++) {
            if (sorted.isEmpty() || random.nextInt(3) > 0) {
                double v = random.nextInt(50);             // many duplicates
                tree.add(v);
                sorted.add(v);
            } else {
                double v = sorted.get(random.nextInt(sorted.size()));
                assertThat(tree.remove(v)).isTrue();
                sorted.remove(v);
            }
            Collections.sort(sorted);
            assertThat(tree.size()).isEqualTo(sorted.size());
            if (!sorted.isEmpty()) {
                int k = random.nextInt(sorted.size());
                assertThat(tree.get(k)).as("rank %d at step %d", k, step).isEqualTo(sorted.get(k));
            }
        }
        assertThat(tree.remove(1000)).isFalse();
    }

    @Test
    void extremesFollowAFifoWindowWithMissingValues() {
        RowState min = new RowStates.Extreme(true);
        ArrayDeque<Double> window = new ArrayDeque<>();
        Random random = new Random(5);
        for (int i = 0; i < 2000; i++) {
            double v = random.nextInt(10) == 0 ? Double.NaN : random.nextInt(100);
            min.add(v);
            window.add(v);
            if (window.size() > 7) {
                min.remove(window.poll());
            }
            double expected = window.stream().filter(x -> !x.isNaN()).mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            assertThat(min.doubleResult()).isEqualTo(expected);
        }
    }

    @Test
    void rollingKernelsFollowPandas() {
        RollingWindow var = new RollingWindow(3, -1, 3, RollingWindow.Kernel.VAR, 1, null);
        assertThat(var.roll(0.1, 0)).isNaN();
        assertThat(var.roll(0.1, 0)).isNaN();
        assertThat(var.roll(0.1, 0)).isZero();                  // equal values: exactly 0
        assertThat(var.roll(0.4, 0)).isCloseTo(0.03, org.assertj.core.data.Offset.offset(1e-15));
        RollingWindow sum = new RollingWindow(1, -1, 1, RollingWindow.Kernel.SUM, 0, null);
        assertThat(sum.roll(2.5, 0)).isEqualTo(2.5);             // a window of 1 restarts every row
        assertThat(sum.roll(Double.NaN, 0)).isNaN();
        RollingWindow mean = new RollingWindow(2, -1, 2, RollingWindow.Kernel.MEAN, 0, null);
        mean.roll(1, 0);
        mean.roll(2, 0);
        mean.startBatch();                                       // replays the kept rows: same state
        assertThat(mean.roll(4, 0)).isEqualTo(3.0);
        assertThatThrownBy(() -> new RowStates.Quantile(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quantile: q must be in [0, 1], was 1.5");
    }
}
