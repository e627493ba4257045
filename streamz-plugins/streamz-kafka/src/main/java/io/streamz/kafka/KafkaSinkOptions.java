package io.streamz.kafka;

import io.streamz.internal.util.Checks;

/**
 * Settings of {@code toKafka} past its topic, producer configuration and serializers; immutable,
 * with withers.
 *
 * <pre>{@code
 * stream.as(Kafka.toKafka("out", producerConfig, KafkaSerde.string(),
 *         KafkaSinkOptions.defaults().withMaxInFlight(100)));
 * }</pre>
 *
 * <p>{@code maxInFlight} (default 1000) bounds the records sent but not yet finished
 * (acknowledged by the broker and passed downstream): when that many are in flight, {@code emit}
 * waits until half of them are finished.
 */
public final class KafkaSinkOptions {
    private static final KafkaSinkOptions DEFAULTS = new KafkaSinkOptions(1000);

    private final int maxInFlight;

    private KafkaSinkOptions(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    /**
     * The defaults: at most 1000 records in flight.
     *
     * @return the default options (a shared instance)
     */
    public static KafkaSinkOptions defaults() {
        return DEFAULTS;
    }

    /**
     * With at most {@code n} records in flight, at least 1.
     *
     * @param n the most records sent but not yet finished, at least 1
     * @return new options with this bound (this object is unchanged)
     * @throws IllegalArgumentException if {@code n} is less than 1
     */
    public KafkaSinkOptions withMaxInFlight(int n) {
        return new KafkaSinkOptions(Checks.positive(n, "KafkaSinkOptions", "maxInFlight"));
    }

    int maxInFlight() {
        return maxInFlight;
    }

    @Override
    public String toString() {
        return "KafkaSinkOptions(maxInFlight=" + maxInFlight + ")";
    }
}
