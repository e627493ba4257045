package io.streamz.internal.transform;

import io.streamz.NodeException;
import io.streamz.Stream;
import io.streamz.internal.Node;
import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Lists;
import java.lang.reflect.Array;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import reactor.util.function.Tuple2;

/** Implements {@link Stream#pluck(Object)} and {@link Stream#pluck(List)}. */
public final class PluckNode<T> extends Node<T, Object> {
    private final Object[] keys;
    private final boolean many;
    private final Class<?> type;

    /** Plucks one key ({@code many == false}) or every key of a list ({@code many == true}). */
    public PluckNode(Stream<T> upstream, Object key, boolean many) {
        this(upstream, key, many, null);
    }

    /** Plucks one key, whose items must be instances of {@code type} (or {@code null}). */
    public PluckNode(Stream<T> upstream, Object key, Class<?> type) {
        this(upstream, key, false, Checks.notNull(type, "pluck", "type"));
    }

    private PluckNode(Stream<T> upstream, Object key, boolean many, Class<?> type) {
        super(upstream, "pluck");
        this.type = type;
        if (many) {
            List<?> list = Checks.notNull((List<?>) key, "pluck", "keys");
            this.keys = list.toArray();
            for (Object k : keys) {
                Checks.notNull(k, "pluck", "keys element");
            }
        } else {
            this.keys = new Object[] {Checks.notNull(key, "pluck", "key")};
        }
        this.many = many;
    }

    @Override
    protected String describeParams() {
        return many ? "keys=" + Lists.of(keys) : "key=" + keys[0];
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        Object y;
        try {
            if (many) {
                Object[] out = new Object[keys.length];
                for (int i = 0; i < keys.length; i++) {
                    out[i] = pick(x, keys[i]);
                }
                y = Lists.of(out);
            } else {
                y = pick(x, keys[0]);
                if (type != null && y != null && !type.isInstance(y)) {
                    throw new ClassCastException("item " + describe(keys[0]) + " is " + y.getClass().getSimpleName()
                            + " " + NodeException.describe(y) + ", expected " + type.getSimpleName());
                }
            }
        } catch (RuntimeException e) {
            return fail(e, x, metadata);
        }
        return emitDownstream(y, metadata);
    }

    /** {@code x[key]} as in Python: a key into a Map, an index (negative from the end) otherwise. */
    private static Object pick(Object x, Object key) {
        if (x instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) x;
            Object v = m.get(key);
            if (v == null && !m.containsKey(key)) {
                throw new NoSuchElementException("no key " + describe(key) + " in the map");
            }
            return v;
        }
        if (!(key instanceof Integer)) {
            throw new IllegalArgumentException("key " + describe(key)
                    + " can only pick from a Map; a List, array or tuple needs an int index");
        }
        int i = (Integer) key;
        if (x instanceof List) {
            List<?> l = (List<?>) x;
            return l.get(index(i, l.size()));
        }
        if (x instanceof Tuple2) {
            Tuple2<?, ?> t = (Tuple2<?, ?>) x;
            return t.get(index(i, t.size()));
        }
        if (x != null && x.getClass().isArray()) {
            return Array.get(x, index(i, Array.getLength(x)));
        }
        if (x instanceof CharSequence) {
            CharSequence s = (CharSequence) x;
            return String.valueOf(s.charAt(index(i, s.length())));
        }
        throw new IllegalArgumentException("cannot pick index " + i + " from a "
                + (x == null ? "null" : x.getClass().getName()) + ": expected a List, array, tuple or Map");
    }

    private static int index(int i, int size) {
        int j = i < 0 ? i + size : i;
        if (j < 0 || j >= size) {
            throw new IndexOutOfBoundsException("index " + i + " out of range for size " + size);
        }
        return j;
    }

    private static String describe(Object key) {
        return key instanceof CharSequence ? "\"" + key + "\"" : String.valueOf(key);
    }
}
