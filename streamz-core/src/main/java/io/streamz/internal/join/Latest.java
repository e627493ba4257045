package io.streamz.internal.join;

import io.streamz.internal.util.Refs;
import java.util.List;
import java.util.Map;

/** The latest element of one upstream with its metadata, whose refs it holds until replaced. */
final class Latest {
    Object value;
    List<Map<String, Object>> metadata = List.of();
    boolean present;

    /** Holds {@code x}: retains its refs, then releases those of the element it replaces. */
    void set(Object x, List<Map<String, Object>> md) {
        Refs.retain(md);
        Refs.release(metadata);
        value = x;
        metadata = md;
        present = true;
    }

    /** Lets go of the held element. */
    void clear() {
        Refs.release(metadata);
        value = null;
        metadata = List.of();
        present = false;
    }
}
