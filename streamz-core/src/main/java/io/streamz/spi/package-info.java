/**
 * What a plugin builds on: the service interfaces {@link io.streamz.spi.SourceProvider} and
 * {@link io.streamz.spi.NodeProvider} (reached by name through {@code Stream.source} and
 * {@code stream.plugin}) and {@link io.streamz.spi.GraphRenderer} (pictures for
 * {@code visualize}), listed in {@code META-INF/services} files and loaded with
 * {@link java.util.ServiceLoader} on first use; and the bases and helpers a third-party node or
 * source needs: {@link io.streamz.spi.Operator} and {@link io.streamz.spi.TimedOperator} (nodes,
 * entering the graph from timers and other threads), {@link io.streamz.spi.PollingSource},
 * {@link io.streamz.spi.Refs} (holding elements), {@link io.streamz.spi.Arguments} and
 * {@link io.streamz.spi.PluginArguments} (argument checks). {@code io.streamz.internal} is not
 * part of the API: a plugin needs nothing from it.
 */
package io.streamz.spi;
