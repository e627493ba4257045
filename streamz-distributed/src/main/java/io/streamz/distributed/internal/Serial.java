package io.streamz.distributed.internal;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;

/** Checks, when a graph is built, that a function can travel to another JVM. */
public final class Serial {
    private Serial() {
    }

    /**
     * {@code func} if Java serialisation can write it, else an {@link IllegalArgumentException}
     * naming the node: {@code map: func cannot be sent to the engine: java.io.NotSerializableException: ...}.
     */
    public static <F> F check(F func, String node, String param) {
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(func);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(node + ": " + param + " cannot be sent to the engine (it, or what it"
                    + " captures, is not serialisable): " + e, e);
        }
        return func;
    }
}
