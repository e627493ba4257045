package io.streamz.distributed.internal;

import io.streamz.Stream;
import io.streamz.distributed.Engine;
import io.streamz.distributed.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import reactor.core.publisher.Mono;

/** Helpers for the futures that flow through a distributed stream. */
public final class Futures {
    private Futures() {
    }

    /** What a task threw, without the {@link CompletionException}/{@link ExecutionException} wrappers. */
    public static Throwable cause(Throwable e) {
        Throwable c = e;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** {@code engine.submit(task)}, or a failed future if it threw. */
    public static <R> CompletableFuture<R> submit(Engine engine, Task<R> task) {
        try {
            return engine.submit(task);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * One future of the values of {@code futures} (a window's or a join's), in order, as an
     * immutable list; it fails with the first failure among them.
     */
    public static CompletableFuture<List<Object>> all(List<?> futures) {
        CompletableFuture<?>[] fs = futures.toArray(new CompletableFuture<?>[0]);
        return CompletableFuture.allOf(fs).thenApply(ignored -> {
            List<Object> values = new ArrayList<>(fs.length);
            for (CompletableFuture<?> f : fs) {
                values.add(f.join());
            }
            return Collections.unmodifiableList(values);
        });
    }

    /**
     * Passes each future on once it is done, dropping those a filter emptied: nodes that count or
     * pair elements (windows, joins) see only the elements that exist. Waits, so put a
     * {@code buffer} before it to keep tasks in flight.
     */
    public static <T> Stream<CompletableFuture<T>> settle(Stream<CompletableFuture<T>> futures) {
        return futures.<CompletableFuture<T>>mapPublisher(f -> Mono.fromFuture(f.handle((x, e) -> e != null
                ? CompletableFuture.<T>failedFuture(cause(e))
                : Empty.is(x) ? null : CompletableFuture.completedFuture(x)))).named("settle");
    }
}
