package io.streamz.internal.time;

import io.streamz.Stream;
import io.streamz.internal.util.Intervals;
import io.streamz.internal.util.Refs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import reactor.core.scheduler.Scheduler;

/** Implements {@link Stream#rateLimit(Duration, Scheduler)}. */
public final class RateLimitNode<T> extends TimerNode<T, T> {
    private final long interval;
    private long next = Long.MIN_VALUE;

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
            return emitDownstream(x, metadata);
        }
        Refs.retain(metadata);
        CompletableFuture<Object> done = new CompletableFuture<>();
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
                Refs.release(metadata);
            }
        });
        return done;
    }
}
