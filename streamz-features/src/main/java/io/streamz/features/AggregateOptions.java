package io.streamz.features;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.annotation.Nullable;

/**
 * The optional arguments of {@link Features#aggregateByKey(io.streamz.Stream, String, String,
 * FeatureTable, AggregateOptions)} and {@link Features#queryByKey}: emit policy, aliases, the
 * format of string times, and the scheduler of the time-driven emit policies.
 *
 * <pre>{@code
 * AggregateOptions options = AggregateOptions.defaults()
 *         .withEmitPolicy(EmitPolicy.afterMaxEvents(3))
 *         .withAliases(Map.of("clicks_count_1h", "clicks_last_hour"))
 *         .withTimeFormat("yyyy-MM-dd HH:mm:ss.SSSSSSZ");
 * }</pre>
 */
public final class AggregateOptions {
    private final EmitPolicy emitPolicy;
    private final Map<String, String> aliases;
    private final String timeFormat;
    private final DateTimeFormatter formatter;
    private final Scheduler scheduler;

    private AggregateOptions(EmitPolicy emitPolicy, Map<String, String> aliases, String timeFormat,
            Scheduler scheduler) {
        this.emitPolicy = emitPolicy;
        this.aliases = aliases;
        this.timeFormat = timeFormat;
        this.formatter = timeFormat == null ? null : DateTimeFormatter.ofPattern(timeFormat);
        this.scheduler = scheduler;
    }

    /**
     * Every event emitted, no aliases, ISO-8601 string times, {@code Schedulers.parallel()}.
     *
     * @return the default options
     */
    public static AggregateOptions defaults() {
        return new AggregateOptions(EmitPolicy.everyEvent(), Map.of(), null, null);
    }

    /**
     * These options with another emit policy.
     *
     * @param policy when the enriched events are emitted
     * @return new options; these are unchanged
     * @throws NullPointerException if {@code policy} is {@code null}
     */
    public AggregateOptions withEmitPolicy(EmitPolicy policy) {
        return new AggregateOptions(notNull(policy, "emitPolicy"), aliases, timeFormat, scheduler);
    }

    /**
     * These options with feature columns renamed (storey {@code aliases}): a feature named by a key
     * of {@code aliases} is emitted under its value.
     *
     * @param aliases feature name to the name emitted
     * @return new options; these are unchanged
     * @throws NullPointerException if {@code aliases} is or holds {@code null}
     */
    public AggregateOptions withAliases(Map<String, String> aliases) {
        notNull(aliases, "aliases");
        return new AggregateOptions(emitPolicy, Map.copyOf(new LinkedHashMap<>(aliases)), timeFormat, scheduler);
    }

    /**
     * These options parsing string event times with {@code pattern} (storey {@code time_format});
     * a time without an offset is UTC. Without a pattern, strings are ISO-8601.
     *
     * @param pattern a {@link DateTimeFormatter} pattern, e.g. {@code "yyyy-MM-dd HH:mm:ss.SSSSSSZ"}
     * @return new options; these are unchanged
     * @throws NullPointerException if {@code pattern} is {@code null}
     * @throws IllegalArgumentException if {@code pattern} is not a valid pattern
     */
    public AggregateOptions withTimeFormat(String pattern) {
        return new AggregateOptions(emitPolicy, aliases, notNull(pattern, "timeFormat"), scheduler);
    }

    /**
     * These options with the clock and timers of the time-driven emit policies on {@code scheduler}
     * (a {@code VirtualTimeScheduler} in tests).
     *
     * @param scheduler the scheduler, captured when the node is built
     * @return new options; these are unchanged
     * @throws NullPointerException if {@code scheduler} is {@code null}
     */
    public AggregateOptions withScheduler(Scheduler scheduler) {
        return new AggregateOptions(emitPolicy, aliases, timeFormat, notNull(scheduler, "scheduler"));
    }

    EmitPolicy emitPolicy() {
        return emitPolicy;
    }

    Map<String, String> aliases() {
        return aliases;
    }

    @Nullable
    DateTimeFormatter timeFormat() {
        return formatter;
    }

    Scheduler scheduler() {
        return scheduler != null ? scheduler : Schedulers.parallel();
    }

    @Override
    public String toString() {
        return "AggregateOptions(emit=" + emitPolicy + ", aliases=" + aliases
                + (timeFormat == null ? "" : ", timeFormat=" + timeFormat) + ")";
    }

    private static <V> V notNull(V value, String param) {
        if (value == null) {
            throw new NullPointerException("AggregateOptions: " + param + " is null");
        }
        return value;
    }
}
