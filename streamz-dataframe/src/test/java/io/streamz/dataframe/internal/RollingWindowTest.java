package io.streamz.dataframe.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamz.dataframe.DoubleColumn;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The batch path of count windows of sums and means ({@code rollCounts}) computes the same bits
 * as the row-by-row path ({@code roll}), restarts, missing values, runs of equal values and
 * negative values included.
 */
class RollingWindowTest {

    @Test
    void theBatchPathEqualsTheRowPathToTheLastBit() {
        Random rnd = new Random(7);
        for (RollingWindow.Kernel kernel : new RollingWindow.Kernel[] {RollingWindow.Kernel.SUM, RollingWindow.Kernel.MEAN}) {
            for (int n : new int[] {1, 2, 5, 64, 65, 100}) {
                for (int minPeriods : new int[] {0, 1, n}) {
                    RollingWindow rows = new RollingWindow(n, -1, minPeriods, kernel, 1, null);
                    RollingWindow batches = new RollingWindow(n, -1, minPeriods, kernel, 1, null);
                    for (int b = 0; b < 20; b++) {
                        double[] in = new double[1 + rnd.nextInt(150)];
                        for (int i = 0; i < in.length; i++) {
                            int pick = rnd.nextInt(10);
                            in[i] = pick == 0 ? Double.NaN : pick == 1 ? 3.0 : pick == 2 ? -rnd.nextDouble() * 1e6
                                    : rnd.nextDouble() * 1e-3;
                        }
                        double[] expected = new double[in.length];
                        rows.startBatch();
                        for (int i = 0; i < in.length; i++) {
                            expected[i] = rows.roll(in[i], 0);
                        }
                        double[] actual = new double[in.length];
                        batches.startBatch();
                        assertThat(batches.rollCounts(DoubleColumn.wrap("x", in), actual)).isTrue();
                        for (int i = 0; i < in.length; i++) {
                            assertThat(Double.doubleToLongBits(actual[i]))
                                    .as("%s n=%d minPeriods=%d batch %d row %d", kernel, n, minPeriods, b, i)
                                    .isEqualTo(Double.doubleToLongBits(expected[i]));
                        }
                    }
                }
            }
        }
    }

    @Test
    void otherWindowsKeepTheRowPath() {
        double[] out = new double[1];
        DoubleColumn x = DoubleColumn.wrap("x", new double[] {1});
        assertThat(new RollingWindow(3, -1, 3, RollingWindow.Kernel.VAR, 1, null).rollCounts(x, out)).isFalse();
        assertThat(new RollingWindow(3, 1_000, 1, RollingWindow.Kernel.MEAN, 1, null).rollCounts(x, out)).isFalse();
    }
}
