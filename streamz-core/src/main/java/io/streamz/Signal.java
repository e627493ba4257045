package io.streamz;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a graph carries beside its elements, in order with them: a {@link Watermark} of event
 * time, an input gone {@link Idle}, or the {@link End} of the input. A node reacts to signals in
 * {@link Stream#onSignal(Signal, Stream)}; the default passes them on (a node with several
 * upstreams passes the smallest watermark of its inputs, and the end once every input ended).
 *
 * <pre>{@code
 * Stream<Integer> source = Stream.create();
 * List<List<Integer>> out = source.timedWindow("1s").sinkToList();
 * source.emit(1);
 * CompletableFuture<Void> done = source.emitEnd();   // the window flushes at its next tick
 * }</pre>
 */
public abstract class Signal {
    Signal() {
    }

    /**
     * A watermark: no element with an event time at or before {@code time} is expected any more.
     *
     * <pre>{@code
     * Signal s = Signal.watermark(Instant.parse("2026-01-01T00:00:00Z"));
     * }</pre>
     *
     * @param time the event time the stream has reached
     * @return the watermark
     */
    public static Watermark watermark(Instant time) {
        return new Watermark(Objects.requireNonNull(time, "watermark: time is null"));
    }

    /**
     * An input gone idle: it sends no elements for a while, so a join stops waiting for its
     * watermark until it sends one again (Flink's idle watermark status).
     *
     * <pre>{@code
     * Signal s = Signal.idle();   // idle
     * }</pre>
     *
     * @return the idle signal
     */
    public static Idle idle() {
        return Idle.INSTANCE;
    }

    /**
     * The end of the input: no element follows.
     *
     * <pre>{@code
     * Signal s = Signal.end();   // end
     * }</pre>
     *
     * @return the end signal
     */
    public static End end() {
        return End.INSTANCE;
    }

    /**
     * Event time reached: no element at or before {@link #time()} is expected any more
     * (later ones are late).
     */
    public static final class Watermark extends Signal implements Comparable<Watermark> {
        private final Instant time;

        Watermark(Instant time) {
            this.time = time;
        }

        /**
         * The event time reached.
         *
         * @return the time
         */
        public Instant time() {
            return time;
        }

        @Override
        public int compareTo(Watermark o) {
            return time.compareTo(o.time);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Watermark && ((Watermark) o).time.equals(time);
        }

        @Override
        public int hashCode() {
            return time.hashCode();
        }

        /** {@code watermark(2026-01-01T00:00:00Z)}. */
        @Override
        public String toString() {
            return "watermark(" + time + ")";
        }
    }

    /**
     * An input gone idle: until its next watermark, the watermark of a join is the smallest of its
     * other inputs'.
     */
    public static final class Idle extends Signal {
        static final Idle INSTANCE = new Idle();

        private Idle() {
        }

        /** {@code idle}. */
        @Override
        public String toString() {
            return "idle";
        }
    }

    /** The end of the input. */
    public static final class End extends Signal {
        static final End INSTANCE = new End();

        private End() {
        }

        /** {@code end}. */
        @Override
        public String toString() {
            return "end";
        }
    }
}
