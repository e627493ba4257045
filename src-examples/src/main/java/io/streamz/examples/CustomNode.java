package io.streamz.examples;

import io.streamz.Stream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A node of your own: extend Stream, override update, emit downstream (streamz's way). */
public final class CustomNode {
    private CustomNode() {
    }

    // docs:start
    /** Emits every element n times. */
    static final class Repeat<T> extends Stream<T> {
        private final int n;

        Repeat(Stream<T> upstream, int n) {
            super(upstream);
            this.n = n;
        }

        @Override
        protected CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
            CompletableFuture<?> pending = null;
            for (int i = 0; i < n; i++) {
                pending = both(pending, emitDownstream(cast(x), metadata));
            }
            return pending;
        }
    }

    /** Prints [a, a, a, b, b, b] and the node's name. */
    public static void main(String[] args) {
        Stream<String> source = Stream.create();
        Repeat<String> thrice = new Repeat<>(source, 3);
        List<String> out = thrice.sinkToList();

        source.emit("a");
        source.emit("b");
        System.out.println(out);
        System.out.println(thrice);
    }
    // docs:end
}
