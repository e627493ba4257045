package io.streamz.internal.join;

import io.streamz.Stream;
import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Refs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Implements {@link Stream#combineLatest(Stream...)}, {@link Stream#combineLatest(List, List)}
 * and the typed {@link Stream#combineLatestWith(Stream)} forms. Each slot holds its upstream's
 * latest element (and its refs) until the next one replaces it.
 *
 * @param <R> what the node emits for the latest values
 */
public final class CombineLatestNode<R> extends JoinNode<Latest, R> {
    private final List<Stream<?>> emitOn;

    /**
     * @param emitOn the upstreams whose elements trigger an emission, or {@code null} for all of
     *     them (whatever is connected later included)
     */
    public CombineLatestNode(List<? extends Stream<?>> upstreams, List<? extends Stream<?>> emitOn, Combine<R> combine) {
        super(upstreams, combine, Latest::new);
        this.emitOn = emitOn == null ? null : List.copyOf(emitOn);
        if (emitOn != null) {
            if (emitOn.isEmpty()) {
                throw Checks.invalid("combineLatest", "emitOn must name at least one upstream, was []");
            }
            for (Stream<?> s : emitOn) {
                if (upstreams.stream().noneMatch(u -> u == s)) {
                    throw Checks.invalid("combineLatest", "emitOn must name upstreams of the node, was " + s);
                }
            }
        }
    }

    @Override
    protected CompletableFuture<?> accept(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
        List<Latest> mine = slotsOf(who);
        for (Latest slot : mine) {
            slot.set(x, metadata);
        }
        if (mine.isEmpty() || !triggers(who) || slots().stream().anyMatch(s -> !s.present)) {
            return null;
        }
        Object[] values = new Object[slotCount()];
        List<List<Map<String, Object>>> mds = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            values[i] = slot(i).value;
            mds.add(slot(i).metadata);
        }
        return emitDownstream(combine(values), Refs.concat(mds));
    }

    private boolean triggers(Stream<?> who) {
        return emitOn == null || emitOn.stream().anyMatch(s -> s == who);
    }

    @Override
    protected void checkDisconnect(Stream<?> upstream) {
        super.checkDisconnect(upstream);
        if (emitOn != null && emitOn.stream().allMatch(s -> s == upstream)) {
            throw new IllegalStateException("combineLatest: cannot disconnect " + upstream
                    + ", the only emitOn upstream");
        }
    }

    @Override
    protected void slotRemoved(Latest slot) {
        slot.clear();
    }
}
