package io.streamz.internal.eventtime;

import io.streamz.internal.util.Lists;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collector;

/**
 * What a window computes from its elements: the list of them in event-time order, or a
 * {@link Collector}'s result. Accumulators are opaque to the window nodes; a session merge combines
 * two of them.
 *
 * @param <T> the element type
 * @param <R> the result type
 */
abstract class WindowValues<T, R> {

    /** {@code acc} with {@code x} at time {@code t} added; {@code acc} is {@code null} for a new window. */
    abstract Object add(Object acc, T x, long t);

    /** The accumulators of two windows that merge, as one. */
    abstract Object merge(Object a, Object b);

    /** The result now; the window may take more elements after. */
    abstract R result(Object acc);

    /** The elements, in event-time order (ties in order of arrival), as an immutable list. */
    static <T> WindowValues<T, List<T>> list() {
        return new ListValues<>();
    }

    /** What {@code collector} makes of the elements, in order of arrival. */
    static <T, A, R> WindowValues<T, R> of(Collector<? super T, A, R> collector) {
        return new CollectorValues<>(collector);
    }

    /** A window's elements and their times, sorted lazily (most arrive in order). */
    private static final class Timed {
        Object[] values = new Object[4];
        long[] times = new long[4];
        int n;
        boolean sorted = true;

        void add(Object x, long t) {
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
                times = Arrays.copyOf(times, n * 2);
            }
            if (n > 0 && t < times[n - 1]) {
                sorted = false;
            }
            values[n] = x;
            times[n] = t;
            n++;
        }

        void sort() {
            if (sorted) {
                return;
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));   // stable: ties keep arrival order
            Object[] v = new Object[values.length];
            long[] t = new long[times.length];
            for (int i = 0; i < n; i++) {
                v[i] = values[order[i]];
                t[i] = times[order[i]];
            }
            values = v;
            times = t;
            sorted = true;
        }
    }

    private static final class ListValues<T> extends WindowValues<T, List<T>> {
        @Override
        Object add(Object acc, T x, long t) {
            Timed timed = acc == null ? new Timed() : (Timed) acc;
            timed.add(x, t);
            return timed;
        }

        @Override
        Object merge(Object a, Object b) {
            Timed x = (Timed) a;
            Timed y = (Timed) b;
            for (int i = 0; i < y.n; i++) {
                x.add(y.values[i], y.times[i]);
            }
            return x;
        }

        @Override
        @SuppressWarnings("unchecked")
        List<T> result(Object acc) {
            Timed timed = (Timed) acc;
            timed.sort();
            return Lists.ofOwned((T[]) Arrays.copyOf(timed.values, timed.n));
        }
    }

    private static final class CollectorValues<T, A, R> extends WindowValues<T, R> {
        private final Supplier<A> supplier;
        private final BiConsumer<A, ? super T> accumulator;
        private final BinaryOperator<A> combiner;
        private final Function<A, R> finisher;

        @SuppressWarnings("unchecked")
        CollectorValues(Collector<? super T, A, R> c) {
            this.supplier = c.supplier();
            this.accumulator = (BiConsumer<A, ? super T>) c.accumulator();
            this.combiner = c.combiner();
            this.finisher = c.finisher();
        }

        @Override
        @SuppressWarnings("unchecked")
        Object add(Object acc, T x, long t) {
            A a = acc == null ? supplier.get() : (A) acc;
            accumulator.accept(a, x);
            return a;
        }

        @Override
        @SuppressWarnings("unchecked")
        Object merge(Object a, Object b) {
            return combiner.apply((A) a, (A) b);
        }

        @Override
        @SuppressWarnings("unchecked")
        R result(Object acc) {
            return finisher.apply((A) acc);
        }
    }
}
