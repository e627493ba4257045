package io.streamz.spi;

import io.streamz.RefCounter;
import java.util.List;
import java.util.Map;

/**
 * Retaining and releasing the {@link RefCounter}s in an element's metadata (under the key
 * {@code "ref"}), for a node that keeps elements for later: retain when it starts holding an
 * element, release when it lets go of it for good.
 *
 * <pre>{@code
 * RefCounter ref = new RefCounter();
 * List<Map<String, Object>> metadata = List.of(Map.of("ref", ref));
 * Refs.retain(metadata);     // a window takes the element
 * ref.count();               // 1
 * Refs.release(metadata);    // and lets go of it
 * ref.count();               // 0
 * }</pre>
 *
 * <p>{@code emitDownstream} does its own retaining and releasing while downstream nodes work; a
 * node only accounts for what it holds itself.
 */
public final class Refs {
    /** The metadata key of an element's {@link RefCounter}: {@value}. */
    public static final String KEY = io.streamz.internal.util.Refs.REF;

    private Refs() {
    }

    /**
     * Retains every ref in {@code metadata} once.
     *
     * @param metadata an element's metadata
     */
    public static void retain(List<Map<String, Object>> metadata) {
        io.streamz.internal.util.Refs.retain(metadata);
    }

    /**
     * Releases every ref in {@code metadata} once.
     *
     * @param metadata an element's metadata
     */
    public static void release(List<Map<String, Object>> metadata) {
        io.streamz.internal.util.Refs.release(metadata);
    }

    /**
     * The metadata of several elements as one immutable list, for a node that emits them
     * together (a window).
     *
     * @param parts the elements' metadata
     * @return their concatenation
     */
    public static List<Map<String, Object>> concat(Iterable<? extends List<Map<String, Object>>> parts) {
        return io.streamz.internal.util.Refs.concat(parts);
    }
}
