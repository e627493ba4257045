package io.streamz.examples.demo;

import io.streamz.Stream;
import io.streamz.dataframe.Frame;
import io.streamz.dataframe.Series;
import io.streamz.dataframe.StreamingDataFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import reactor.core.scheduler.Scheduler;

/**
 * The demo's stream graph: raw CSV lines in, a day's statistics out. Every time-based node runs
 * on the given {@code clock}, which the replay moves along the events' timestamps, so windows
 * and timeouts follow event time whatever the replay speed.
 *
 * <pre>
 * lines ─ filter "well-formed" ─ map "parse" ─┬─ filter "clicks" ─┬─ timedWindow(1h) ─ map "clicks/hour" ─┐
 *                                             │                   └─ partition(50, 30m, by user) "visits"  zip "hour" ─ starmap "hour row"
 *                                             ├─ filter "carts"                                          │
 *                                             └─ filter "purchases" ─┬─ timedWindow(1h) ─ map "sales/hour" ┘
 *                                                                    ├─ map "amount" ─ accumulate "revenue"
 *                                                                    ├─ map "product" ─ frequencies
 *                                                                    ├─ map "buyer" ─ unique
 *                                                                    └─ partition(25, 15m) ─ map "to frame"
 *                                                                          ├─ rolling("1h").col("amount").mean()
 *                                                                          └─ groupby("category").col("amount").sum()
 * </pre>
 *
 * <pre>{@code
 * VirtualTimeScheduler clock = VirtualTimeScheduler.create();
 * clock.advanceTimeTo(GenerateShopEvents.DAY);
 * ShopPipeline p = new ShopPipeline(clock, GenerateShopEvents.DAY);
 * p.lines().emit("2024-11-29T19:04:11.532Z,u01234,purchase,p0137,electronics,129.99,2");
 * p.revenue();   // 259.98
 * }</pre>
 */
public final class ShopPipeline {
    /** One hour of the day, as the hourly join emits it. */
    public record HourRow(int hour, long clicks, long purchases, double revenue, double rollingMeanBasket) {
        /** Purchases per 100 clicks. */
        public double conversion() {
            return clicks == 0 ? 0 : 100.0 * purchases / clicks;
        }
    }

    private static final Duration HOUR = Duration.ofHours(1);

    private final Scheduler clock;
    private final Instant day;
    private final Stream<String> lines = Stream.create("lines");
    private final Stream<Double> revenueTotals;
    private final Stream<Frame> batches;
    private final Stream<Series<Double>> basketMeans;
    private final Meters meters = new Meters();
    private final LongAdder lineCount = new LongAdder();
    private final List<HourRow> hours = new CopyOnWriteArrayList<>();
    private volatile long carts;
    private volatile double revenue;
    private volatile Map<String, Long> purchasesByProduct = Map.of();
    private volatile long buyers;
    private volatile long visits;
    private volatile long visitClicks;
    private volatile double rollingMeanBasket = Double.NaN;
    private volatile Series<Double> revenueByCategory;
    private final String dot;

    /**
     * Builds the graph.
     *
     * @param clock the clock and timers of the windows and timeouts
     * @param day the start of the day replayed, for the hour numbers
     */
    public ShopPipeline(Scheduler clock, Instant day) {
        this(clock, day, p -> { });
    }

    /**
     * Builds the graph and calls {@code built} with it before the demo's counting sinks are
     * added (the dashboard starts there, so its picture shows the pipeline only).
     */
    public ShopPipeline(Scheduler clock, Instant day, Consumer<ShopPipeline> built) {
        this.clock = clock;
        this.day = day;
        Stream<ShopEvent> events = lines
                .filter(ShopEvent::isWellFormed).named("well-formed")
                .map(ShopEvent::parse).named("parse");
        Stream<ShopEvent> clicks = events.filter(ShopEvent::isClick).named("clicks");
        Stream<ShopEvent> carts = events.filter(e -> e.type().equals("cart")).named("carts");
        Stream<ShopEvent> purchases = events.filter(ShopEvent::isPurchase).named("purchases");

        // Keyed and timed windows: a user's clicks within 30 minutes of their first make a visit.
        Stream<List<ShopEvent>> userVisits = clicks
                .partition(50, Duration.ofMinutes(30), ShopEvent::user, clock).named("visits");
        userVisits.sink(v -> {
            visits++;
            visitClicks += v.size();
        });
        carts.sink(e -> this.carts++);

        // Running totals, counts and distinct values.
        revenueTotals = purchases.map(ShopEvent::amount).named("amount")
                .accumulate(Double::sum).named("revenue");
        revenueTotals.sink(r -> revenue = r);
        purchases.map(ShopEvent::product).named("product")
                .frequencies().sink(f -> purchasesByProduct = f);
        purchases.map(ShopEvent::user).named("buyer").unique().sink(u -> buyers++);

        // A streaming dataframe of purchases in small batches: a rolling mean and a group-by.
        batches = purchases.partition(25, Duration.ofMinutes(15), clock)
                .map(ShopPipeline::toFrame).named("to frame");
        StreamingDataFrame sdf = StreamingDataFrame.from(batches, toFrame(List.of()), "time");
        basketMeans = sdf.rolling("1h").col("amount").mean();
        basketMeans.sink(s -> rollingMeanBasket = s.get(s.size() - 1));
        sdf.groupby("category").col("amount").sum()
                .sink(s -> revenueByCategory = s);

        // Timed windows joined hour by hour: clicks and sales of the same hour side by side.
        Stream<Integer> clicksPerHour = clicks.timedWindow(HOUR, clock).map(List::size).named("clicks/hour");
        Stream<double[]> salesPerHour = purchases.timedWindow(HOUR, clock)
                .map(ShopPipeline::sales).named("sales/hour");
        Stream<HourRow> hourly = clicksPerHour.zip(salesPerHour).named("hour")
                .starmap((Integer c, double[] s) -> hourRow(c, s)).named("hour row");
        hourly.filter(h -> h.hour() >= 0).named("skip first window").sink(hours::add);

        dot = lines.toDot();   // drawn before the meters below add their counting sinks
        built.accept(this);
        lines.sink(x -> lineCount.increment());
        meters.watch("parse", events);
        meters.watch("clicks", clicks);
        meters.watch("purchases", purchases);
        meters.watch("visits", userVisits);
        meters.watch("frames", batches);
        meters.watch("hours", hourly);
    }

    private static double[] sales(List<ShopEvent> window) {
        double sum = 0;
        for (ShopEvent e : window) {
            sum += e.amount();
        }
        return new double[] {window.size(), sum};
    }

    /** The hour a window closing now covers; -1 for streamz's first, empty, window. */
    private HourRow hourRow(int clicks, double[] sales) {
        long now = clock.now(TimeUnit.MILLISECONDS);
        int hour = (int) Math.floorDiv(now - day.toEpochMilli(), HOUR.toMillis()) - 1;
        return new HourRow(hour, clicks, (long) sales[0], sales[1], rollingMeanBasket);
    }

    private static Frame toFrame(List<ShopEvent> batch) {
        int n = batch.size();
        Instant[] time = new Instant[n];
        String[] category = new String[n];
        double[] amount = new double[n];
        for (int i = 0; i < n; i++) {
            ShopEvent e = batch.get(i);
            time[i] = e.time();
            category[i] = e.category();
            amount[i] = e.amount();
        }
        return Frame.of("time", time, "category", category, "amount", amount);
    }

    /** The source node: emit raw CSV lines here. */
    public Stream<String> lines() {
        return lines;
    }

    /** The running total of revenue. */
    Stream<Double> revenueTotals() {
        return revenueTotals;
    }

    /** Purchases in small dataframes (time, category, amount). */
    Stream<Frame> batches() {
        return batches;
    }

    /** The rolling one-hour mean of the purchase amount, a series per batch. */
    Stream<Series<Double>> basketMeans() {
        return basketMeans;
    }

    /** The graph in Graphviz DOT, without the demo's counting sinks. */
    public String dot() {
        return dot;
    }

    /** Counts of elements leaving the main nodes. */
    Meters meters() {
        return meters;
    }

    /** Lines received. */
    public long lineCount() {
        return lineCount.sum();
    }

    /** Lines dropped as malformed. */
    public long malformed() {
        return lineCount.sum() - meters.count("parse");
    }

    /** Clicks seen. */
    public long clicks() {
        return meters.count("clicks");
    }

    /** Add-to-cart events seen. */
    public long carts() {
        return carts;
    }

    /** Purchases seen. */
    public long purchases() {
        return meters.count("purchases");
    }

    /** The hours whose windows have closed, in order. */
    public List<HourRow> hours() {
        return List.copyOf(hours);
    }

    /** Total revenue so far (the running {@code accumulate}). */
    public double revenue() {
        return revenue;
    }

    /** Revenue per category from the dataframe group-by, or an empty map before any batch. */
    public Map<String, Double> revenueByCategory() {
        Series<Double> s = revenueByCategory;
        return s == null ? Map.of() : toMap(s);
    }

    private static Map<String, Double> toMap(Series<Double> s) {
        Map<String, Double> m = new TreeMap<>();
        s.toMap().forEach((k, v) -> m.put(String.valueOf(k), v));
        return m;
    }

    /** Purchases per product (the {@code frequencies} node). */
    public Map<String, Long> purchasesByProduct() {
        return purchasesByProduct;
    }

    /** Distinct shoppers who bought something (the {@code unique} node). */
    public long buyers() {
        return buyers;
    }

    /** Visits: a user's clicks within 30 minutes of their first. */
    public long visits() {
        return visits;
    }

    /** Clicks per visit, on average. */
    public double clicksPerVisit() {
        return visits == 0 ? 0 : (double) visitClicks / visits;
    }

    /** The mean purchase amount over the last hour of event time, from the rolling dataframe window. */
    public double rollingMeanBasket() {
        return rollingMeanBasket;
    }
}
