package io.streamz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Adapters for functions that throw checked exceptions, such as Jackson's
 * {@code mapper::readValue} or a JDBC call, so that they fit {@code map}, {@code filter},
 * {@code sink} and the other operators. A checked exception is rethrown unchecked: an
 * {@link IOException} as an {@link UncheckedIOException}, any other as an
 * {@link UndeclaredThrowableException}, both with the original as their cause (an
 * {@code InterruptedException} sets the thread's interrupt flag again first). The operator then
 * reports it as any failure: a {@link NodeException} naming the node and the element.
 *
 * <pre>{@code
 * Stream<String> lines = Stream.create();
 * List<URI> out = lines.map(Unchecked.function(s -> new URI(s))).sinkToList();
 * lines.emit("https://example.org/a");
 * // out: [https://example.org/a]
 * lines.emit("not a uri");
 * // NodeException: map failed on element "not a uri": java.lang.reflect.UndeclaredThrowableException: java.net.URISyntaxException: Illegal character in path at index 3: not a uri
 * }</pre>
 */
public final class Unchecked {
    private Unchecked() {
    }

    /**
     * A function that may throw a checked exception.
     *
     * @param <T> the argument type
     * @param <R> the result type
     */
    @FunctionalInterface
    public interface CheckedFunction<T, R> {
        /**
         * Applies the function.
         *
         * @param t the argument
         * @return the result
         * @throws Exception what the function throws
         */
        R apply(T t) throws Exception;
    }

    /**
     * A function of two arguments that may throw a checked exception.
     *
     * @param <T> the first argument's type
     * @param <U> the second argument's type
     * @param <R> the result type
     */
    @FunctionalInterface
    public interface CheckedBiFunction<T, U, R> {
        /**
         * Applies the function.
         *
         * @param t the first argument
         * @param u the second argument
         * @return the result
         * @throws Exception what the function throws
         */
        R apply(T t, U u) throws Exception;
    }

    /**
     * A predicate that may throw a checked exception.
     *
     * @param <T> the argument type
     */
    @FunctionalInterface
    public interface CheckedPredicate<T> {
        /**
         * Tests the argument.
         *
         * @param t the argument
         * @return whether it matches
         * @throws Exception what the predicate throws
         */
        boolean test(T t) throws Exception;
    }

    /**
     * A consumer that may throw a checked exception.
     *
     * @param <T> the argument type
     */
    @FunctionalInterface
    public interface CheckedConsumer<T> {
        /**
         * Takes the argument.
         *
         * @param t the argument
         * @throws Exception what the consumer throws
         */
        void accept(T t) throws Exception;
    }

    /**
     * A supplier that may throw a checked exception.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface CheckedSupplier<T> {
        /**
         * Gets a result.
         *
         * @return the result
         * @throws Exception what the supplier throws
         */
        T get() throws Exception;
    }

    /**
     * {@code func} as a {@link Function} that throws its checked exceptions unchecked: for
     * {@code map}, {@code flatMap}, keys.
     *
     * <pre>{@code
     * ObjectMapper mapper = new ObjectMapper();
     * Stream<Map<String, Object>> records = lines.map(Unchecked.function(line -> mapper.readValue(line, Map.class)));
     * }</pre>
     *
     * @param <T> the argument type
     * @param <R> the result type
     * @param func the function, not null
     * @return the adapted function
     */
    public static <T, R> Function<T, R> function(CheckedFunction<? super T, ? extends R> func) {
        Objects.requireNonNull(func, "Unchecked.function: func is null");
        return t -> {
            try {
                return func.apply(t);
            } catch (Exception e) {
                throw unchecked(e);
            }
        };
    }

    /**
     * {@code func} as a {@link BiFunction}: for {@code accumulate}, {@code starmap},
     * {@code zipWith}.
     *
     * <pre>{@code
     * Stream<Path> files = Stream.create();
     * files.accumulate(Unchecked.biFunction((Long total, Path p) -> total + Files.size(p)), 0L);
     * }</pre>
     *
     * @param <T> the first argument's type
     * @param <U> the second argument's type
     * @param <R> the result type
     * @param func the function, not null
     * @return the adapted function
     */
    public static <T, U, R> BiFunction<T, U, R> biFunction(CheckedBiFunction<? super T, ? super U, ? extends R> func) {
        Objects.requireNonNull(func, "Unchecked.biFunction: func is null");
        return (t, u) -> {
            try {
                return func.apply(t, u);
            } catch (Exception e) {
                throw unchecked(e);
            }
        };
    }

    /**
     * {@code predicate} as a {@link Predicate}: for {@code filter}, {@code remove}.
     *
     * <pre>{@code
     * Stream<Path> files = Stream.create();
     * files.filter(Unchecked.predicate(Files::isHidden));
     * }</pre>
     *
     * @param <T> the argument type
     * @param predicate the predicate, not null
     * @return the adapted predicate
     */
    public static <T> Predicate<T> predicate(CheckedPredicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "Unchecked.predicate: predicate is null");
        Function<T, Boolean> f = function(predicate::test);
        return f::apply;
    }

    /**
     * {@code consumer} as a {@link Consumer}: for {@code sink}.
     *
     * <pre>{@code
     * Writer out = Files.newBufferedWriter(Path.of("out.txt"));
     * lines.sink(Unchecked.consumer(out::write));
     * }</pre>
     *
     * @param <T> the argument type
     * @param consumer the consumer, not null
     * @return the adapted consumer
     */
    public static <T> Consumer<T> consumer(CheckedConsumer<? super T> consumer) {
        Objects.requireNonNull(consumer, "Unchecked.consumer: consumer is null");
        Function<T, Void> f = function(t -> {
            consumer.accept(t);
            return null;
        });
        return f::apply;
    }

    /**
     * {@code supplier} as a {@link Supplier}: for {@code fromPeriodic}.
     *
     * <pre>{@code
     * Source<String> load = Stream.fromPeriodic(Unchecked.supplier(() -> Files.readString(Path.of("/proc/loadavg"))), "1s");
     * }</pre>
     *
     * @param <T> the result type
     * @param supplier the supplier, not null
     * @return the adapted supplier
     */
    public static <T> Supplier<T> supplier(CheckedSupplier<? extends T> supplier) {
        Objects.requireNonNull(supplier, "Unchecked.supplier: supplier is null");
        Function<Void, T> f = function(none -> supplier.get());
        return () -> f.apply(null);
    }

    private static RuntimeException unchecked(Exception e) {
        if (e instanceof RuntimeException) {
            return (RuntimeException) e;
        }
        if (e instanceof IOException) {
            return new UncheckedIOException((IOException) e);
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new UndeclaredThrowableException(e, e.toString());
    }
}
