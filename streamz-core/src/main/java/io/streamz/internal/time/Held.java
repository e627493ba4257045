package io.streamz.internal.time;

import io.streamz.Signal;
import io.streamz.Stream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An element a node holds, with its metadata (whose refs the node retained) and, for
 * {@code delay}, the scheduler time it is due; or a signal kept in line behind the elements
 * before it ({@link #signal} not {@code null}), with where it came from and, for the end, the
 * future completed once it went on.
 */
record Held<T>(T value, List<Map<String, Object>> metadata, long due,
               Signal signal, Stream<?> from, CompletableFuture<Object> signalDone) {

    Held(T value, List<Map<String, Object>> metadata, long due) {
        this(value, metadata, due, null, null, null);
    }

    static <T> Held<T> signal(Signal signal, Stream<?> from, long due) {
        return new Held<>(null, List.of(), due, signal, from,
                signal instanceof Signal.End ? new CompletableFuture<>() : null);
    }

    boolean isSignal() {
        return signal != null;
    }
}
