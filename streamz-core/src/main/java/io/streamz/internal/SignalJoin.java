package io.streamz.internal;

import io.streamz.Signal;
import io.streamz.Stream;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signals of a node with several upstreams, combined: the watermark passed on is the smallest
 * of the inputs' (an input that ended, or went idle and has sent no watermark since, no longer
 * holds it back; one that never sent a watermark holds it at the beginning of time), the node goes
 * idle once every input that has not ended is idle, and the end is passed on once every input has
 * ended. Used inside the graph only.
 */
public final class SignalJoin {
    private final Map<Stream<?>, Instant> marks = new IdentityHashMap<>();
    private final Map<Stream<?>, Boolean> ended = new IdentityHashMap<>();
    private final Map<Stream<?>, Boolean> idle = new IdentityHashMap<>();
    private Instant passed;
    private boolean endPassed;
    private boolean idlePassed;

    /**
     * What to pass on after {@code signal} came from {@code who}.
     *
     * @param signal the signal
     * @param who the upstream it came from
     * @param upstreams the node's upstreams now, each once
     * @return the signal to pass on, or {@code null} for nothing yet
     */
    public Signal accept(Signal signal, Stream<?> who, List<Stream<?>> upstreams) {
        if (signal instanceof Signal.End) {
            ended.put(who, Boolean.TRUE);
            if (upstreams.stream().allMatch(ended::containsKey)) {
                if (endPassed) {
                    return null;
                }
                endPassed = true;
                return signal;
            }
        } else if (signal instanceof Signal.Watermark) {
            Instant t = ((Signal.Watermark) signal).time();
            marks.merge(who, t, (a, b) -> a.isAfter(b) ? a : b);
            idle.remove(who);   // active again
        } else if (signal instanceof Signal.Idle) {
            idle.put(who, Boolean.TRUE);
        } else {
            return signal;
        }
        Instant min = null;
        boolean anyActive = false;
        for (Stream<?> u : upstreams) {
            if (ended.containsKey(u) || idle.containsKey(u)) {
                continue;
            }
            anyActive = true;
            Instant m = marks.get(u);
            if (m == null) {
                return null;   // an input without a watermark holds every watermark back
            }
            if (min == null || m.isBefore(min)) {
                min = m;
            }
        }
        if (!anyActive && upstreams.stream().anyMatch(idle::containsKey)) {
            if (idlePassed) {
                return null;
            }
            idlePassed = true;
            return Signal.idle();
        }
        if (min == null) {
            return null;
        }
        if (passed != null && !min.isAfter(passed)) {
            if (!idlePassed) {
                return null;
            }
            idlePassed = false;
            return Signal.watermark(passed);   // active again: downstream joins count this input again
        }
        passed = min;
        idlePassed = false;
        return Signal.watermark(min);
    }
}
