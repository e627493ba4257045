package io.streamz.internal.join;

import io.streamz.Stream;
import io.streamz.internal.Node;
import io.streamz.internal.util.Lists;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Base of the joins ({@code zip}, {@code zipLatest}, {@code combineLatest}): one slot of state per
 * upstream position, kept in step with the upstreams when they are connected or disconnected. A
 * stream that feeds the join twice ({@code a.zip(a)}) has two slots, both filled by each of its
 * elements.
 *
 * @param <S> the state of one slot
 * @param <R> the emitted element type
 */
public abstract class JoinNode<S, R> extends Node<Object, R> {
    private final Combine<R> combine;
    private final Supplier<S> newSlot;
    private List<Stream<?>> slotUpstreams;
    private List<S> slots;

    protected JoinNode(List<? extends Stream<?>> upstreams, Combine<R> combine, Supplier<S> newSlot) {
        super(upstreams, combine.kind());
        this.combine = combine;
        this.newSlot = newSlot;
        this.slotUpstreams = upstreams();
        this.slots = new ArrayList<>(slotUpstreams.size());
        for (int i = 0; i < slotUpstreams.size(); i++) {
            slots.add(newSlot.get());
        }
    }

    /** How many slots there are (one per upstream position). */
    protected final int slotCount() {
        return slots.size();
    }

    /** Slot {@code i}. */
    protected final S slot(int i) {
        return slots.get(i);
    }

    /** The upstream that fills slot {@code i}. */
    protected final Stream<?> slotUpstream(int i) {
        return slotUpstreams.get(i);
    }

    /** The slots {@code who} fills, in order; empty for a stream that is not an upstream. */
    protected final List<S> slotsOf(Stream<?> who) {
        List<S> out = new ArrayList<>(1);
        for (int i = 0; i < slots.size(); i++) {
            if (slotUpstreams.get(i) == who) {
                out.add(slots.get(i));
            }
        }
        return out;
    }

    /** All slots, in upstream order. */
    protected final List<S> slots() {
        return slots;
    }

    /**
     * What the join emits for {@code values}, one per slot, an array nobody else holds; a failure
     * of the typed forms' function is a {@code NodeException} naming this node and the values.
     */
    protected final R combine(Object[] values) {
        try {
            return combine.apply(values);
        } catch (RuntimeException e) {
            throw failure(e, Lists.ofOwned(values));
        }
    }

    @Override
    protected void checkConnect(Stream<?> upstream) {
        combine.checkRewiring("connect", upstream);
    }

    @Override
    protected void checkDisconnect(Stream<?> upstream) {
        combine.checkRewiring("disconnect", upstream);
    }

    /** Lets go of what a removed slot holds (release its refs). Runs inside the graph. */
    protected abstract void slotRemoved(S slot);

    /** Called inside the graph once the slots follow new upstreams. */
    protected void slotsChanged() {
    }

    @Override
    protected final void upstreamsChanged() {
        enterGraph(() -> {
            List<Stream<?>> now = upstreams();
            List<S> next = new ArrayList<>(now.size());
            boolean[] kept = new boolean[slots.size()];
            for (Stream<?> u : now) {
                int j = 0;
                while (j < slots.size() && (kept[j] || slotUpstreams.get(j) != u)) {
                    j++;
                }
                if (j < slots.size()) {
                    kept[j] = true;
                    next.add(slots.get(j));
                } else {
                    next.add(newSlot.get());
                }
            }
            List<S> removed = new ArrayList<>();
            for (int j = 0; j < kept.length; j++) {
                if (!kept[j]) {
                    removed.add(slots.get(j));
                }
            }
            slotUpstreams = now;
            slots = next;
            removed.forEach(this::slotRemoved);
            slotsChanged();
            return null;
        });
    }
}
