package io.streamz.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Features declared as data, in storey's dict form: a list of aggregators, each a map with
 * {@code name}, {@code column}, {@code operations}, {@code windows} and optionally {@code period}
 * (sliding windows; fixed windows without one), {@code max_value} and {@code default}. Read from
 * maps, JSON or YAML, the way feature stores keep feature definitions.
 *
 * <pre>{@code
 * List<FieldAggregator> aggregators = FeatureConfig.fromJson("""
 *     [{"name": "clicks", "column": "click", "operations": ["count"], "windows": ["1h", "24h"], "period": "10m"},
 *      {"name": "spent", "column": "amount", "operations": ["sum"], "windows": ["1d"], "default": 0.0}]
 *     """);
 * aggregators.get(0).featureNames();   // [clicks_count_1h, clicks_count_24h]
 * }</pre>
 *
 * <p>JSON needs {@code com.fasterxml.jackson.core:jackson-databind} on the class path, YAML also
 * {@code com.fasterxml.jackson.dataformat:jackson-dataformat-yaml}; both are optional dependencies
 * of this module, so add them to your build to use {@link #fromJson} or {@link #fromYaml}.
 */
public final class FeatureConfig {
    private static final Set<String> KEYS = Set.of("name", "column", "operations", "windows", "period",
            "max_value", "default");

    private FeatureConfig() {
    }

    /**
     * Aggregators from their dict form.
     *
     * @param configs one map per aggregator
     * @return the aggregators, in order
     * @throws NullPointerException if {@code configs} is or holds {@code null}
     * @throws IllegalArgumentException naming a missing, unknown or mistyped entry
     */
    public static List<FieldAggregator> fromMaps(List<? extends Map<String, ?>> configs) {
        if (configs == null) {
            throw new NullPointerException("FeatureConfig: configs is null");
        }
        List<FieldAggregator> out = new ArrayList<>();
        for (Map<String, ?> c : configs) {
            out.add(aggregator(c));
        }
        return List.copyOf(out);
    }

    /**
     * Aggregators from a JSON array of dict forms.
     *
     * @param json a JSON array of objects
     * @return the aggregators, in order
     * @throws NullPointerException if {@code json} is {@code null}
     * @throws IllegalArgumentException if {@code json} is not such an array, or naming a bad entry
     * @throws IllegalStateException if jackson-databind is not on the class path
     */
    public static List<FieldAggregator> fromJson(String json) {
        return read(json, false);
    }

    /**
     * Aggregators from a YAML list of dict forms.
     *
     * <pre>{@code
     * FeatureConfig.fromYaml("""
     *     - name: clicks
     *       column: click
     *       operations: [count]
     *       windows: [1h, 24h]
     *       period: 10m
     *     """);
     * }</pre>
     *
     * @param yaml a YAML sequence of mappings
     * @return the aggregators, in order
     * @throws NullPointerException if {@code yaml} is {@code null}
     * @throws IllegalArgumentException if {@code yaml} is not such a list, or naming a bad entry
     * @throws IllegalStateException if jackson-dataformat-yaml is not on the class path
     */
    public static List<FieldAggregator> fromYaml(String yaml) {
        return read(yaml, true);
    }

    private static List<FieldAggregator> read(String text, boolean yaml) {
        try {
            return JacksonReader.read(text, yaml);
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("FeatureConfig: reading " + (yaml ? "YAML needs jackson-dataformat-yaml"
                    : "JSON needs jackson-databind") + " on the class path", e);
        }
    }

    static FieldAggregator aggregator(Map<String, ?> c) {
        if (c == null) {
            throw new NullPointerException("FeatureConfig: an aggregator's config is null");
        }
        for (String k : c.keySet()) {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("FeatureConfig: unknown entry \"" + k + "\" in " + c
                        + "; expected name, column, operations, windows, period, max_value, default");
            }
        }
        String name = get(c, "name", String.class);
        List<String> windows = strings(c, "windows");
        FeatureWindows w = c.containsKey("period")
                ? SlidingWindows.of(windows, get(c, "period", String.class))
                : FixedWindows.of(windows);
        FieldAggregator a = FieldAggregator.of(name, get(c, "column", String.class), strings(c, "operations"), w);
        if (c.get("max_value") != null) {
            a = a.withMaxValue(get(c, "max_value", Number.class).doubleValue());
        }
        if (c.containsKey("default")) {
            a = a.withDefault(c.get("default"));
        }
        return a;
    }

    private static <V> V get(Map<String, ?> c, String key, Class<V> type) {
        Object v = c.get(key);
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("FeatureConfig: \"" + key + "\" must be a " + type.getSimpleName()
                    + ", was " + (v == null ? "missing" : "\"" + v + "\"") + " in " + c);
        }
        return type.cast(v);
    }

    private static List<String> strings(Map<String, ?> c, String key) {
        List<?> list = get(c, key, List.class);
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            out.add(String.valueOf(o));
        }
        return out;
    }
}
