package io.streamz;

import java.util.List;

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
 * @param <T> the type of the elements it emits
 */
public abstract class Source<T> extends Stream<T> {
    private volatile boolean started;

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
            try {
                onStart();
            } catch (RuntimeException | Error e) {
                started = false;
                throw e;
            }
        }
        afterStart();
    }

    /** Stops producing elements; stopping a stopped source does nothing. */
    public final synchronized void stop() {
        if (started) {
            started = false;
            onStop();
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

    /** Begins producing (open files, schedule timers, start threads). */
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
