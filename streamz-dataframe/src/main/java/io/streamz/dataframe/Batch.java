package io.streamz.dataframe;

import io.streamz.Stream;
import io.streamz.dataframe.internal.FlattenNode;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A stream of batches of records (streamz {@code Batch}): lists of elements such as maps, Java
 * records or text lines, processed a list at a time to save per-element overhead, typically at
 * the start of a pipeline before handing over to a {@link StreamingDataFrame}.
 *
 * <pre>{@code
 * Stream<List<Map<String, Object>>> source = Stream.create();
 * Batch<Map<String, Object>> batch = source.as(Batch::from);
 * List<Object> names = batch.filter(r -> (int) r.get("x") > 1).pluck("name").toStream().sinkToList();
 * StreamingDataFrame sdf = batch.toDataFrame();
 * source.emit(List.of(Map.of("name", "Alice", "x", 1), Map.of("name", "Bob", "x", 2)));
 * // names: [Bob]
 * }</pre>
 *
 * <p>Every batch emitted is an immutable list.
 *
 * @param <T> the element type
 */
public final class Batch<T> {
    private final Stream<List<T>> stream;

    private Batch(Stream<List<T>> stream) {
        this.stream = stream;
    }

    /**
     * A batch view of a stream of lists (streamz {@code to_batch}); fits
     * {@code stream.as(Batch::from)}.
     *
     * @param <T> the element type
     * @param stream the stream of lists, not null
     * @return a batch view of {@code stream}
     * @throws NullPointerException when {@code stream} is null
     */
    @SuppressWarnings("unchecked")
    public static <T> Batch<T> from(Stream<? extends List<T>> stream) {
        return new Batch<>((Stream<List<T>>) Objects.requireNonNull(stream, "Batch.from: stream is null"));
    }

    /**
     * The stream of lists.
     *
     * @return the underlying stream of batches
     */
    public Stream<List<T>> stream() {
        return stream;
    }

    private static <X> List<X> frozen(List<X> xs) {
        return Collections.unmodifiableList(xs);
    }

    /**
     * {@code func} applied to every element of every batch (streamz {@code map}).
     *
     * @param <R> the result element type
     * @param func the function applied to each element, not null
     * @return the new batch stream, downstream of this one
     */
    public <R> Batch<R> map(Function<? super T, ? extends R> func) {
        Objects.requireNonNull(func, "map: func is null");
        return new Batch<>(stream.map(xs -> {
            List<R> out = new ArrayList<>(xs.size());
            for (T x : xs) {
                out.add(func.apply(x));
            }
            return frozen(out);
        }).named("batch map"));
    }

    /**
     * The elements for which {@code predicate} holds (streamz {@code filter}); a batch may become
     * empty.
     *
     * @param predicate the test for elements to keep, not null
     * @return the new batch stream, downstream of this one
     */
    public Batch<T> filter(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "filter: predicate is null");
        return new Batch<>(stream.map(xs -> {
            List<T> out = new ArrayList<>();
            for (T x : xs) {
                if (predicate.test(x)) {
                    out.add(x);
                }
            }
            return frozen(out);
        }).named("batch filter"));
    }

    /**
     * A field of every element (streamz {@code pluck}): {@code key} into a {@link Map}, an
     * integer index into a {@link List} or an array.
     *
     * @param key the map key, or the {@code Integer} index, not null
     * @return the new batch stream of the picked fields, downstream of this one; an element without
     *     the field makes the stream fail with an {@link IllegalArgumentException} (or an
     *     index-out-of-bounds exception for a list or an array)
     */
    public Batch<Object> pluck(Object key) {
        Objects.requireNonNull(key, "pluck: key is null");
        return map(x -> pick(x, key));
    }

    static Object pick(Object x, Object key) {
        if (x instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) x;
            if (!m.containsKey(key)) {
                throw new IllegalArgumentException("pluck: no key " + key + " in " + x);
            }
            return m.get(key);
        }
        if (key instanceof Integer && x instanceof List) {
            return ((List<?>) x).get((Integer) key);
        }
        if (key instanceof Integer && x != null && x.getClass().isArray()) {
            return Array.get(x, (Integer) key);
        }
        throw new IllegalArgumentException("pluck: cannot take " + key + " from " + x);
    }

    /**
     * The running sum of all elements so far, once per batch (streamz {@code sum}): a {@code Long}
     * while every element is a whole number, a {@code Double} after that.
     *
     * @return the new stream of running sums, downstream of this one; a non-number element makes it
     *     fail with an {@link IllegalArgumentException}
     */
    public Stream<Number> sum() {
        long[] whole = {0};
        double[] real = {0};
        boolean[] isReal = {false};
        return stream.map(xs -> {
            for (T x : xs) {
                if (!(x instanceof Number)) {
                    throw new IllegalArgumentException("sum: element " + x + " is not a number");
                }
                Number n = (Number) x;
                if (!isReal[0] && (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte)) {
                    whole[0] += n.longValue();
                } else {
                    if (!isReal[0]) {
                        real[0] = whole[0];
                        isReal[0] = true;
                    }
                    real[0] += n.doubleValue();
                }
            }
            return isReal[0] ? (Number) real[0] : (Number) whole[0];
        }).named("batch sum");
    }

    /**
     * A streaming dataframe of the batches (streamz {@code to_dataframe}): each batch of maps,
     * records or beans becomes a {@link Frame} (see {@link Frame#fromRecords}); the first batch
     * is the example.
     *
     * @return the new streaming dataframe, downstream of this batch stream
     */
    public StreamingDataFrame toDataFrame() {
        return StreamingDataFrame.from(stream.map(xs -> Frame.fromRecords(xs)).named("toDataFrame"));
    }

    /**
     * As {@link #toDataFrame()}, with the columns and types of {@code example}; an empty batch
     * becomes an empty frame.
     *
     * @param example a frame with the expected columns and types, not null; its rows are ignored
     * @return the new streaming dataframe, downstream of this batch stream
     */
    public StreamingDataFrame toDataFrame(Frame example) {
        Frame empty = example.emptyRows();
        return StreamingDataFrame.from(stream.map(xs -> xs.isEmpty() ? empty : Frame.fromRecords(xs))
                .named("toDataFrame"), example);
    }

    /**
     * The elements one at a time (streamz {@code to_stream}, a {@code flatten}).
     *
     * @return the new stream of single elements, downstream of this one
     */
    public Stream<T> toStream() {
        return new FlattenNode<>(stream);
    }

    @Override
    public String toString() {
        return "Batch[" + stream + "]";
    }
}
