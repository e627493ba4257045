package io.streamz.internal;

import io.streamz.Stream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A stream fed by a node beside its regular output, in the node's graph: its failures
 * ({@code errors()}), its late elements. It has no upstream; its owner sends to it from inside
 * the graph.
 *
 * @param <T> what it carries
 */
public final class SideOutput<T> extends Stream<T> {
    private final Stream<?> owner;

    /**
     * A side output of {@code owner}.
     *
     * @param kind the side output's name, such as {@code "errors"}
     * @param owner the node that feeds it
     */
    public SideOutput(String kind, Stream<?> owner) {
        super(kind, owner);
        this.owner = owner;
    }

    /**
     * The node that feeds this side output.
     *
     * @return the owner
     */
    public Stream<?> owner() {
        return owner;
    }

    /**
     * Sends {@code x} to this side output's downstreams; call inside the graph.
     *
     * @param x the element
     * @param metadata its metadata
     * @return downstream work still pending, or {@code null}
     */
    public CompletableFuture<?> send(T x, List<Map<String, Object>> metadata) {
        return emitDownstream(x, metadata);
    }

    @Override
    protected String describeParams() {
        return "of=" + owner;
    }
}
