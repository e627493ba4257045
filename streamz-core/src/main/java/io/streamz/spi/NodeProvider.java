package io.streamz.spi;

import io.streamz.Stream;

/**
 * A plugin that builds a node downstream of an existing stream, found with
 * {@link java.util.ServiceLoader} and reached as {@code stream.plugin("name", args...)}.
 *
 * <pre>{@code
 * public final class RepeatProvider implements NodeProvider {
 *     public String name() { return "repeat"; }
 *     public String description() { return "emits every element n times"; }
 *     public Stream<?> create(Stream<?> upstream, Object... args) {
 *         return new Repeat<>(upstream, (Integer) args[0]);
 *     }
 * }
 * // META-INF/services/io.streamz.spi.NodeProvider lists com.acme.RepeatProvider
 * }</pre>
 */
public interface NodeProvider {
    /**
     * The name users pass to {@code stream.plugin}, in streamz spelling ({@code "to_kafka"}).
     *
     * @return the plugin's name
     */
    String name();

    /**
     * One line saying what the node does, listed by {@code Stream.plugins()}.
     *
     * @return a one-line description
     */
    String description();

    /**
     * Builds the node downstream of {@code upstream}.
     *
     * @param upstream the stream the node receives from
     * @param args the arguments the user passed after the name
     * @return a new node, a subclass of {@link Stream}, connected to {@code upstream}
     */
    Stream<?> create(Stream<?> upstream, Object... args);
}
