package io.streamz.internal.util;

import io.streamz.RefCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Retaining and releasing the {@link RefCounter}s found under {@code "ref"} in metadata. */
public final class Refs {
    /** The metadata key of an element's {@link RefCounter}. */
    public static final String REF = "ref";

    private Refs() {
    }

    /** Retains every ref in {@code metadata} {@code n} times. */
    public static void retain(List<Map<String, Object>> metadata, int n) {
        for (int i = 0, size = metadata.size(); i < size; i++) {
            Object r = metadata.get(i).get(REF);
            if (r instanceof RefCounter) {
                ((RefCounter) r).retain(n);
            }
        }
    }

    /** Retains every ref in {@code metadata} once. */
    public static void retain(List<Map<String, Object>> metadata) {
        retain(metadata, 1);
    }

    /** Releases every ref in {@code metadata} {@code n} times. */
    public static void release(List<Map<String, Object>> metadata, int n) {
        for (int i = 0, size = metadata.size(); i < size; i++) {
            Object r = metadata.get(i).get(REF);
            if (r instanceof RefCounter) {
                ((RefCounter) r).release(n);
            }
        }
    }

    /** Releases every ref in {@code metadata} once. */
    public static void release(List<Map<String, Object>> metadata) {
        release(metadata, 1);
    }

    /** The metadata of several elements as one immutable list (what a window emits). */
    public static List<Map<String, Object>> concat(Iterable<? extends List<Map<String, Object>>> parts) {
        List<Map<String, Object>> out = null;
        for (List<Map<String, Object>> p : parts) {
            if (!p.isEmpty()) {
                if (out == null) {
                    out = new ArrayList<>(p.size() * 2);
                }
                out.addAll(p);
            }
        }
        return out == null ? List.of() : List.copyOf(out);
    }
}
