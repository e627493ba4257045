package io.streamz;

/**
 * A snapshot of one node's counters, from {@link Stream#stats()}.
 *
 * <pre>{@code
 * Stream<Integer> source = Stream.create();
 * Stream<Integer> evens = source.filter(x -> x % 2 == 0);
 * evens.sink(x -> { });
 * source.enableMetrics();
 * for (int i = 0; i < 5; i++) source.emit(i);
 * evens.stats().in();    // 5
 * evens.stats().out();   // 3
 * }</pre>
 *
 * <p>Failures are always counted. Elements in and out, and time, are counted only after
 * {@link Stream#enableMetrics()} was called on the graph (counting costs about a nanosecond per
 * node and element; timing, {@link Stream#enableMetrics(boolean)}, the price of two clock reads).
 * Held and queued elements are read when the snapshot is taken. Counters are written inside the
 * graph and read without waiting for it, so a snapshot taken while elements flow may be a few
 * elements behind.
 *
 * @param in elements received (from upstreams or {@code emit})
 * @param out elements emitted downstream
 * @param failed failures that propagated ({@link ErrorPolicy#propagate()})
 * @param skipped failed elements dropped ({@link ErrorPolicy#skip()})
 * @param routed failures sent to an errors stream ({@link ErrorPolicy#route()})
 * @param retried extra attempts made ({@link ErrorPolicy#retry})
 * @param held elements the node holds now (windows, buffers, partitions), with their refs
 * @param queued elements waiting to enter the graph (a source's queue)
 * @param busyNanos time spent in this node itself, not its downstreams (user functions
 *     included), when timing is enabled
 * @param late elements that came after every window they belong to had closed (event-time
 *     windows, {@link EventWindowStream#lateElements()}); always counted
 */
public record NodeStats(long in, long out, long failed, long skipped, long routed, long retried,
                        long held, long queued, long busyNanos, long late) {

    /**
     * The counters of a node that takes no late elements ({@code late} is 0).
     *
     * <pre>{@code
     * new NodeStats(5, 3, 0, 0, 0, 0, 0, 0, 0).late();   // 0
     * }</pre>
     *
     * @param in elements received
     * @param out elements emitted
     * @param failed failures that propagated
     * @param skipped failed elements dropped
     * @param routed failures sent to an errors stream
     * @param retried extra attempts made
     * @param held elements held now
     * @param queued elements waiting to enter the graph
     * @param busyNanos time spent in the node itself
     */
    public NodeStats(long in, long out, long failed, long skipped, long routed, long retried,
                     long held, long queued, long busyNanos) {
        this(in, out, failed, skipped, routed, retried, held, queued, busyNanos, 0);
    }

    /**
     * All failures of the node, whatever the policy did with them.
     *
     * <pre>{@code
     * long bad = node.stats().failures();
     * }</pre>
     *
     * @return {@code failed + skipped + routed}
     */
    public long failures() {
        return failed + skipped + routed;
    }
}
