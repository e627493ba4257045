package io.streamz.internal.window;

import io.streamz.Stream;
import io.streamz.internal.util.Refs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import reactor.core.scheduler.Scheduler;

/** Implements {@link Stream#timedWindow(Duration, Scheduler)}. */
public final class TimedWindowNode<T> extends TickingWindowNode<T> {
    private ArrayList<T> values = new ArrayList<>();
    private ArrayList<Map<String, Object>> metadata = new ArrayList<>();

    public TimedWindowNode(Stream<T> upstream, Duration interval, Scheduler scheduler) {
        super(upstream, "timedWindow", interval, scheduler);
        startClock();
    }

    @Override
    void hold(T x, List<Map<String, Object>> md) {
        values.add(x);
        if (!md.isEmpty()) {
            Refs.retain(md);
            metadata.addAll(md);
        }
    }

    @Override
    Window<T> take() {
        Window<T> window = new Window<>(Collections.unmodifiableList(values), List.copyOf(metadata));
        values = new ArrayList<>();
        metadata = new ArrayList<>();
        return window;
    }

    @Override
    void releaseAll() {
        Refs.release(metadata);
        values.clear();
        metadata.clear();
    }

    @Override
    protected long heldCount() {
        return values.size();
    }
}
