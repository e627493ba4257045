package io.streamz.kafka;

import io.streamz.Stream;
import io.streamz.spi.SourceProvider;

/**
 * The {@code from_kafka} source plugin: {@code Stream.source("from_kafka", topics, config)} or
 * {@code Stream.source("from_kafka", topics, config, pollInterval)}; see {@link Kafka#fromKafka}.
 *
 * <pre>{@code
 * Source<byte[]> s = (Source<byte[]>) Stream.source("from_kafka", List.of("events"),
 *         Map.of("bootstrap.servers", "localhost:9092", "group.id", "streamz"), "100ms");
 * }</pre>
 */
public final class FromKafkaProvider implements SourceProvider {
    private static final String USAGE = "(topics, consumerConfig[, pollInterval])";

    @Override
    public String name() {
        return "from_kafka";
    }

    @Override
    public String description() {
        return "emits the values of Kafka topics, read as a consumer group";
    }

    @Override
    public Stream<?> create(Object... args) {
        PluginArgs a = new PluginArgs(USAGE, args, 2, 3);
        return a.has(2)
                ? Kafka.fromKafka(a.topics(0), a.config(1), a.interval(2))
                : Kafka.fromKafka(a.topics(0), a.config(1));
    }
}
