/**
 * Service interfaces for plugins: {@link io.streamz.spi.SourceProvider} and
 * {@link io.streamz.spi.NodeProvider} (reached by name through {@code Stream.source} and
 * {@code stream.plugin}) and {@link io.streamz.spi.GraphRenderer} (pictures for
 * {@code visualize}). Providers are listed in {@code META-INF/services} files and loaded with
 * {@link java.util.ServiceLoader} on first use.
 */
package io.streamz.spi;
