package io.streamz.features;

import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Intervals;
import java.time.Duration;
import java.util.Map;

/**
 * When {@link Features#aggregateByKey} emits the enriched events (storey emit policies).
 *
 * <pre>{@code
 * EmitPolicy.everyEvent();        // each event, enriched, at once (the default)
 * EmitPolicy.afterMaxEvents(3);   // per key, every 3rd event, enriched
 * EmitPolicy.afterMaxEvents(3, "10s");   // or the latest one, 10 s after the first held event
 * EmitPolicy.afterPeriod("1m");   // every minute, each key's latest event since the last tick
 * EmitPolicy.afterWindow("30s");  // when each smallest window ends, plus 30 s: every key's features
 * }</pre>
 */
public final class EmitPolicy {
    enum Kind { EVERY_EVENT, AFTER_MAX_EVENTS, AFTER_PERIOD, AFTER_WINDOW }

    private final Kind kind;
    private final int maxEvents;
    private final Duration period;

    private EmitPolicy(Kind kind, int maxEvents, Duration period) {
        this.kind = kind;
        this.maxEvents = maxEvents;
        this.period = period;
    }

    /**
     * Every event, enriched, as it arrives (storey {@code EmitEveryEvent}); nothing is held. This
     * is the default.
     *
     * @return the policy
     */
    public static EmitPolicy everyEvent() {
        return new EmitPolicy(Kind.EVERY_EVENT, 1, null);
    }

    /**
     * The {@code n}-th event of each key, enriched (storey {@code EmitAfterMaxEvent}); the key's
     * earlier events are aggregated but not emitted, and their metadata goes with the emitted one.
     * A key that never reaches {@code n} events holds them until the node is destroyed.
     *
     * @param n events per emitted event, at least 1
     * @return the policy
     * @throws IllegalArgumentException if {@code n} is less than 1
     */
    public static EmitPolicy afterMaxEvents(int n) {
        return new EmitPolicy(Kind.AFTER_MAX_EVENTS, Checks.positive(n, "afterMaxEvents", "n"), null);
    }

    /**
     * As {@link #afterMaxEvents(int)}, and a key's latest event is also emitted once
     * {@code timeout} of the node's scheduler has passed since the first event it holds back, so
     * a quiet key does not hold its events' metadata for ever (storey {@code timeout_secs}).
     *
     * @param n events per emitted event, at least 1
     * @param timeout how long, on the node's scheduler, a key's first held event may wait; positive
     * @return the policy
     * @throws NullPointerException if {@code timeout} is {@code null}
     * @throws IllegalArgumentException if {@code n} is less than 1 or {@code timeout} is not positive
     */
    public static EmitPolicy afterMaxEvents(int n, Duration timeout) {
        return new EmitPolicy(Kind.AFTER_MAX_EVENTS, Checks.positive(n, "afterMaxEvents", "n"),
                Intervals.positive(timeout, "afterMaxEvents", "timeout"));
    }

    /**
     * See {@link #afterMaxEvents(int, Duration)}; {@code timeout} like {@code "10s"}.
     *
     * @param n events per emitted event, at least 1
     * @param timeout an interval such as {@code "10s"}, positive
     * @return the policy
     * @throws NullPointerException if {@code timeout} is {@code null}
     * @throws IllegalArgumentException if {@code n} is less than 1, or {@code timeout} is not an
     *         interval (quoting it) or not positive
     */
    public static EmitPolicy afterMaxEvents(int n, String timeout) {
        return afterMaxEvents(n, Intervals.parse(timeout, "afterMaxEvents", "timeout"));
    }

    /**
     * Every {@code period} of the node's scheduler, the latest enriched event of each key that had
     * events since the last tick (storey {@code EmitAfterPeriod}), with the metadata of all of them.
     * The first tick is one {@code period} after the node is built.
     *
     * @param period the time between ticks, on the node's scheduler; positive
     * @return the policy
     * @throws NullPointerException if {@code period} is {@code null}
     * @throws IllegalArgumentException if {@code period} is not positive
     */
    public static EmitPolicy afterPeriod(Duration period) {
        return new EmitPolicy(Kind.AFTER_PERIOD, 0, Intervals.positive(period, "afterPeriod", "period"));
    }

    /**
     * See {@link #afterPeriod(Duration)}; {@code period} like {@code "1m"}.
     *
     * @param period an interval such as {@code "1m"}, positive
     * @return the policy
     * @throws NullPointerException if {@code period} is {@code null}
     * @throws IllegalArgumentException if {@code period} is not an interval (quoting it) or not
     *         positive
     */
    public static EmitPolicy afterPeriod(String period) {
        return afterPeriod(Intervals.parse(period, "afterPeriod", "period"));
    }

    /**
     * When each smallest window of the first aggregator ends on the node's scheduler (aligned to
     * the epoch), and {@code delay} later, every key of the table is emitted as
     * {@code {key=..., time=<window end>}} with its features at the window's end (storey
     * {@code EmitAfterWindow(delay_in_seconds)}). The events themselves are aggregated, not emitted.
     *
     * @param delay how long after each window's end to emit, zero or positive
     * @return the policy
     * @throws NullPointerException if {@code delay} is {@code null}
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    public static EmitPolicy afterWindow(Duration delay) {
        if (delay == null) {
            throw new NullPointerException("afterWindow: delay is null");
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("afterWindow: delay must be >= 0, was " + Intervals.format(delay));
        }
        return new EmitPolicy(Kind.AFTER_WINDOW, 0, delay);
    }

    /**
     * See {@link #afterWindow(Duration)}; {@code delay} like {@code "30s"}, or {@code "0s"}.
     *
     * @param delay an interval such as {@code "30s"}
     * @return the policy
     * @throws NullPointerException if {@code delay} is {@code null}
     * @throws IllegalArgumentException if {@code delay} is not an interval (quoting it) or negative
     */
    public static EmitPolicy afterWindow(String delay) {
        return afterWindow(Intervals.parse(delay, "afterWindow", "delay"));
    }

    /**
     * An emit policy from storey's dict form: {@code mode} is {@code everyEvent},
     * {@code maxEvents} (with {@code maxEvents}, optionally {@code timeout} as an interval),
     * {@code afterPeriod} (with {@code period}) or {@code afterWindow} (optionally {@code delay}).
     *
     * <pre>{@code
     * EmitPolicy.fromConfig(Map.of("mode", "maxEvents", "maxEvents", 3));   // afterMaxEvents(3)
     * }</pre>
     *
     * @param config the entries above
     * @return the policy
     * @throws NullPointerException if {@code config} is {@code null}
     * @throws IllegalArgumentException naming an unknown mode or a missing or unexpected entry
     */
    public static EmitPolicy fromConfig(Map<String, ?> config) {
        if (config == null) {
            throw new NullPointerException("EmitPolicy.fromConfig: config is null");
        }
        Map<String, Object> c = new java.util.HashMap<>(config);
        Object mode = c.remove("mode");
        EmitPolicy p;
        if ("everyEvent".equals(mode)) {
            p = everyEvent();
        } else if ("maxEvents".equals(mode)) {
            Object n = c.remove("maxEvents");
            if (!(n instanceof Number)) {
                throw new IllegalArgumentException("EmitPolicy.fromConfig: maxEvents must be given for mode maxEvents, was " + config);
            }
            Object timeout = c.remove("timeout");
            p = timeout == null ? afterMaxEvents(((Number) n).intValue()) : afterMaxEvents(((Number) n).intValue(), String.valueOf(timeout));
        } else if ("afterPeriod".equals(mode)) {
            p = afterPeriod(String.valueOf(c.remove("period")));
        } else if ("afterWindow".equals(mode)) {
            Object delay = c.remove("delay");
            p = afterWindow(delay == null ? "0s" : String.valueOf(delay));
        } else {
            throw new IllegalArgumentException("EmitPolicy.fromConfig: mode must be everyEvent, maxEvents, afterPeriod or afterWindow, was \"" + mode + "\"");
        }
        if (!c.isEmpty()) {
            throw new IllegalArgumentException("EmitPolicy.fromConfig: unexpected entries " + c.keySet() + " for mode " + mode);
        }
        return p;
    }

    Kind kind() {
        return kind;
    }

    int maxEvents() {
        return maxEvents;
    }

    /** The tick period of afterPeriod, the timeout of afterMaxEvents, or {@code null}. */
    Duration period() {
        return period;
    }

    @Override
    public String toString() {
        switch (kind) {
            case EVERY_EVENT: return "everyEvent";
            case AFTER_MAX_EVENTS:
                return "afterMaxEvents(" + maxEvents + (period == null ? "" : ", " + Intervals.format(period)) + ")";
            case AFTER_WINDOW: return "afterWindow(" + Intervals.format(period) + ")";
            default: return "afterPeriod(" + Intervals.format(period) + ")";
        }
    }
}
