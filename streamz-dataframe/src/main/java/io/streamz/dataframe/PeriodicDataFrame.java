package io.streamz.dataframe;

import io.streamz.Stream;
import io.streamz.dataframe.internal.PeriodicSource;
import io.streamz.internal.util.Intervals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiFunction;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A streaming dataframe fed by polling a function on an interval (streamz
 * {@code PeriodicDataFrame}): every interval, {@code datafn(last, now)} is called with the time
 * of the previous call and the current time, and the frame it returns is emitted. Like every
 * source it does nothing until {@link #start()}.
 *
 * <pre>{@code
 * PeriodicDataFrame df = PeriodicDataFrame.create(
 *         (last, now) -> Frame.of("time", new Instant[] {now}, "value", new double[] {Math.random()}), "1s");
 * df.col("value").mean().sink(System.out::println);
 * df.start();
 * // ... a mean every second
 * df.stop();
 *
 * PeriodicDataFrame random = PeriodicDataFrame.random("100ms", "500ms");   // streamz's Random
 * }</pre>
 *
 * <p><b>Time:</b> the interval runs on a Reactor {@link Scheduler}, by default the one
 * {@code Schedulers.parallel()} returns when the dataframe is built, so
 * {@code VirtualTimeScheduler.getOrSet()} puts it on virtual time; {@code last} and {@code now}
 * come from the scheduler's clock. The example is {@code datafn(now, now)}, called once when
 * the dataframe is built.
 */
public final class PeriodicDataFrame extends StreamingDataFrame {
    private final PeriodicSource source;

    private PeriodicDataFrame(PeriodicSource source, Stream<Frame> stream, Frame example, String index) {
        super(stream, source, () -> example, index);
        this.source = source;
    }

    private static PeriodicDataFrame build(BiFunction<Instant, Instant, Frame> datafn, Duration interval,
                                           Scheduler scheduler, String index, String node) {
        Objects.requireNonNull(datafn, "PeriodicDataFrame: datafn is null");
        Intervals.timer(interval, node, "interval");
        Objects.requireNonNull(scheduler, "PeriodicDataFrame: scheduler is null");
        PeriodicSource source = new PeriodicSource(datafn, interval, scheduler);
        Instant now = source.now();
        Frame example = Objects.requireNonNull(datafn.apply(now, now), "PeriodicDataFrame: datafn returned null");
        StreamingDataFrame sdf = index == null ? StreamingDataFrame.from(source, example)
                : StreamingDataFrame.from(source, example, index);
        return new PeriodicDataFrame(source, sdf.stream(), example.emptyRows(), index);
    }

    /**
     * A dataframe of what {@code datafn(last, now)} returns every {@code interval} (such as
     * {@code "500ms"}), on {@code Schedulers.parallel()}.
     *
     * @param datafn datafn called with the previous poll's time and now, returning the frame to
     *     emit; not null, nor may it return null for the example
     * @param interval the polling interval, such as {@code "500ms"}; at least 1 ms
     * @return the new dataframe, not yet started
     * @throws IllegalArgumentException when {@code interval} cannot be parsed or is under 1 ms
     */
    public static PeriodicDataFrame create(BiFunction<Instant, Instant, Frame> datafn, String interval) {
        return create(datafn, Intervals.parse(interval, "PeriodicDataFrame", "interval"));
    }

    /**
     * See {@link #create(BiFunction, String)}.
     *
     * @param datafn datafn called with the previous poll's time and now, returning the frame to
     *     emit; not null, nor may it return null for the example
     * @param interval the polling interval; at least 1 ms
     * @return the new dataframe, not yet started
     * @throws IllegalArgumentException when {@code interval} is under 1 ms
     */
    public static PeriodicDataFrame create(BiFunction<Instant, Instant, Frame> datafn, Duration interval) {
        return create(datafn, interval, Schedulers.parallel());
    }

    /**
     * See {@link #create(BiFunction, String)}; on the given scheduler.
     *
     * @param datafn datafn called with the previous poll's time and now, returning the frame to
     *     emit; not null, nor may it return null for the example
     * @param interval the polling interval; at least 1 ms
     * @param scheduler the scheduler that runs the polls and whose clock gives {@code last} and
     *     {@code now}; not null
     * @return the new dataframe, not yet started
     * @throws IllegalArgumentException when {@code interval} is under 1 ms
     */
    public static PeriodicDataFrame create(BiFunction<Instant, Instant, Frame> datafn, Duration interval,
                                           Scheduler scheduler) {
        return build(datafn, interval, scheduler, null, "PeriodicDataFrame");
    }

    /**
     * As {@link #create(BiFunction, Duration, Scheduler)}, with {@code indexColumn} as the index
     * (for time windows).
     *
     * @param datafn datafn called with the previous poll's time and now, returning the frame to
     *     emit; not null, nor may it return null for the example
     * @param interval the polling interval; at least 1 ms
     * @param scheduler the scheduler that runs the polls and whose clock gives {@code last} and
     *     {@code now}; not null
     * @param indexColumn the name of the index column, a column of the example; not null
     * @return the new dataframe, not yet started
     * @throws IllegalArgumentException when {@code interval} is under 1 ms, or the example has no
     *     column {@code indexColumn}
     */
    public static PeriodicDataFrame create(BiFunction<Instant, Instant, Frame> datafn, Duration interval,
                                           Scheduler scheduler, String indexColumn) {
        return build(datafn, interval, scheduler, Objects.requireNonNull(indexColumn, "indexColumn is null"),
                "PeriodicDataFrame");
    }

    /**
     * Random data every 500 ms, one row per 100 ms (streamz {@code Random()}), on
     * {@code Schedulers.parallel()} with a random seed; see
     * {@link #random(Duration, Duration, Scheduler, long)}.
     *
     * @return the new dataframe, not yet started
     */
    public static PeriodicDataFrame random() {
        return random("100ms", "500ms");
    }

    /**
     * Random data every {@code interval}, one row per {@code freq} (streamz
     * {@code Random(freq, interval)}), on {@code Schedulers.parallel()} with a random seed; see
     * {@link #random(Duration, Duration, Scheduler, long)}.
     *
     * @param freq the time between rows, such as {@code "100ms"}; positive
     * @param interval the polling interval, such as {@code "500ms"}; at least 1 ms
     * @return the new dataframe, not yet started
     * @throws IllegalArgumentException when either duration cannot be parsed, {@code freq} is not
     *     positive or {@code interval} is under 1 ms
     */
    public static PeriodicDataFrame random(String freq, String interval) {
        return random(Intervals.parse(freq, "PeriodicDataFrame.random", "freq"), Intervals.parse(interval, "PeriodicDataFrame.random", "interval"), Schedulers.parallel(), new Random().nextLong());
    }

    /**
     * Random data (streamz {@code Random}, its {@code random_datablock}): each poll emits one row
     * per {@code freq} from {@code last + freq} to {@code now}, with an instant column
     * {@code time} (the index), {@code x} uniform in [0, 1), {@code y} Poisson with mean 1 (long)
     * and {@code z} standard normal; {@code seed} makes it reproducible.
     *
     * @param freq the time between rows; positive
     * @param interval the polling interval; at least 1 ms
     * @param scheduler the scheduler that runs the polls and whose clock times the rows; not null
     * @param seed the seed of the random values
     * @return the new dataframe, not yet started
     * @throws IllegalArgumentException when {@code freq} is not positive or {@code interval} is under
     *     1 ms
     */
    public static PeriodicDataFrame random(Duration freq, Duration interval, Scheduler scheduler, long seed) {
        Intervals.positive(freq, "PeriodicDataFrame.random", "freq");
        Random rng = new Random(seed);
        long step = freq.toNanos();
        return build((last, now) -> randomBlock(rng, last, now, step), interval, scheduler, "time",
                "PeriodicDataFrame.random");
    }

    private static Frame randomBlock(Random rng, Instant last, Instant now, long step) {
        List<Instant> times = new ArrayList<>();
        for (Instant t = last.plusNanos(step); !t.isAfter(now); t = t.plusNanos(step)) {
            times.add(t);
        }
        int n = times.size();
        double[] x = new double[n];
        long[] y = new long[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble();
            y[i] = poisson(rng);
            z[i] = rng.nextGaussian();
        }
        return Frame.of("time", times.toArray(new Instant[0]), "x", x, "y", y, "z", z);
    }

    private static long poisson(Random rng) {
        double limit = Math.exp(-1);
        double p = rng.nextDouble();
        long k = 0;
        while (p > limit) {
            p *= rng.nextDouble();
            k++;
        }
        return k;
    }

    /** Starts polling; starting again does nothing. */
    public void start() {
        source.start();
    }

    /** Stops polling; stopping again does nothing, and {@link #start()} starts it again. */
    public void stop() {
        source.stop();
    }

    /**
     * Whether it is polling.
     *
     * @return {@code true} between {@link #start()} and {@link #stop()}
     */
    public boolean isStarted() {
        return source.isStarted();
    }
}
