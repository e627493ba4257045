package io.streamz.internal.time;

import io.streamz.Signal;
import io.streamz.Stream;
import io.streamz.internal.SignalsAfterWork;
import io.streamz.internal.util.Intervals;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import reactor.core.scheduler.Scheduler;

/** Implements {@link Stream#rateLimit(Duration, Scheduler)}. */
public final class RateLimitNode<T> extends TimerNode<T, T> {
    private final long interval;
    private long next = Long.MIN_VALUE;
    private final SignalsAfterWork signals = new SignalsAfterWork();

    public RateLimitNode(Stream<T> upstream, Duration interval, Scheduler scheduler) {
        super(upstream, "rateLimit", scheduler);
        this.interval = Intervals.positive(interval, "rateLimit", "interval").toNanos();
    }

    @Override
    protected String describeParams() {
        return "interval=" + Intervals.format(Duration.ofNanos(interval));
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        long now = now();
        long slot = next;
        // as streamz: the next element may pass one interval after this one's slot
        next = Math.max(now, next) + interval;
        if (now >= slot) {
            CompletableFuture<?> pending = emitDownstream(x, metadata);
            signals.accepted(null);
            return pending;
        }
        // as streamz, no hold of its own: the upstream's emit keeps the refs while this is pending
        CompletableFuture<Object> done = new CompletableFuture<>();
        CompletableFuture<Object> sent = new CompletableFuture<>();
        signals.accepted(sent);
        later(slot - now, () -> {
            try {
                CompletableFuture<?> pending = emitDownstream(x, metadata);
                if (pending == null) {
                    done.complete(null);
                } else {
                    pending.whenComplete((r, e) -> {
                        if (e != null) {
                            done.completeExceptionally(e);
                        } else {
                            done.complete(null);
                        }
                    });
                }
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            } finally {
                sent.complete(null);   // signals kept behind it may go now
            }
        });
        return done;
    }

    /** A signal goes on after the elements that wait for their slot. */
    @Override
    protected CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
        return signals.signal(signal, who, this::forwardSignal,
                () -> enterGraph(() -> signals.workDone(this::forwardSignal)));
    }
}
