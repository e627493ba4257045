package io.streamz.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The guard of one graph: every entry into a graph ({@code emit}, a timer callback, the completion
 * of an asynchronous sink) runs while holding the monitor of the graph's root, so the user
 * functions of one graph never run at once. The monitor is reentrant, so feedback loops (a sink
 * that emits into its own graph) work on the same thread.
 *
 * <p>Graphs merge when nodes of two graphs are joined ({@code zip}, {@code connect}, ...): the
 * root with the larger id points at the other one from then on. They never split; a guard shared
 * by more than it strictly needs is still correct.
 *
 * <p>Waiting for back-pressure ({@link #await}) releases the monitor, so timers and the very
 * completion being waited for can enter meanwhile.
 */
public final class Graph {
    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private volatile Graph parent;

    /** The graph this one was merged into, followed to the end: the one whose monitor guards. */
    public Graph root() {
        Graph g = this;
        for (Graph p = g.parent; p != null; p = g.parent) {
            g = p;
        }
        return g;
    }

    /** Whether this graph was merged into another (its monitor no longer guards anything). */
    public boolean isMerged() {
        return parent != null;
    }

    /**
     * Merges two graphs into one and returns the surviving root. Takes both monitors, lower id
     * first, so nobody is inside either graph while they merge.
     */
    public static Graph merge(Graph a, Graph b) {
        for (;;) {
            Graph ra = a.root();
            Graph rb = b.root();
            if (ra == rb) {
                return ra;
            }
            Graph first = ra.id < rb.id ? ra : rb;
            Graph second = first == ra ? rb : ra;
            synchronized (first) {
                synchronized (second) {
                    if (first.parent == null && second.parent == null) {
                        second.parent = first;
                        return first;
                    }
                }
            }
        }
    }

    /**
     * Waits until {@code pending} is done, releasing this graph's monitor meanwhile (the caller
     * holds it, possibly reentrantly; {@link Object#wait()} restores every hold afterwards).
     * Returns normally whatever the outcome; the caller inspects {@code pending}.
     *
     * @throws CancellationException if the thread is interrupted while waiting (its interrupt
     *     flag is set again)
     */
    public void await(CompletableFuture<?> pending) {
        if (pending.isDone()) {
            return;
        }
        pending.whenComplete((r, e) -> {
            synchronized (this) {
                notifyAll();
            }
        });
        while (!pending.isDone()) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                CancellationException c = new CancellationException("interrupted while waiting for downstream work");
                c.initCause(e);
                throw c;
            }
        }
    }

    @Override
    public String toString() {
        return "Graph#" + id + (parent != null ? "->" + root() : "");
    }
}
