package io.streamz;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A stream that produces elements by itself (from a file, a queue, a timer, a broker) once
 * {@link #start() started}, until {@link #stop() stopped}. Built by static methods such as
 * {@code Stream.fromIterable}; does nothing until {@code start()}.
 *
 * <pre>{@code
 * Source<String> lines = Stream.fromTextfile("app.log");
 * lines.map(String::toUpperCase).sink(System.out::println);
 * lines.start();
 * // ...
 * lines.stop();
 * }</pre>
 *
 * <p>A bounded source ({@code fromIterable}, {@code fromPublisher}, a process's output) sends the
 * end of its input when it runs out ({@link Signal#end()}): windows that flush on their own emit
 * what they hold, and {@link #completion()} completes once every node downstream is done.
 *
 * @param <T> the type of the elements it emits
 */
public abstract class Source<T> extends Stream<T> {
    private volatile boolean started;
    private volatile boolean finishing;
    private volatile CompletableFuture<Void> completion = new CompletableFuture<>();

    /**
     * A source of the given kind and optional name.
     *
     * @param kind the operator name ({@code "fromTextfile"})
     * @param name the user's name, or {@code null}
     */
    protected Source(String kind, String name) {
        super(kind, name, List.of());
    }

    /**
     * Starts producing elements; starting a started source does nothing. If {@link #onStart}
     * fails, the source stays stopped and the failure reaches the caller.
     */
    public final void start() {
        synchronized (this) {
            if (started) {
                return;
            }
            started = true;
            if (completion.isDone()) {
                completion = new CompletableFuture<>();
            }
            finishing = false;
            try {
                onStart();
            } catch (RuntimeException | Error e) {
                started = false;
                throw e;
            }
        }
        afterStart();
    }

    /**
     * Stops producing elements; stopping a stopped source does nothing. Its
     * {@link #completion()} completes (normally) unless the source is already finishing.
     */
    public final synchronized void stop() {
        if (started) {
            started = false;
            onStop();
            if (!finishing) {
                completion.complete(null);
            }
        }
    }

    /**
     * Whether the source is started.
     *
     * @return {@code true} between {@link #start()} and {@link #stop()}
     */
    public final boolean isStarted() {
        return started;
    }

    /**
     * Completes when this run of the source is over and every node downstream is done with its
     * elements: after the end of a bounded input has gone through the graph (windows flushed,
     * asynchronous sinks done), or at {@link #stop()}. Completes exceptionally when the source
     * stopped on a failure (an element whose failure propagated to it, a publisher's
     * {@code onError}). A new run ({@code start()} after it completed) has a new future.
     *
     * <pre>{@code
     * Source<Integer> numbers = Stream.fromIterable(List.of(1, 2, 3));
     * List<Integer> out = numbers.map(x -> x * 10).sinkToList();
     * numbers.start();
     * numbers.completion().isDone();   // true
     * // out: [10, 20, 30]
     * }</pre>
     *
     * @return the completion of the current (or last) run
     */
    public final CompletableFuture<Void> completion() {
        return completion;
    }

    /**
     * Ends this run: sends the end of the input through the graph, completes
     * {@link #completion()} when every node downstream is done (or with the failure of
     * {@code alsoWaitFor}), and stops the source. For subclasses whose input ran out.
     *
     * @param alsoWaitFor downstream work of the last elements still pending, or {@code null}
     */
    protected final void finish(CompletableFuture<?> alsoWaitFor) {
        CompletableFuture<Void> c = completion;
        finishing = true;
        stop();
        CompletableFuture<?> ended;
        try {
            ended = enterGraph(() -> emitSignal(Signal.end()));
        } catch (RuntimeException | Error e) {
            c.completeExceptionally(e);
            return;
        }
        CompletableFuture<?> all = alsoWaitFor == null ? ended : CompletableFuture.allOf(ended, alsoWaitFor);
        all.whenComplete((r, e) -> {
            if (e != null) {
                c.completeExceptionally(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            } else {
                c.complete(null);
            }
        });
    }

    /**
     * Stops this run on a failure: {@link #completion()} completes with it. For subclasses.
     *
     * @param failure what stopped the source
     */
    protected final void failed(Throwable failure) {
        CompletableFuture<Void> c = completion;
        finishing = true;
        stop();
        c.completeExceptionally(failure);
    }

    /** Begins producing elements; called by {@link #start()} while holding the source's lock. */
    protected abstract void onStart();

    /** Ends producing and releases what {@link #onStart} took. */
    protected abstract void onStop();

    /**
     * Runs on the caller of {@link #start()} after {@link #onStart}, without holding the
     * source's lock, so that {@link #stop()} may be called meanwhile from any thread. Sources that
     * emit on the caller's thread ({@code fromIterable}) do it here; the default does nothing.
     */
    protected void afterStart() {
    }

    /** Stops the source and disconnects it. */
    @Override
    public void destroy() {
        stop();
        super.destroy();
    }
}
