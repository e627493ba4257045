package io.streamz;

import java.util.Locale;

/**
 * Which element of a key {@link Stream#partitionUnique(int, java.util.function.Function, Keep)}
 * and {@link Stream#timedWindowUnique(String, java.util.function.Function, Keep)} keep: the typed
 * form of streamz's {@code keep="first"} and {@code keep="last"}.
 *
 * <pre>{@code
 * Stream<Integer> source = Stream.create();
 * List<List<Integer>> out = source.partitionUnique(3, x -> x, Keep.LAST).sinkToList();
 * for (int x : List.of(1, 2, 1, 3)) source.emit(x);
 * // out: [[2, 1, 3]]
 * }</pre>
 */
public enum Keep {
    /** The first element of a key stays; later ones are dropped. */
    FIRST,
    /** A later element of a key replaces the earlier one, and moves to the end. */
    LAST;

    /** {@code "first"} or {@code "last"}, as streamz spells it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
