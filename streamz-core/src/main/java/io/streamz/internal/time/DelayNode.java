package io.streamz.internal.time;

import io.streamz.Signal;
import io.streamz.Stream;
import io.streamz.internal.util.Intervals;
import io.streamz.internal.util.Refs;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/** Implements {@link Stream#delay(Duration, Scheduler)}. */
public final class DelayNode<T> extends TimerNode<T, T> {
    private final long interval;
    private final ArrayDeque<Held<T>> queue = new ArrayDeque<>();
    private boolean running;
    private Disposable timer;

    public DelayNode(Stream<T> upstream, Duration interval, Scheduler scheduler) {
        super(upstream, "delay", scheduler);
        this.interval = Intervals.positive(interval, "delay", "interval").toNanos();
    }

    @Override
    protected String describeParams() {
        return "interval=" + Intervals.format(Duration.ofNanos(interval));
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        Refs.retain(metadata);
        queue.add(new Held<>(x, metadata, now() + interval));
        if (!running) {
            running = true;
            timer = later(interval, this::drain);
        }
        return null;
    }

    /** A signal is delayed like an element that arrived with it, and stays in line. */
    @Override
    protected CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
        if (queue.isEmpty() && !running) {
            return forwardSignal(signal, who);
        }
        Held<T> h = Held.signal(signal, who, now() + interval);
        queue.add(h);
        return h.signalDone();
    }

    // One element at a time, each when due and after the previous one's downstream work: in order.
    private void drain() {
        while (!queue.isEmpty()) {
            Held<T> h = queue.peek();
            long wait = h.due() - now();
            if (wait > 0) {
                timer = later(wait, this::drain);
                return;
            }
            queue.poll();
            if (h.isSignal()) {
                passHeldSignal(h);
                continue;
            }
            if (!doneOrResume(emitHeld(h.value(), h.metadata()), this::drain)) {
                return;
            }
        }
        running = false;
    }


    /** Cancels the timer and releases the elements still waiting. */
    @Override
    public void destroy() {
        super.destroy();
        enterGraph(() -> {
            if (timer != null) {
                timer.dispose();
            }
            queue.forEach(h -> Refs.release(h.metadata()));
            queue.clear();
            running = false;
            return null;
        });
    }

    @Override
    protected long heldCount() {
        return queue.size();
    }
}
