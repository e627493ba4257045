package io.streamz.examples.demo;

import io.streamz.Stream;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The demo's stream graph: raw CSV lines in, a day's statistics out.
 *
 * <pre>{@code
 * ShopPipeline p = new ShopPipeline();
 * p.lines().emit("2024-11-29T19:04:11.532Z,u01234,purchase,p0137,electronics,129.99,2");
 * p.revenue();   // 259.98
 * }</pre>
 */
public final class ShopPipeline {
    /** Per-hour totals (hour of day, UTC). */
    public static final class Hour {
        long clicks;
        long carts;
        long purchases;
        double revenue;

        /** Clicks in this hour. */
        public long clicks() {
            return clicks;
        }

        /** Add-to-cart events in this hour. */
        public long carts() {
            return carts;
        }

        /** Purchases in this hour. */
        public long purchases() {
            return purchases;
        }

        /** Revenue in this hour. */
        public double revenue() {
            return revenue;
        }
    }

    private final Stream<String> lines = Stream.create("lines");
    private final Meters meters = new Meters();
    private final Hour[] hours = new Hour[24];
    private final Map<String, Double> revenueByCategory = new TreeMap<>();
    private final Map<String, Long> unitsByProduct = new HashMap<>();
    private final Set<String> buyers = new HashSet<>();
    private double revenue;

    /** Builds the graph. */
    public ShopPipeline() {
        for (int h = 0; h < hours.length; h++) {
            hours[h] = new Hour();
        }
        Stream<ShopEvent> events = lines
                .filter(ShopEvent::isWellFormed).named("well-formed")
                .map(ShopEvent::parse).named("parse");
        Stream<ShopEvent> clicks = events.filter(ShopEvent::isClick).named("clicks");
        Stream<ShopEvent> carts = events.filter(e -> e.type().equals("cart")).named("carts");
        Stream<ShopEvent> purchases = events.filter(ShopEvent::isPurchase).named("purchases");

        clicks.sink(e -> hour(e).clicks++);
        carts.sink(e -> hour(e).carts++);
        purchases.sink(this::purchase);

        meters.watch("lines", lines);
        meters.watch("parsed", events);
        meters.watch("clicks", clicks);
        meters.watch("carts", carts);
        meters.watch("purchases", purchases);
    }

    private Hour hour(ShopEvent e) {
        return hours[e.time().atZone(ZoneOffset.UTC).getHour()];
    }

    private void purchase(ShopEvent e) {
        Hour h = hour(e);
        h.purchases++;
        h.revenue += e.amount();
        revenue += e.amount();
        revenueByCategory.merge(e.category(), e.amount(), Double::sum);
        unitsByProduct.merge(e.product(), (long) e.quantity(), Long::sum);
        buyers.add(e.user());
    }

    /** The source node: emit raw CSV lines here. */
    public Stream<String> lines() {
        return lines;
    }

    /** Counts of elements leaving the main nodes. */
    Meters meters() {
        return meters;
    }

    /** Lines received. */
    public long lineCount() {
        return meters.count("lines");
    }

    /** Lines dropped as malformed. */
    public long malformed() {
        return meters.count("lines") - meters.count("parsed");
    }

    /** Per-hour totals, index 0 is 00:00-01:00 UTC. */
    public Hour[] hours() {
        return hours.clone();
    }

    /** Total revenue. */
    public double revenue() {
        return revenue;
    }

    /** Revenue per category, by category name. */
    public Map<String, Double> revenueByCategory() {
        return Map.copyOf(revenueByCategory);
    }

    /** Units sold per product. */
    public Map<String, Long> unitsByProduct() {
        return Map.copyOf(unitsByProduct);
    }

    /** Distinct shoppers who bought something. */
    public int buyers() {
        return buyers.size();
    }
}
