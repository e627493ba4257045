package io.streamz.distributed.internal;

/**
 * The result of a distributed {@code filter} that dropped its element: it flows on as a future's
 * value, later tasks skip it and {@code gather} emits nothing for it. An enum, so that it is the
 * same object after a round trip through another JVM.
 */
public enum Empty {
    ELEMENT;

    /** Whether {@code x} is the dropped element. */
    public static boolean is(Object x) {
        return x == ELEMENT;
    }
}
