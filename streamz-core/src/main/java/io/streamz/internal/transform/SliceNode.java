package io.streamz.internal.transform;

import io.streamz.Stream;
import io.streamz.internal.Node;
import io.streamz.internal.util.Checks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Implements {@link Stream#slice(int, Integer, int)}. */
public final class SliceNode<T> extends Node<T, T> {
    private final int start;
    private final Integer end;
    private final int step;
    private long position;

    public SliceNode(Stream<T> upstream, int start, Integer end, int step) {
        super(upstream, "slice");
        this.start = Checks.nonNegative(start, "slice", "start");
        this.end = end == null ? null : Checks.nonNegative(end, "slice", "end");
        this.step = Checks.positive(step, "slice", "step");
    }

    @Override
    protected String describeParams() {
        return "start=" + start + ", end=" + end + ", step=" + step;
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        // streamz counts every element and keeps those at positions >= start divisible by step
        boolean keep = position >= start && position % step == 0;
        position++;
        try {
            return keep ? emitDownstream(x, metadata) : null;
        } finally {
            // as streamz, an end of 0 means no end
            if (end != null && end > 0 && position >= end) {
                for (Stream<?> u : upstreams()) {
                    u.disconnect(this);
                }
            }
        }
    }
}
