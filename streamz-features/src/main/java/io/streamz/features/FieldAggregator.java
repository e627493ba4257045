package io.streamz.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.util.annotation.Nullable;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * A set of windowed features over one field of the events (storey {@code FieldAggregator}):
 * every aggregation over every window, named {@code <name>_<aggregation>_<window>}.
 *
 * <pre>{@code
 * FieldAggregator purchases = FieldAggregator.of("purchases", "purchase_amount",
 *         List.of("avg", "min", "max"), SlidingWindows.of(List.of("1h", "2h", "24h"), "10m"));
 * // purchases_avg_1h, purchases_avg_2h, purchases_avg_24h, purchases_min_1h, ...
 * FieldAggregator failed = FieldAggregator.of("failed_activities", "activity", List.of("count"),
 *         SlidingWindows.of(List.of("1h"), "10m"))
 *     .withFilter((Map<String, Object> e) -> "fail".equals(e.get("activity_status")));
 * }</pre>
 *
 * <p>An event whose field is missing or {@code null}, or that the filter rejects, does not
 * count. {@code count} accepts any value; the other aggregations need a {@link Number}.
 */
public final class FieldAggregator {
    private final String name;
    private final Function<Object, ?> field;
    private final ToDoubleFunction<Object> doubleField;
    private final List<FeatureAggregation> aggregations;
    private final FeatureWindows windows;
    private final Predicate<Object> filter;
    private final double maxValue;
    private final Object defaultValue;
    private final boolean countOnly;
    private final Stats stats;

    private FieldAggregator(String name, Function<Object, ?> field, ToDoubleFunction<Object> doubleField,
            List<FeatureAggregation> aggregations, FeatureWindows windows, Predicate<Object> filter, double maxValue,
            Object defaultValue) {
        this.name = name;
        this.field = field;
        this.doubleField = doubleField;
        this.aggregations = aggregations;
        this.windows = windows;
        this.filter = filter;
        this.maxValue = maxValue;
        this.defaultValue = defaultValue;
        this.countOnly = aggregations.stream().allMatch(a -> a == FeatureAggregation.COUNT);
        this.stats = new Stats(aggregations);
    }

    /**
     * Features over the map key {@code field} of {@code Map} events.
     *
     * @param name the start of the feature names, e.g. {@code "purchases"}
     * @param field the map key of the value to aggregate; an event without it does not count
     * @param aggregations storey names: count, sum, sqr, avg, min, max, first, last, stddev, stdvar
     * @param windows the windows to compute every aggregation over
     * @return the new aggregator, without a filter
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code aggregations} is empty, or quoting an unknown
     *         aggregation and listing the choices
     */
    public static FieldAggregator of(String name, String field, List<String> aggregations, FeatureWindows windows) {
        notNull(field, "field");
        return of(name, Events.field(field, "FieldAggregator \"" + name + "\"", "value"), aggregations, windows);
    }

    /**
     * Features over {@code field(event)}, for events of any type.
     *
     * <pre>{@code
     * FieldAggregator.of("amount", Purchase::amount, List.of("sum"), SlidingWindows.of(List.of("1h"), "10m"));
     * }</pre>
     *
     * @param <T> the event type
     * @param name the start of the feature names, e.g. {@code "purchases"}
     * @param field the value to aggregate; a {@code null} result does not count
     * @param aggregations storey names: count, sum, sqr, avg, min, max, first, last, stddev, stdvar
     * @param windows the windows to compute every aggregation over
     * @return the new aggregator, without a filter
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code aggregations} is empty, or quoting an unknown
     *         aggregation and listing the choices
     */
    @SuppressWarnings("unchecked")
    public static <T> FieldAggregator of(String name, Function<? super T, ?> field, List<String> aggregations,
            FeatureWindows windows) {
        notNull(field, "field");
        return new FieldAggregator(name, (Function<Object, ?>) field, null, parse(name, aggregations, windows), windows,
                e -> true, Double.NaN, Double.NaN);
    }

    /**
     * Features over {@code field(event)}, a {@code double} read without boxing: every event counts
     * ({@link #withFilter} skips some). The fastest form for events of a type of one's own.
     *
     * <pre>{@code
     * FieldAggregator.ofDouble("amount", Purchase::amount, List.of("sum", "max"), SlidingWindows.of(List.of("1h"), "10m"));
     * }</pre>
     *
     * @param <T> the event type
     * @param name the start of the feature names, e.g. {@code "purchases"}
     * @param field the value to aggregate ({@code NaN} counts as a value, as a {@code Double.NaN} field does)
     * @param aggregations storey names: count, sum, sqr, avg, min, max, first, last, stddev, stdvar
     * @param windows the windows to compute every aggregation over
     * @return the new aggregator, without a filter
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code aggregations} is empty, or quoting an unknown
     *         aggregation and listing the choices
     */
    @SuppressWarnings("unchecked")
    public static <T> FieldAggregator ofDouble(String name, ToDoubleFunction<? super T> field, List<String> aggregations,
            FeatureWindows windows) {
        notNull(field, "field");
        ToDoubleFunction<Object> f = (ToDoubleFunction<Object>) field;
        return new FieldAggregator(name, f::applyAsDouble, f, parse(name, aggregations, windows), windows, e -> true,
                Double.NaN, Double.NaN);
    }

    private static List<FeatureAggregation> parse(String name, List<String> aggregations, FeatureWindows windows) {
        notNull(name, "name");
        notNull(aggregations, "aggregations");
        notNull(windows, "windows");
        if (aggregations.isEmpty()) {
            throw new IllegalArgumentException("FieldAggregator: aggregations must not be empty");
        }
        List<FeatureAggregation> parsed = new ArrayList<>();
        for (String a : aggregations) {
            parsed.add(FeatureAggregation.parse(a));
        }
        return List.copyOf(parsed);
    }

    /**
     * An aggregator from its dict/config form, as storey's {@code AggregateByKey} accepts it and as
     * feature stores declare features in JSON or YAML (see {@link FeatureConfig}):
     * {@code name}, {@code column}, {@code operations}, {@code windows}, and optionally
     * {@code period} (sliding windows; fixed windows without it), {@code max_value} and
     * {@code default}.
     *
     * <pre>{@code
     * FieldAggregator a = FieldAggregator.fromConfig(Map.of("name", "clicks", "column", "click",
     *         "operations", List.of("count"), "windows", List.of("1h", "2h"), "period", "10m"));
     * a.featureNames();   // [clicks_count_1h, clicks_count_2h]
     * }</pre>
     *
     * @param config the entries above; other entries are rejected
     * @return the aggregator
     * @throws NullPointerException if {@code config} is {@code null}
     * @throws IllegalArgumentException naming a missing, unknown or mistyped entry
     */
    public static FieldAggregator fromConfig(Map<String, ?> config) {
        return FeatureConfig.aggregator(config);
    }

    /**
     * This aggregator counting only the events {@code filter} accepts (storey {@code aggr_filter}).
     * A filter given before is replaced, not combined.
     *
     * @param <T> the event type
     * @param filter accepts the events to aggregate
     * @return a new aggregator with the same name, field, aggregations and windows; this one is
     *         unchanged
     * @throws NullPointerException if {@code filter} is {@code null}
     */
    @SuppressWarnings("unchecked")
    public <T> FieldAggregator withFilter(Predicate<? super T> filter) {
        notNull(filter, "filter");
        return new FieldAggregator(name, field, doubleField, aggregations, windows, (Predicate<Object>) filter, maxValue,
                defaultValue);
    }

    /**
     * This aggregator with its count, sum, sqr, min and max capped at {@code maxValue} (storey
     * {@code max_value}), e.g. "hours with activity in the last day, at most 5".
     *
     * <pre>{@code
     * FieldAggregator.of("active", "x", List.of("count"), SlidingWindows.of(List.of("24h"), "1h")).withMaxValue(5);
     * }</pre>
     *
     * @param maxValue the cap, a number
     * @return a new aggregator; this one is unchanged
     * @throws IllegalArgumentException if {@code maxValue} is {@code NaN}
     */
    public FieldAggregator withMaxValue(double maxValue) {
        if (Double.isNaN(maxValue)) {
            throw new IllegalArgumentException("FieldAggregator \"" + name + "\": maxValue must be a number, was NaN");
        }
        return new FieldAggregator(name, field, doubleField, aggregations, windows, filter, maxValue, defaultValue);
    }

    /**
     * This aggregator answering {@code value} where a feature has no value ({@code NaN}: an empty
     * window), as Chalk's {@code windowed(..., default=0.0)} does. {@code count} is never empty.
     *
     * <pre>{@code
     * FieldAggregator.of("spent", "amount", List.of("sum", "avg"), SlidingWindows.of(List.of("30d"), "1d"))
     *         .withDefault(0.0);   // spent_sum_30d and spent_avg_30d are 0.0 for a quiet user
     * }</pre>
     *
     * @param value the value of an empty feature; {@code null} is allowed
     * @return a new aggregator; this one is unchanged
     */
    public FieldAggregator withDefault(@Nullable Object value) {
        return new FieldAggregator(name, field, doubleField, aggregations, windows, filter, maxValue, value);
    }

    /**
     * The name the feature names start with.
     *
     * @return the name given to {@code of}
     */
    public String name() {
        return name;
    }

    /**
     * The aggregations, in the order given.
     *
     * @return the parsed aggregations; unmodifiable
     */
    public List<FeatureAggregation> aggregations() {
        return aggregations;
    }

    /**
     * The windows.
     *
     * @return the windows every aggregation is computed over
     */
    public FeatureWindows windows() {
        return windows;
    }

    /**
     * The feature names, aggregation by aggregation, window by window: {@code purchases_avg_1h, ...}.
     *
     * @return a new list of {@code <name>_<aggregation>_<window>} names
     */
    public List<String> featureNames() {
        List<String> out = new ArrayList<>();
        for (FeatureAggregation a : aggregations) {
            for (String w : windows.labels()) {
                out.add(name + "_" + a.storeyName() + "_" + w);
            }
        }
        return out;
    }

    /**
     * Reads the value this aggregator counts for {@code event} into {@code values[i]}.
     *
     * @return whether the event counts (the filter accepts it and its value is not {@code null})
     * @throws IllegalArgumentException if the value is not a number and an aggregation needs one
     */
    boolean read(Object event, double[] values, int i) {
        if (!filter.test(event)) {
            return false;
        }
        if (doubleField != null) {
            values[i] = doubleField.applyAsDouble(event);
            return true;
        }
        Object v = field.apply(event);
        if (v instanceof Number) {
            values[i] = ((Number) v).doubleValue();
            return true;
        }
        if (v == null) {
            return false;
        }
        if (!countOnly) {
            throw new IllegalArgumentException("FieldAggregator \"" + name + "\": value must be a number for "
                    + aggregations + ", was \"" + v + "\" (" + v.getClass().getSimpleName() + ")");
        }
        values[i] = Double.NaN;
        return true;
    }

    /** Aggregation {@code a}'s value {@code v} as a feature: a {@code Long} count, else a {@code Double} or the declared default for {@code NaN}. */
    Object box(FeatureAggregation a, double v) {
        if (a == FeatureAggregation.COUNT) {
            return (long) v;
        }
        return Double.isNaN(v) ? defaultValue : (Object) v;
    }

    /** The statistics kept per bucket for this aggregator's aggregations. */
    Stats stats() {
        return stats;
    }

    /** The cap of count, sum, sqr, min and max, or {@code NaN} for none. */
    double maxValue() {
        return maxValue;
    }

    @Override
    public String toString() {
        return "FieldAggregator(" + name + ", " + aggregations + ", " + windows.labels() + ")";
    }

    private static void notNull(Object value, String param) {
        if (value == null) {
            throw new NullPointerException("FieldAggregator: " + param + " is null");
        }
    }
}
