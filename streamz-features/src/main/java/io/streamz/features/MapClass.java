package io.streamz.features;

import reactor.util.annotation.Nullable;

/**
 * A step written as a class (storey {@code MapClass}): override {@link #apply}; return
 * {@code null} to drop the element. State kept in fields lives as long as the step; the step
 * runs on the graph's thread, one element at a time. Use it with {@link Flows#mapClass}.
 *
 * <pre>{@code
 * class Dedupe extends MapClass<String, String> {
 *     private final Set<String> seen = new HashSet<>();
 *     protected String apply(String x) { return seen.add(x) ? x : null; }
 * }
 * Flows.mapClass(words, new Dedupe()).sink(System.out::println);
 * }</pre>
 *
 * @param <T> the element type in
 * @param <R> the element type out
 */
public abstract class MapClass<T, R> {
    /** For subclasses. */
    protected MapClass() {
    }

    /**
     * Maps one element.
     *
     * @param x the element
     * @return what to emit, or {@code null} to emit nothing
     */
    @Nullable
    protected abstract R apply(T x);

    /**
     * The name shown in the graph; the class's simple name by default.
     *
     * @return the step's name
     */
    protected String name() {
        return getClass().getSimpleName();
    }
}
