package io.streamz.kafka;

import io.streamz.Stream;
import io.streamz.spi.SourceProvider;

/**
 * The {@code from_kafka_batched} source plugin, with streamz's arguments in order:
 * {@code Stream.source("from_kafka_batched", topic, config[, pollInterval[, maxBatchSize[, keys[,
 * refreshPartitions]]]])}; {@code keys == true} emits lists of whole records. A
 * {@link KafkaSourceOptions} may stand in place of the poll interval. See
 * {@link Kafka#fromKafkaBatched}.
 *
 * <pre>{@code
 * Stream.source("from_kafka_batched", "events", consumerConfig, "500ms", 1000);
 * }</pre>
 */
public final class FromKafkaBatchedProvider implements SourceProvider {
    private static final String USAGE =
            "(topic, consumerConfig[, pollInterval or KafkaSourceOptions[, maxBatchSize[, keys[, refreshPartitions]]]])";

    @Override
    public String name() {
        return "from_kafka_batched";
    }

    @Override
    public String description() {
        return "emits lists of records per partition and interval, committing offsets once processed";
    }

    @Override
    public Stream<?> create(Object... args) {
        PluginArgs a = new PluginArgs(USAGE, args, 2, 6);
        KafkaSourceOptions options = KafkaSourceOptions.defaults();
        if (a.has(2)) {
            options = a.get(2) instanceof KafkaSourceOptions
                    ? (KafkaSourceOptions) a.get(2) : options.withPollInterval(a.interval(2));
        }
        if (a.has(3)) {
            options = options.withMaxBatchSize(a.integer(3, "maxBatchSize"));
        }
        boolean keys = a.has(4) && a.bool(4, "keys");
        if (a.has(5)) {
            options = options.withRefreshPartitions(a.bool(5, "refreshPartitions"));
        }
        String topic = a.string(0, "topic");
        return keys
                ? Kafka.fromKafkaBatchedRecords(topic, a.config(1), null, null, options)
                : Kafka.fromKafkaBatched(topic, a.config(1), null, options);
    }
}
