package io.streamz.features;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The aggregations a {@link FieldAggregator} can compute over a window, with storey's names and
 * storey's empty values.
 *
 * <pre>{@code
 * FeatureAggregation.parse("avg");   // AVG, feature names end in "_avg_<window>"
 * }</pre>
 *
 * <p>{@code count} is a {@code Long}, 0 for an empty window; the others are {@code Double}s,
 * {@code NaN} when the window has no value (as in storey, {@code sum} and {@code sqr} too) and
 * {@code stdvar, stddev} (the sample variance and deviation) below two values. {@code first} and
 * {@code last} are the values of the earliest and latest event by event time.
 * {@link FieldAggregator#withDefault(Object)} replaces the {@code NaN}s.
 */
public enum FeatureAggregation {
    /** {@code "count"}: the number of events with a value (any non-null value counts), a {@code Long}; 0 when empty. */
    COUNT,
    /** {@code "sum"}: the sum of the values; {@code NaN} when empty. */
    SUM,
    /** {@code "sqr"}: the sum of the squares of the values; {@code NaN} when empty. */
    SQR,
    /** {@code "avg"}: the mean of the values; {@code NaN} when empty. */
    AVG,
    /** {@code "min"}: the smallest value; {@code NaN} when empty. */
    MIN,
    /** {@code "max"}: the largest value; {@code NaN} when empty. */
    MAX,
    /** {@code "first"}: the value of the earliest event by event time (ties: the first to arrive); {@code NaN} when empty. */
    FIRST,
    /** {@code "last"}: the value of the latest event by event time (ties: the last to arrive); {@code NaN} when empty. */
    LAST,
    /** {@code "stddev"}: the sample standard deviation (n - 1); {@code NaN} below two values. */
    STDDEV,
    /** {@code "stdvar"}: the sample variance (n - 1); {@code NaN} below two values. */
    STDVAR;

    private final String storeyName = name().toLowerCase(Locale.ROOT);

    /**
     * The storey spelling, e.g. {@code "avg"}.
     *
     * @return this aggregation's name in lower case, as used in feature names
     */
    public String storeyName() {
        return storeyName;
    }

    /**
     * The aggregation spelled {@code name}.
     *
     * @param name a storey name such as {@code "avg"}, in lower case
     * @return the aggregation whose {@link #storeyName()} is {@code name}
     * @throws NullPointerException if {@code name} is {@code null}
     * @throws IllegalArgumentException quoting {@code name} and listing the choices
     */
    public static FeatureAggregation parse(String name) {
        if (name == null) {
            throw new NullPointerException("FieldAggregator: aggregation is null");
        }
        for (FeatureAggregation a : values()) {
            if (a.storeyName().equals(name)) {
                return a;
            }
        }
        String choices = Arrays.stream(values()).map(FeatureAggregation::storeyName).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("FieldAggregator: unknown aggregation \"" + name + "\", expected one of " + choices);
    }
}
