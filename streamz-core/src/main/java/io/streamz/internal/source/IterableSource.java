package io.streamz.internal.source;

import io.streamz.Source;
import io.streamz.Stream;
import io.streamz.internal.util.Checks;

/**
 * Implements {@link Stream#fromIterable(Iterable)}: {@code start()} emits every item on the
 * caller's thread, from the iterable's beginning, then the source stops by itself. A
 * {@code stop()} meanwhile (from a downstream function, or another thread) ends the loop after
 * the element being emitted.
 */
public final class IterableSource<T> extends Source<T> {
    private final Iterable<? extends T> items;
    private volatile long run;

    public IterableSource(Iterable<? extends T> items) {
        super("fromIterable", null);
        this.items = Checks.notNull(items, "fromIterable", "iterable");
    }

    @Override
    protected void onStart() {
        run++;
    }

    @Override
    protected void onStop() {
        run++;
    }

    @Override
    protected void afterStart() {
        long id = run;
        try {
            for (T x : items) {
                if (id != run) {
                    return;
                }
                emit(x);
            }
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                if (id == run) {
                    failed(e);   // as streamz, a failure that reaches the source stops it
                }
            }
            throw e;
        }
        synchronized (this) {
            if (id == run) {
                finish(null);
            }
        }
    }
}
