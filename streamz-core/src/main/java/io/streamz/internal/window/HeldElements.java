package io.streamz.internal.window;

import io.streamz.internal.util.Lists;
import io.streamz.internal.util.Refs;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Elements a node holds, each with its metadata: {@link #add} retains the element's refs and
 * every removal releases them, so a holder never handles a {@code RefCounter} itself. Used by
 * windows, {@code collect} and the joins. Not thread-safe: used inside the graph only.
 *
 * @param <T> the element type
 */
public final class HeldElements<T> {
    private final ArrayDeque<T> values = new ArrayDeque<>();
    private final ArrayDeque<List<Map<String, Object>>> metadata = new ArrayDeque<>();
    private int withMetadata;
    /** How many held elements are {@code null} (held as {@link #NULL}). */
    private int nulls;

    /** Holds {@code x}, retaining the refs in its metadata once. */
    public void add(T x, List<Map<String, Object>> md) {
        Refs.retain(md);
        if (x == null) {
            nulls++;
        }
        values.addLast(wrapNull(x));
        metadata.addLast(md);
        if (!md.isEmpty()) {
            withMetadata++;
        }
    }

    /** How many elements are held. */
    public int size() {
        return values.size();
    }

    /** Whether nothing is held. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The oldest element (which must exist). */
    public T oldest() {
        return unwrapNull(values.getFirst());
    }

    /** The metadata of the oldest element (which must exist). */
    public List<Map<String, Object>> oldestMetadata() {
        return metadata.getFirst();
    }

    /** Lets go of the oldest element for good, releasing its refs. */
    public void removeOldest() {
        removeOldestValue();
        List<Map<String, Object>> md = metadata.removeFirst();
        if (!md.isEmpty()) {
            withMetadata--;
            Refs.release(md);
        }
    }

    /**
     * Removes the oldest element without releasing its refs and returns its metadata: the caller
     * releases it after emitting (streamz pops before it emits and releases after).
     */
    public List<Map<String, Object>> detachOldest() {
        removeOldestValue();
        List<Map<String, Object>> md = metadata.removeFirst();
        if (!md.isEmpty()) {
            withMetadata--;
        }
        return md;
    }

    private void removeOldestValue() {
        if (values.removeFirst() == NULL) {
            nulls--;
        }
    }

    /** The held elements, oldest first, as an immutable list. */
    public List<T> values() {
        @SuppressWarnings("unchecked")
        T[] out = (T[]) values.toArray();   // at most two array copies
        for (int i = 0; nulls > 0 && i < out.length; i++) {
            out[i] = unwrapNull(out[i]);
        }
        return Lists.ofOwned(out);
    }

    /** The metadata of all held elements, oldest first, as one immutable list. */
    public List<Map<String, Object>> metadata() {
        return withMetadata == 0 ? List.of() : Refs.concat(metadata);
    }

    /** Lets go of every held element, releasing their refs. */
    public void clear() {
        if (withMetadata > 0) {
            for (List<Map<String, Object>> md : metadata) {
                Refs.release(md);
            }
        }
        forget();
    }

    /**
     * Forgets every held element without releasing its refs: for a caller that took them over
     * with {@link #metadata()} (and releases them after emitting).
     */
    public void forget() {
        values.clear();
        metadata.clear();
        withMetadata = 0;
        nulls = 0;
    }

    // ArrayDeque refuses null, and null is an ordinary element
    private static final Object NULL = new Object();

    @SuppressWarnings("unchecked")
    private static <T> T wrapNull(T x) {
        return x == null ? (T) NULL : x;
    }

    private static <T> T unwrapNull(T x) {
        return x == NULL ? null : x;
    }
}
