package io.streamz.net;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The bytes of received elements that wait for the graph, summed over all connections of a
 * server source ({@link NetOptions#withMaxQueuedBytes}). Connections that found it spent wait
 * here without reading and are woken when the graph has taken enough.
 *
 * <pre>{@code
 * Budget budget = new Budget(16 << 20);
 * if (budget.take(Budget.size(line), feed)) feed.pause();   // woken by give(...) later
 * }</pre>
 */
final class Budget {
    /** What an element costs besides its characters (object headers, queue slot). */
    private static final int OVERHEAD = 48;

    private final long max;
    private long used;                                   // guarded by this
    private long peak;                                   // guarded by this
    private final Set<Feed> waiting = new LinkedHashSet<>();   // guarded by this

    Budget(long max) {
        this.max = max;
    }

    /** The cost of one element. */
    static long size(String element) {
        return element.length() + OVERHEAD;
    }

    /** Takes {@code n} bytes whether or not there is room; returns whether it is now spent. */
    synchronized boolean take(long n) {
        used += n;
        peak = Math.max(peak, used);
        return used >= max;
    }

    /** Takes {@code n} bytes only if there is room; returns whether it did. */
    synchronized boolean tryTake(long n) {
        if (used + n > max && used > 0) {
            return false;
        }
        used += n;
        peak = Math.max(peak, used);
        return true;
    }

    /** Whether the budget is spent; if it is, {@code feed} is resumed when it no longer is. */
    synchronized boolean waitFor(Feed feed) {
        if (used >= max) {
            waiting.add(feed);
            return true;
        }
        return false;
    }

    /** Gives {@code n} bytes back and wakes the waiting connections if there is room again. */
    void give(long n) {
        List<Feed> wake;
        synchronized (this) {
            used -= n;
            if (used >= max || waiting.isEmpty()) {
                return;
            }
            wake = new ArrayList<>(waiting);
            waiting.clear();
        }
        for (Feed f : wake) {
            f.resume();
        }
    }

    /** The bytes taken now. */
    synchronized long used() {
        return used;
    }

    /** The most bytes ever taken at once. */
    synchronized long peak() {
        return peak;
    }
}
