package io.streamz.internal;

import io.streamz.ErrorPolicy;
import io.streamz.Failure;
import io.streamz.Stream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The guard of one graph: every entry into a graph ({@code emit}, a timer callback, the completion
 * of an asynchronous sink) runs while holding it, so the user functions of one graph never run
 * at once. It is reentrant, so feedback loops (a sink that emits into its own graph) work on the
 * same thread.
 *
 * <p><b>Cost.</b> An uncontended entry is one compare-and-set of the owner; the exit is a plain
 * release store, not a second atomic instruction. A reentrant entry costs no atomic at all.
 * The price of the cheap exit: an exiting owner may miss a thread that began to wait at the very
 * same moment (its check of the waiters can pass the release store). Waiters therefore never
 * sleep for good: they park for a bounded time ({@link #MAX_PARK_NANOS}) and look again, so such
 * a miss costs at most that delay, never a lost wake-up.
 *
 * <p>Graphs merge when nodes of two graphs are joined ({@code zip}, {@code connect}, ...): the
 * root with the larger id points at the other one from then on. They never split; a guard shared
 * by more than it strictly needs is still correct. An entry that finds its graph merged leaves
 * it and enters the root instead ({@link #enterRoot}).
 *
 * <p>Waiting for back-pressure ({@link #await}) releases the guard entirely (every reentrant
 * hold), so timers and the very completion being waited for can enter meanwhile, and takes it
 * back afterwards.
 *
 * <p><b>Confined graphs</b> ({@link #confine}): the first thread that enters to run elements
 * ({@link #enter()}) keeps the guard for good, so every later entry of that thread is reentrant
 * and costs no atomic instruction at all. Any other thread that enters afterwards gets an
 * {@link IllegalStateException} naming the graph and both threads, and so does waiting for
 * asynchronous work ({@link #await}), which another thread would have to finish inside the
 * graph. Entries that only change the graph's shape ({@link #merge}, {@link #inside}) do not
 * take the thread, so a confined graph may be built on one thread and run on another.
 */
public final class Graph {
    /** The longest a waiting thread sleeps before it looks at the guard again. */
    static final long MAX_PARK_NANOS = 1_000_000L;
    private static final int SPINS = 64;
    private static final AtomicLong IDS = new AtomicLong();
    private static final VarHandle OWNER;
    private static final VarHandle WAITERS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            OWNER = lookup.findVarHandle(Graph.class, "owner", Thread.class);
            WAITERS = lookup.findVarHandle(Graph.class, "waiters", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long id = IDS.incrementAndGet();
    private volatile Graph parent;
    @SuppressWarnings("unused")   // accessed through OWNER
    private volatile Thread owner;
    /** Reentrant holds beyond the first; only the owner reads or writes it. */
    private int holds;
    /** Graph-wide settings; read from the root. */
    private volatile ErrorPolicy defaultPolicy;
    private volatile Stream<Failure> allErrors;
    private volatile int metrics;
    /** Set by {@link #confine}: the first thread to {@link #enter()} keeps the guard. */
    private volatile boolean confined;
    /** What {@link #confine} was given to name the graph in errors. */
    private volatile String label;

    private final ConcurrentLinkedQueue<Thread> waiting = new ConcurrentLinkedQueue<>();
    /** How many threads are in {@link #waiting}; read by every exit, so kept apart from the queue. */
    private volatile int waiters;

    /** The graph this one was merged into, followed to the end: the one whose guard guards. */
    public Graph root() {
        Graph g = this;
        for (Graph p = g.parent; p != null; p = g.parent) {
            g = p;
        }
        return g;
    }

    /**
     * Whether this graph was merged into another (its guard no longer guards anything).
     *
     * @return {@code true} once merged
     */
    public boolean isMerged() {
        return parent != null;
    }

    /**
     * Whether the calling thread is inside this graph (holds its guard).
     *
     * @return {@code true} if the current thread holds the guard of this graph's root
     */
    public boolean isHeldByCurrentThread() {
        return root().owner == Thread.currentThread();
    }

    /**
     * Takes the guard of this graph, waiting while another thread holds it. The caller must check
     * {@link #isMerged()} afterwards (or use {@link #enterRoot}).
     */
    public void enter() {
        if (take() && confined) {
            holds++;   // a confined graph keeps its thread: this hold is never given up
        }
    }

    /** Takes the guard like {@link #enter()}, but never keeps a confined graph's thread. */
    private void enterToChange() {
        take();
    }

    /** Takes the guard; {@code true} if this entry took it from nobody without waiting. */
    private boolean take() {
        Thread me = Thread.currentThread();
        if (owner == me) {
            holds++;
            return false;
        }
        if (OWNER.compareAndSet(this, null, me)) {
            return true;
        }
        enterContended(me);
        return false;
    }

    /**
     * Confines this graph to one thread: the next thread to enter it keeps it (see the class
     * comment). Merged graphs stay confined.
     *
     * @param name how errors name the graph, such as the source's {@code toString()}
     */
    public void confine(String name) {
        Graph r = root();
        r.label = name;
        r.confined = true;
    }

    /**
     * Whether this graph is confined to one thread.
     *
     * @return {@code true} after {@link #confine}
     */
    public boolean isConfined() {
        return root().confined;
    }

    private IllegalStateException confinedTo(Thread owner, String what) {
        return new IllegalStateException("the graph of " + (label != null ? label : toString())
                + " is confined to thread \"" + (owner != null ? owner.getName() : "?")
                + "\"; " + what + " on thread \"" + Thread.currentThread().getName() + "\"");
    }

    /** Gives up one hold of the guard taken with {@link #enter()}. */
    public void exit() {
        if (holds > 0) {
            holds--;
            return;
        }
        OWNER.setRelease(this, null);
        if (waiters != 0) {
            Thread next = waiting.peek();
            if (next != null) {
                LockSupport.unpark(next);
            }
        }
    }

    /**
     * Enters the root of this graph, following merges that happen meanwhile.
     *
     * @return the graph whose guard the caller now holds; the caller must {@link #exit()} it
     */
    public Graph enterRoot() {
        return enterRoot(true);
    }

    private Graph enterRoot(boolean toRun) {
        Graph g = this;
        for (;;) {
            if (toRun) {
                g.enter();
            } else {
                g.enterToChange();
            }
            if (g.parent == null) {
                return g;
            }
            g.exit();
            g = g.root();
        }
    }

    /**
     * Runs {@code body} inside the root of this graph.
     *
     * @param <X> what {@code body} returns
     * @param body the work
     * @return what {@code body} returned
     */
    public <X> X inside(Supplier<X> body) {
        Graph g = enterRoot(false);
        try {
            return body.get();
        } finally {
            g.exit();
        }
    }

    private void enterContended(Thread me) {
        if (confined) {
            throw confinedTo(owner, "entered");
        }
        for (int i = 0; i < SPINS; i++) {
            Thread.onSpinWait();
            if (owner == null && OWNER.compareAndSet(this, null, me)) {
                return;
            }
        }
        waiting.add(me);
        WAITERS.getAndAdd(this, 1);
        try {
            long park = 10_000L;
            while (!OWNER.compareAndSet(this, null, me)) {
                LockSupport.parkNanos(this, park);
                park = Math.min(park * 2, MAX_PARK_NANOS);
            }
        } finally {
            WAITERS.getAndAdd(this, -1);
            waiting.remove(me);
        }
    }

    /**
     * The graph's default error policy, or {@code null}.
     *
     * @return the policy set for the graph, or {@code null}
     */
    public ErrorPolicy defaultPolicy() {
        return root().defaultPolicy;
    }

    /**
     * Sets the graph's default error policy.
     *
     * @param policy the policy
     */
    public void defaultPolicy(ErrorPolicy policy) {
        root().defaultPolicy = policy;
    }

    /**
     * The graph's stream of all routed failures, or {@code null}.
     *
     * @return the stream or {@code null}
     */
    public Stream<Failure> allErrors() {
        return root().allErrors;
    }

    /**
     * Sets the graph's stream of all routed failures, once.
     *
     * @param stream the stream
     * @return the stream now set (an earlier one wins)
     */
    public Stream<Failure> allErrors(Stream<Failure> stream) {
        Graph r = enterRoot(false);
        try {
            if (r.allErrors == null) {
                r.allErrors = stream;
            }
            return r.allErrors;
        } finally {
            r.exit();
        }
    }

    /**
     * What the graph measures: 0 nothing but failures, 1 elements in and out, 2 also time.
     *
     * @return the metrics level
     */
    public int metrics() {
        return root().metrics;
    }

    /**
     * Raises what the graph measures (it never goes down).
     *
     * @param level 1 counts, 2 counts and time
     */
    public void metrics(int level) {
        Graph r = root();
        r.metrics = Math.max(r.metrics, level);
    }

    /**
     * Merges two graphs into one and returns the surviving root. Takes both guards, lower id
     * first, so nobody is inside either graph while they merge.
     *
     * @param a a graph
     * @param b another graph, possibly the same
     * @return the root both now share
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
            first.enterToChange();
            try {
                second.enterToChange();
                try {
                    if (first.parent == null && second.parent == null) {
                        if (first.defaultPolicy == null) {
                            first.defaultPolicy = second.defaultPolicy;
                        }
                        if (first.allErrors == null) {
                            first.allErrors = second.allErrors;
                        }
                        first.metrics = Math.max(first.metrics, second.metrics);
                        if (second.confined && !first.confined) {
                            first.label = second.label;
                            first.confined = true;
                        }
                        second.parent = first;
                        return first;
                    }
                } finally {
                    second.exit();
                }
            } finally {
                first.exit();
            }
        }
    }

    /**
     * Waits until {@code pending} is done, giving up this graph's guard meanwhile (the caller
     * holds it, possibly reentrantly; every hold is restored afterwards). Returns normally
     * whatever the outcome; the caller inspects {@code pending}.
     *
     * @param pending the work to wait for
     * @throws CancellationException if the thread is interrupted while waiting (its interrupt
     *     flag is set again)
     */
    public void await(CompletableFuture<?> pending) {
        if (pending.isDone()) {
            return;
        }
        Thread me = Thread.currentThread();
        if (owner != me) {
            throw new IllegalStateException("await outside the graph's guard");
        }
        if (confined) {
            throw confinedTo(me, "waiting for asynchronous work, which other threads finish,");
        }
        int saved = holds;
        holds = 0;
        exit();
        boolean interrupted = false;
        try {
            pending.whenComplete((r, e) -> LockSupport.unpark(me));
            while (!pending.isDone()) {
                LockSupport.park(pending);
                if (Thread.interrupted()) {
                    interrupted = true;
                    break;
                }
            }
        } finally {
            enter();
            holds = saved;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for downstream work");
        }
    }

    @Override
    public String toString() {
        return "Graph#" + id + (parent != null ? "->" + root() : "");
    }
}
