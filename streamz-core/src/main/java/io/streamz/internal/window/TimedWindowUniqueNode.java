package io.streamz.internal.window;

import io.streamz.Keep;
import io.streamz.Stream;
import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Keys;
import io.streamz.internal.util.Refs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reactor.core.scheduler.Scheduler;

/** Implements {@link Stream#timedWindowUnique(Duration, Function, Keep, Scheduler)}. */
public final class TimedWindowUniqueNode<T> extends TickingWindowNode<T> {
    private final Function<? super T, ?> key;
    private final boolean keepLast;
    private LinkedHashMap<Object, Entry<T>> window = new LinkedHashMap<>();

    public TimedWindowUniqueNode(Stream<T> upstream, Duration interval, Function<? super T, ?> key, Keep keep,
            Scheduler scheduler) {
        super(upstream, "timedWindowUnique", interval, scheduler);
        this.key = Checks.notNull(key, "timedWindowUnique", "key");
        this.keepLast = Checks.notNull(keep, "timedWindowUnique", "keep") == Keep.LAST;
        startClock();
    }

    /** A key function reading {@code field} of {@code Map} elements (streamz {@code key="id"}). */
    public static <T> Function<T, Object> field(String field) {
        Checks.notNull(field, "timedWindowUnique", "field");
        return x -> {
            if (!(x instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("key field \"" + field + "\" needs a Map element, got "
                        + (x == null ? "null" : x.getClass().getName()));
            }
            if (!m.containsKey(field)) {
                throw new IllegalArgumentException("no field \"" + field + "\" in " + m.keySet());
            }
            return m.get(field);
        };
    }

    @Override
    protected String describeParams() {
        return super.describeParams() + ", keep=" + (keepLast ? "last" : "first");
    }

    @Override
    void hold(T x, List<Map<String, Object>> metadata) {
        Object k = Keys.of(key, x, this);
        if (keepLast) {
            // removed first so that the window keeps the elements' order of arrival
            Entry<T> old = window.remove(k);
            if (old != null) {
                Refs.release(old.metadata());
            }
        } else if (window.containsKey(k)) {
            return;
        }
        Refs.retain(metadata);
        window.put(k, new Entry<>(x, metadata));
    }

    @Override
    Window<T> take() {
        List<T> values = new ArrayList<>(window.size());
        List<List<Map<String, Object>>> parts = new ArrayList<>(window.size());
        for (Entry<T> e : window.values()) {
            values.add(e.value());
            parts.add(e.metadata());
        }
        window = new LinkedHashMap<>();
        return new Window<>(Collections.unmodifiableList(values), Refs.concat(parts));
    }

    @Override
    void releaseAll() {
        window.values().forEach(e -> Refs.release(e.metadata()));
        window.clear();
    }

    private record Entry<T>(T value, List<Map<String, Object>> metadata) {
    }

    @Override
    protected long heldCount() {
        return window.size();
    }
}
