package io.streamz.internal.util;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Immutable lists that may hold {@code null} (streamz's {@code None} is an ordinary element),
 * print as {@code [a, b]} and compare like any {@code List}: what windows and joins emit.
 */
public final class Lists {
    private Lists() {
    }

    /** An immutable copy of {@code values}. */
    public static <T> List<T> copyOf(Collection<? extends T> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        T[] array = (T[]) values.toArray();
        return Collections.unmodifiableList(Arrays.asList(array));
    }

    /** An immutable list over {@code owned}, an array nobody else holds (it is not copied). */
    public static <T> List<T> ofOwned(T[] owned) {
        return owned.length == 0 ? List.of() : Collections.unmodifiableList(Arrays.asList(owned));
    }

    /** An immutable list of {@code values}; the array is copied. */
    @SafeVarargs
    public static <T> List<T> of(T... values) {
        return values.length == 0 ? List.of() : Collections.unmodifiableList(Arrays.asList(values.clone()));
    }
}
