package io.streamz.features;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each feature of a {@link FeatureTable} sits in a {@code double[]} of values, and its name
 * (after aliases): built once per node, so that an event's features are a plain array until
 * someone reads them ({@link FeatureMap}).
 */
final class FeatureLayout {
    private final List<FieldAggregator> aggregators;
    private final String[] names;
    private final Map<String, Integer> index = new HashMap<>();
    private final int[] aggregatorOf;
    private final FeatureAggregation[] aggregationOf;
    private final int[] offsets;

    FeatureLayout(List<FieldAggregator> aggregators, Map<String, String> aliases) {
        this.aggregators = aggregators;
        int n = 0;
        offsets = new int[aggregators.size() + 1];
        for (int a = 0; a < aggregators.size(); a++) {
            offsets[a] = n;
            n += aggregators.get(a).aggregations().size() * aggregators.get(a).windows().size();
        }
        offsets[aggregators.size()] = n;
        names = new String[n];
        aggregatorOf = new int[n];
        aggregationOf = new FeatureAggregation[n];
        int f = 0;
        for (int a = 0; a < aggregators.size(); a++) {
            FieldAggregator agg = aggregators.get(a);
            for (FeatureAggregation g : agg.aggregations()) {
                for (String w : agg.windows().labels()) {
                    String name = agg.name() + "_" + g.storeyName() + "_" + w;
                    names[f] = aliases.getOrDefault(name, name);
                    index.put(names[f], f);
                    aggregatorOf[f] = a;
                    aggregationOf[f] = g;
                    f++;
                }
            }
        }
    }

    int size() {
        return names.length;
    }

    int aggregators() {
        return offsets.length - 1;
    }

    /** Where aggregator {@code a}'s values start. */
    int offset(int a) {
        return offsets[a];
    }

    String name(int f) {
        return names[f];
    }

    /** The position of the feature named {@code name}, or -1. */
    int indexOf(Object name) {
        Integer f = index.get(name);
        return f == null ? -1 : f;
    }

    int aggregatorOf(int f) {
        return aggregatorOf[f];
    }

    /** Feature {@code f}'s value {@code v} as users see it: a {@code Long} count, a {@code Double}, or a default. */
    Object box(int f, double v) {
        return aggregators.get(aggregatorOf[f]).box(aggregationOf[f], v);
    }
}
