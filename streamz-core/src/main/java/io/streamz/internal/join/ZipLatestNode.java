package io.streamz.internal.join;

import io.streamz.Stream;
import io.streamz.internal.util.Refs;
import io.streamz.internal.window.HeldElements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Implements {@link Stream#zipLatest(Stream...)}: the lossless upstream's elements wait in a
 * buffer until every other upstream has sent one; the others' slots hold their latest element.
 */
public final class ZipLatestNode extends JoinNode<ZipLatestNode.Slot, List<Object>> {
    private final Stream<?> lossless;

    /** One upstream's state: a buffer for the lossless one, the latest element for the others. */
    static final class Slot {
        final HeldElements<Object> buffer = new HeldElements<>();
        final Latest latest = new Latest();
    }

    /** @param upstreams the lossless upstream first, then the others */
    public ZipLatestNode(List<? extends Stream<?>> upstreams) {
        super(upstreams, Combine.list("zipLatest"), Slot::new);
        this.lossless = upstreams.get(0);
    }

    @Override
    protected CompletableFuture<?> accept(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
        Slot losslessSlot = losslessSlot();
        for (Slot slot : slotsOf(who)) {
            if (slot == losslessSlot) {
                slot.buffer.add(x, metadata);
                slot.latest.present = true;
            } else {
                slot.latest.set(x, metadata);
            }
        }
        if (losslessSlot == null || slots().stream().anyMatch(s -> !s.latest.present)) {
            return null;
        }
        CompletableFuture<?> pending = null;
        while (!losslessSlot.buffer.isEmpty()) {
            Object[] values = new Object[slotCount()];
            List<List<Map<String, Object>>> mds = new ArrayList<>(values.length);
            Object first = losslessSlot.buffer.oldest();
            List<Map<String, Object>> firstMetadata = losslessSlot.buffer.detachOldest();
            for (int i = 0; i < values.length; i++) {
                Slot s = slot(i);
                values[i] = s == losslessSlot ? first : s.latest.value;
                mds.add(s == losslessSlot ? firstMetadata : s.latest.metadata);
            }
            try {
                pending = both(pending, emitDownstream(combine(values), Refs.concat(mds)));
            } finally {
                Refs.release(firstMetadata);   // as streamz: the others' refs stay with their latest
            }
        }
        return pending;
    }

    private Slot losslessSlot() {
        for (int i = 0; i < slotCount(); i++) {
            if (slotUpstream(i) == lossless) {
                return slot(i);
            }
        }
        return null;
    }

    @Override
    protected void slotRemoved(Slot slot) {
        slot.buffer.clear();
        slot.latest.clear();
    }
}
