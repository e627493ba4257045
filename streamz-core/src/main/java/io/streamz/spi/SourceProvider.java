package io.streamz.spi;

import io.streamz.Stream;

/**
 * A plugin that builds a source node, found with {@link java.util.ServiceLoader} and reached as
 * {@code Stream.source("name", args...)} (streamz's entry-point plugins).
 *
 * <pre>{@code
 * public final class TickerProvider implements SourceProvider {
 *     public String name() { return "ticker"; }
 *     public String description() { return "emits 0, 1, 2, ... every interval"; }
 *     public Stream<?> create(Object... args) { return Stream.fromPeriodic(...); }
 * }
 * // META-INF/services/io.streamz.spi.SourceProvider lists com.acme.TickerProvider
 * }</pre>
 */
public interface SourceProvider {
    /**
     * The name users pass to {@code Stream.source}, in streamz spelling ({@code "from_kafka"}).
     *
     * @return the plugin's name
     */
    String name();

    /**
     * One line saying what the source does, listed by {@code Stream.plugins()}.
     *
     * @return a one-line description
     */
    String description();

    /**
     * Builds the source; it does nothing until started.
     *
     * @param args the arguments the user passed after the name
     * @return a new source node, a subclass of {@link Stream}
     */
    Stream<?> create(Object... args);
}
