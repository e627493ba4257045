package io.streamz.features;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An event enriched with its features, as emitted by {@link AggregateByKey} and answered by
 * {@link FeatureTable#query}: an unmodifiable view of the event's entries (a {@code Map} event's,
 * or {@code "event"} for another type) followed by the features, read from a {@code double[]} and
 * boxed only when read. A feature replaces an event entry of the same name in place, as
 * {@code LinkedHashMap.putAll} would. Equal to, and printed as, the {@code LinkedHashMap} of the
 * same entries.
 */
final class FeatureMap extends AbstractMap<String, Object> {
    private static final Map<?, ?> NONE = Map.of();

    private final Map<?, ?> base;
    private final Object other;
    private final FeatureLayout layout;
    private final double[] values;
    private final boolean[] absent;
    private int size = -1;
    private Set<Map.Entry<String, Object>> entries;

    /**
     * @param event the event: its entries come first; {@link #NONE} for features only
     * @param values the features' values, as {@link FeatureLayout} places them
     * @param absent per aggregator, whether its features are left out; {@code null} for none
     */
    private FeatureMap(Object event, boolean hasEvent, FeatureLayout layout, double[] values, boolean[] absent) {
        this.base = !hasEvent ? NONE : event instanceof Map ? (Map<?, ?>) event : null;
        this.other = event;
        this.layout = layout;
        this.values = values;
        this.absent = absent;
    }

    /** {@code event} enriched with the features in {@code values}. */
    static FeatureMap of(Object event, FeatureLayout layout, double[] values, boolean[] absent) {
        return new FeatureMap(event, true, layout, values, absent);
    }

    /** The features in {@code values} alone. */
    static FeatureMap features(FeatureLayout layout, double[] values, boolean[] absent) {
        return new FeatureMap(null, false, layout, values, absent);
    }

    private boolean present(int f) {
        return absent == null || !absent[layout.aggregatorOf(f)];
    }

    private Map<?, ?> base() {
        return base != null ? base : Collections.singletonMap("event", other);
    }

    @Override
    public Object get(Object key) {
        int f = layout.indexOf(key);
        if (f >= 0 && present(f)) {
            return layout.box(f, values[f]);
        }
        if (base == null) {
            return "event".equals(key) ? other : null;
        }
        Object v = base.get(key);
        if (v != null || base.containsKey(key) || !(key instanceof String)) {
            return v;
        }
        for (Map.Entry<?, ?> e : base.entrySet()) {       // a key that is not a string, read as its string
            if (!(e.getKey() instanceof String) && key.equals(String.valueOf(e.getKey()))) {
                return e.getValue();
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        int f = layout.indexOf(key);
        return f >= 0 && present(f) || super.containsKey(key);
    }

    @Override
    public int size() {
        if (size < 0) {
            Map<?, ?> b = base();
            int n = b.size();
            for (int f = 0; f < layout.size(); f++) {
                if (present(f) && !b.containsKey(layout.name(f))) {
                    n++;
                }
            }
            size = n;
        }
        return size;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        if (entries == null) {
            entries = new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, Object>> iterator() {
                    return new Entries(base());
                }

                @Override
                public int size() {
                    return FeatureMap.this.size();
                }
            };
        }
        return entries;
    }

    /** The event's entries (a feature's value in place of an entry of the same name), then the other features. */
    private final class Entries implements Iterator<Map.Entry<String, Object>> {
        private final Map<?, ?> b;
        private final Iterator<? extends Map.Entry<?, ?>> events;
        private int f;

        Entries(Map<?, ?> b) {
            this.b = b;
            this.events = b.entrySet().iterator();
            advance();
        }

        private void advance() {
            while (f < layout.size() && (!present(f) || b.containsKey(layout.name(f)))) {
                f++;
            }
        }

        @Override
        public boolean hasNext() {
            return events.hasNext() || f < layout.size();
        }

        @Override
        public Map.Entry<String, Object> next() {
            if (events.hasNext()) {
                Map.Entry<?, ?> e = events.next();
                String key = String.valueOf(e.getKey());
                int g = layout.indexOf(key);
                return new SimpleImmutableEntry<>(key, g >= 0 && present(g) ? layout.box(g, values[g]) : e.getValue());
            }
            if (f >= layout.size()) {
                throw new NoSuchElementException();
            }
            Map.Entry<String, Object> out = new SimpleImmutableEntry<>(layout.name(f), layout.box(f, values[f]));
            f++;
            advance();
            return out;
        }
    }
}
