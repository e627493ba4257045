package io.streamz.benchmarks;

import io.reactivex.rxjava3.core.Observer;
import io.streamz.Stream;
import java.util.SplittableRandom;

/**
 * The elements every contender pushes, boxed once up front so that boxing the input is not part of
 * any measurement. The values stay inside {@code Integer}'s cache (-128..127) and so do the
 * results of the pipelines' functions, so a function allocates nothing by itself: whatever
 * {@code -prof gc} reports per element is the framework's (or the operator's own result, such as
 * a window list).
 */
final class Inputs {
    /** Length of the input cycles; a power of two. */
    static final int SIZE = 4096;
    private static final int MASK = SIZE - 1;

    /** 0, 1, ..., 127, 0, 1, ...: the ordinary input. */
    private static final Integer[] COUNTING = new Integer[SIZE];

    /** Seeded pseudo-random values in -128..127: the input of {@code unique}. */
    private static final Integer[] RANDOM = new Integer[SIZE];

    static {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < SIZE; i++) {
            COUNTING[i] = i & 127;
            RANDOM[i] = random.nextInt(256) - 128;
        }
    }

    private Inputs() {
    }

    /** The i-th element of the counting input. */
    static Integer at(int i) {
        return COUNTING[i & MASK];
    }

    /** The i-th element of the random input. */
    static Integer randomAt(int i) {
        return RANDOM[i & MASK];
    }

    /** Emits the first {@code n} elements of the counting input, or of the random one, into {@code s}. */
    static void emitAll(Stream<Integer> s, int n, boolean random) {
        Integer[] in = random ? RANDOM : COUNTING;
        for (int i = 0; i < n; i++) {
            s.emit(in[i & MASK]);
        }
    }

    /** Passes the first {@code n} elements of the counting input, or of the random one, to {@code o}. */
    static void onNextAll(Observer<Integer> o, int n, boolean random) {
        Integer[] in = random ? RANDOM : COUNTING;
        for (int i = 0; i < n; i++) {
            o.onNext(in[i & MASK]);
        }
    }
}
