package io.streamz.internal.eventtime;

import io.streamz.internal.util.Refs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One key's window {@code [start, end)} in the making: its accumulator, and the metadata of its
 * elements without their event times (the window's result gets a time of its own), whose refs it
 * retains once until the window is purged. Used inside the graph only.
 *
 * @param <K> the key type
 */
final class Pane<K> {
    final K key;
    long start;
    long end;
    /** Orders panes with the same end (sessions). */
    final long seq;
    Object acc;
    /** Elements added, and added since the last firing. */
    int count;
    int sinceFiring;
    /** Whether the watermark has passed the end (the on-time firing, if any, happened). */
    boolean onTimeDone;
    private ArrayList<Map<String, Object>> metadata;

    Pane(K key, long start, long end, long seq) {
        this.key = key;
        this.start = start;
        this.end = end;
        this.seq = seq;
    }

    /** Keeps the entries of {@code md} other than bare event times, retaining their refs. */
    void hold(List<Map<String, Object>> md) {
        int from = -1;
        for (int i = 0, n = md.size(); i < n; i++) {
            Map<String, Object> m = md.get(i);
            if (Times.isBareTime(m)) {
                continue;
            }
            if (metadata == null) {
                metadata = new ArrayList<>();
            }
            if (from < 0) {
                from = metadata.size();
            }
            metadata.add(m);
        }
        if (from >= 0) {
            Refs.retain(metadata.subList(from, metadata.size()));
        }
    }

    /** Takes over {@code other}'s elements (a session merge): their refs stay retained, now by this pane. */
    void absorb(Pane<K> other, Object mergedAcc) {
        acc = mergedAcc;
        count += other.count;
        sinceFiring += other.sinceFiring;
        if (other.metadata != null) {
            if (metadata == null) {
                metadata = new ArrayList<>();
            }
            metadata.addAll(other.metadata);
            other.metadata = null;
        }
    }

    /**
     * The metadata to emit a firing with: the elements' entries, then {@code time}, the window's
     * last instant as metadata (shared by the panes of one window).
     */
    List<Map<String, Object>> firingMetadata(List<Map<String, Object>> time) {
        if (metadata == null) {
            return time;
        }
        List<Map<String, Object>> out = new ArrayList<>(metadata.size() + 1);
        out.addAll(metadata);
        out.add(time.get(0));
        return List.copyOf(out);
    }

    /** Lets go of the elements for good: releases their refs. */
    void release() {
        if (metadata != null) {
            Refs.release(metadata);
            metadata = null;
        }
    }
}
