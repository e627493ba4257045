package io.streamz.feeds;

import io.streamz.Stream;
import io.streamz.spi.Arguments;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;

/**
 * riko's pipes that streamz has no operator for: the ones that need the whole input, and so emit
 * at its end (the end of a bounded source such as {@link Fetch#json()}, or {@code emitEnd()}).
 * Each is a conversion for {@link Stream#as}:
 *
 * <pre>{@code
 * Source<Map<String, Object>> rows = Feeds.fromUrl(server + "/crimes.json").json();
 * rows.filter(r -> r.get("province").equals("WC"))
 *     .as(Pipes.sort(Comparator.comparing((Map<String, Object> r) -> (Double) r.get("incidents")).reversed()))
 *     .slice(0, 5, 1)                                                  // truncate
 *     .sink(System.out::println);
 * rows.start();
 * }</pre>
 *
 * <p>riko's other pipes are operators already: {@code truncate} is {@code slice(0, n, 1)},
 * {@code stringtokenizer} {@code flatMap(s -> List.of(s.split(" ")))}, {@code strtransform} a
 * {@code map}, {@code filter} {@code filter} / {@code remove}, {@code count} as it goes
 * {@code frequencies()} (docs/from-storey-riko.md has the table).
 */
public final class Pipes {
    private Pipes() {
    }

    /**
     * Holds every element until the end of the input, then emits them in {@code order}, equal
     * ones in their order of arrival (riko {@code sort}).
     *
     * <pre>{@code
     * Stream<Integer> source = Stream.create();
     * List<Integer> out = source.as(Pipes.sort(Comparator.<Integer>reverseOrder())).sinkToList();
     * source.emit(2);
     * source.emit(3);
     * source.emit(1);
     * source.emitEnd();
     * // out: [3, 2, 1]
     * }</pre>
     *
     * <p><b>Metadata:</b> each element's refs are held until it is emitted at the end. A watermark
     * that arrives while elements are held waits for the end too.
     *
     * @param <T> the element type
     * @param order how to order the elements
     * @return the conversion that builds the node downstream of a stream
     */
    public static <T> Function<Stream<T>, Stream<T>> sort(Comparator<? super T> order) {
        Arguments.notNull(order, "sort", "order");
        return upstream -> new SortNode<>(upstream, order);
    }

    /**
     * Emits, at the end of the input, the number of elements that arrived (riko {@code count});
     * {@code frequencies()} gives counts as the elements arrive.
     *
     * <pre>{@code
     * Stream<String> source = Stream.create();
     * List<Long> out = source.as(Pipes.count()).sinkToList();
     * source.emit("a");
     * source.emit("b");
     * source.emitEnd();
     * // out: [2]
     * }</pre>
     *
     * <p><b>Metadata:</b> nothing is held; the count is emitted without metadata.
     *
     * @param <T> the element type
     * @return the conversion that builds the node downstream of a stream
     */
    public static <T> Function<Stream<T>, Stream<Long>> count() {
        return upstream -> new CountNode<>(upstream, x -> "", "count").map(m -> m.getOrDefault("", 0L));
    }

    /**
     * Emits, at the end of the input, the number of elements of each key, in the order the keys
     * first arrived (riko {@code count} with a {@code count_key}).
     *
     * <pre>{@code
     * Stream<String> source = Stream.create();
     * List<Map<Integer, Long>> out = source.as(Pipes.countBy(String::length)).sinkToList();
     * for (String w : List.of("a", "bb", "c")) {
     *     source.emit(w);
     * }
     * source.emitEnd();
     * // out: [{1=2, 2=1}]
     * }</pre>
     *
     * <p><b>Metadata:</b> nothing is held; the counts are emitted without metadata.
     *
     * @param <T> the element type
     * @param <K> the key type
     * @param key the key of an element; its failure fails that element
     * @return the conversion that builds the node downstream of a stream
     */
    public static <T, K> Function<Stream<T>, Stream<Map<K, Long>>> countBy(Function<? super T, ? extends K> key) {
        Arguments.notNull(key, "countBy", "key");
        return upstream -> new CountNode<>(upstream, key, "countBy");
    }
}
