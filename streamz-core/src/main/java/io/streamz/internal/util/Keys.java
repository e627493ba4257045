package io.streamz.internal.util;

import io.streamz.Keep;
import io.streamz.internal.UserFunctionException;
import io.streamz.Stream;
import java.util.function.Function;

/**
 * Key functions of {@code partition}, {@code partitionUnique}, {@code unique} and
 * {@code timedWindowUnique}: running them so that a failure names the node.
 */
public final class Keys {
    private Keys() {
    }

    /** The key function that returns the element itself (streamz's default). */
    public static <T> Function<T, Object> identity() {
        return x -> x;
    }

    /**
     * The key of {@code x}, or a {@link NodeException} naming {@code node} and
     * {@code x} when {@code key} fails.
     */
    public static <T> Object of(Function<? super T, ?> key, T x, Stream<?> node) {
        try {
            return key.apply(x);
        } catch (RuntimeException e) {
            throw new UserFunctionException(e);
        }
    }

    /** {@code keep} ({@code "first"} or {@code "last"}) as a {@link Keep}, or an argument error naming {@code node}. */
    public static Keep keep(String keep, String node) {
        return Checks.oneOf(keep, node, "keep", "first", "last").equals("last") ? Keep.LAST : Keep.FIRST;
    }
}
