package io.streamz.benchmarks;

import io.streamz.dataframe.Frame;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The input of the dataframe pipelines: {@link #COUNT} batches of {@link #ROWS} rows with a
 * {@code time} column one millisecond apart, a random {@code x} in [0, 1) and a {@code name} out
 * of eight, built once so that building frames is not measured.
 */
final class Batches {
    static final int ROWS = 1_000;
    static final int COUNT = 100;
    static final String[] NAMES = {"alice", "bob", "charlie", "dan", "edith", "frank", "george", "hannah"};
    static final Frame[] FRAMES = new Frame[COUNT];

    static {
        SplittableRandom random = new SplittableRandom(42);
        for (int b = 0; b < COUNT; b++) {
            Instant[] time = new Instant[ROWS];
            double[] x = new double[ROWS];
            String[] name = new String[ROWS];
            for (int i = 0; i < ROWS; i++) {
                time[i] = Instant.ofEpochMilli((long) b * ROWS + i);
                x[i] = random.nextDouble();
                name[i] = NAMES[random.nextInt(NAMES.length)];
            }
            FRAMES[b] = Frame.of("time", time, "x", x, "name", name);
        }
    }

    private Batches() {
    }

    /** A frame with the batches' columns and no rows. */
    static Frame example() {
        return FRAMES[0].emptyRows();
    }
}
