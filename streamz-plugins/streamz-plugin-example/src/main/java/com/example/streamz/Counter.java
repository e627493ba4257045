package com.example.streamz;

import io.streamz.spi.PollingSource;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import reactor.core.scheduler.Scheduler;

/** Emits 0, 1, 2, ... one number per poll. */
public final class Counter extends PollingSource<Integer> {
    private int next;

    public Counter(Duration interval, Scheduler scheduler) {
        super("counter", interval, scheduler);
    }

    @Override
    protected void poll(BooleanSupplier running) {
        if (running.getAsBoolean()) {
            emit(next++);
        }
    }
}
