package io.streamz.internal;

/**
 * A node's flow counters while its graph measures ({@code enableMetrics}): written inside the
 * graph only, so plain fields suffice; read by other threads for snapshots, possibly a little
 * behind.
 */
public final class Counters {
    /** Elements received. */
    public long in;
    /** Elements emitted. */
    public long out;
    /** Time in the node itself, when {@link #timing}. */
    public long busyNanos;
    /** Whether calls into downstreams are timed. */
    public final boolean timing;

    /**
     * New zero counters.
     *
     * @param timing whether to time calls
     */
    public Counters(boolean timing) {
        this.timing = timing;
    }
}
