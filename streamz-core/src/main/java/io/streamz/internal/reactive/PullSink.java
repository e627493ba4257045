package io.streamz.internal.reactive;

import io.streamz.Source;
import io.streamz.Stream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Implements {@link Stream#toIterable(int)} and {@link Stream#toJavaStream(int)}: a subscriber
 * to a new publisher node, subscribed at once (so that nothing emitted from then on is missed),
 * whose demand is what the reader has taken plus {@code prefetch}. A source upstream that stops
 * on a failure ends the reading with that failure (the graph has no error signal of its own).
 */
public final class PullSink {
    private PullSink() {
    }

    /** An iterable whose single iterator reads {@code upstream}'s elements from now on. */
    public static <T> Iterable<T> iterable(Stream<T> upstream, int prefetch) {
        Iterator<T> elements = elements(upstream).toIterable(prefetch).iterator();
        AtomicBoolean taken = new AtomicBoolean();
        return () -> {
            if (taken.getAndSet(true)) {
                throw new IllegalStateException("toIterable: the elements can be iterated once; "
                        + "call toIterable() again for another reader");
            }
            return elements;
        };
    }

    /** A sequential Java stream of {@code upstream}'s elements from now on; closing it cancels. */
    public static <T> java.util.stream.Stream<T> stream(Stream<T> upstream, int prefetch) {
        return elements(upstream).toStream(prefetch);
    }

    private static <T> Flux<T> elements(Stream<T> upstream) {
        List<Mono<Object>> failures = new ArrayList<>(List.of(Mono.never()));   // only a failure ends it
        for (Source<?> s : sources(upstream)) {
            failures.add(Mono.fromFuture(s.completion()).then(Mono.never()));
        }
        return Flux.from(upstream.toPublisher()).takeUntilOther(Flux.merge(failures));
    }

    /** The sources upstream of {@code node} (itself included). */
    private static List<Source<?>> sources(Stream<?> node) {
        List<Source<?>> out = new ArrayList<>();
        Set<Stream<?>> seen = new HashSet<>();
        List<Stream<?>> todo = new ArrayList<>(List.of(node));
        while (!todo.isEmpty()) {
            Stream<?> s = todo.remove(todo.size() - 1);
            if (seen.add(s)) {
                if (s instanceof Source<?> src) {
                    out.add(src);
                }
                todo.addAll(s.upstreams());
            }
        }
        return out;
    }
}
