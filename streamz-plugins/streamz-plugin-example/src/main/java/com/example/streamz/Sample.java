package com.example.streamz;

import io.streamz.Stream;
import io.streamz.spi.Arguments;
import io.streamz.spi.Refs;
import io.streamz.spi.TimedOperator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import reactor.core.scheduler.Scheduler;

/** Emits the last element seen in each interval when the interval ends, holding its refs until then. */
public final class Sample<T> extends TimedOperator<T, T> {
    private final Duration interval;
    private T last;
    private List<Map<String, Object>> lastMetadata = List.of();
    private boolean waiting;

    public Sample(Stream<T> upstream, Duration interval, Scheduler scheduler) {
        super(upstream, "sample", scheduler);
        this.interval = Arguments.interval(interval, "sample", "interval");
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        Refs.release(lastMetadata);          // replaced before its tick: never emitted
        Refs.retain(metadata);
        last = x;
        lastMetadata = metadata;
        if (!waiting) {
            waiting = true;
            later(interval.toNanos(), this::tick);
        }
        return null;
    }

    private void tick() {
        waiting = false;
        List<Map<String, Object>> held = lastMetadata;
        lastMetadata = List.of();
        emitHeld(last, held);
    }

    @Override
    protected String describeParams() {
        return "interval=" + interval.toMillis() + "ms";
    }
}
