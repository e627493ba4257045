package io.streamz;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the nodes that still hold an element, so that a source learns when its data is done
 * (streamz {@code RefCounter}).
 *
 * <p>A source puts a counter in the element's metadata under {@code "ref"}. Every node that
 * passes the element on retains it once per downstream while the downstream works, and every node
 * that holds it (a window, a buffer, {@code collect}) retains it until it lets go. When the count
 * comes back to zero the callback runs, in the thread whose {@link #release()} brought it there,
 * before that call returns.
 *
 * <pre>{@code
 * Stream<Integer> source = Stream.create();
 * Stream<List<Integer>> pairs = source.partition(2);
 * RefCounter ref = new RefCounter(() -> System.out.println("done"));
 * source.emit(1, List.of(Map.of("ref", ref)));
 * ref.count();          // 1: partition holds the element
 * source.emit(2);       // the pair is emitted and released: prints "done"
 * }</pre>
 *
 * <p>Thread-safe: nodes of several graphs may retain and release the same counter.
 */
public final class RefCounter {
    private final AtomicInteger count = new AtomicInteger();
    private final Runnable onZero;

    /** A counter at zero without a callback. */
    public RefCounter() {
        this(null);
    }

    /**
     * A counter at zero that runs {@code onZero} each time a release brings it back to zero.
     *
     * @param onZero the callback, or {@code null} for none
     */
    public RefCounter(Runnable onZero) {
        this.onZero = onZero;
    }

    /** Retains the reference once. */
    public void retain() {
        count.incrementAndGet();
    }

    /**
     * Retains the reference {@code n} times.
     *
     * @param n how many times, at least 0
     */
    public void retain(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("RefCounter.retain: n must be >= 0, was " + n);
        }
        if (n > 0) {
            count.addAndGet(n);
        }
    }

    /** Releases the reference once; runs the callback if the count reaches zero. */
    public void release() {
        release(1);
    }

    /**
     * Releases the reference {@code n} times; runs the callback if the count reaches zero.
     *
     * @param n how many times, at least 0
     */
    public void release(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("RefCounter.release: n must be >= 0, was " + n);
        }
        if (n == 0) {
            return;
        }
        int now = count.addAndGet(-n);
        if (now <= 0 && now + n > 0 && onZero != null) {
            onZero.run();
        }
    }

    /**
     * The current count.
     *
     * @return how many retains are not yet released
     */
    public int count() {
        return count.get();
    }

    @Override
    public String toString() {
        return "<RefCounter count=" + count.get() + ">";
    }
}
