package io.streamz.kafka;

import io.streamz.Stream;
import io.streamz.spi.NodeProvider;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The {@code to_kafka} node plugin: {@code stream.plugin("to_kafka", topic, producerConfig)} or
 * with a value {@link Serializer} as third argument; see {@link Kafka#toKafka}.
 *
 * <pre>{@code
 * ToKafka<?> out = (ToKafka<?>) source.plugin("to_kafka", "out", Map.of("bootstrap.servers", "localhost:9092"));
 * }</pre>
 */
public final class ToKafkaProvider implements NodeProvider {
    private static final String USAGE = "(topic, producerConfig[, valueSerializer])";

    @Override
    public String name() {
        return "to_kafka";
    }

    @Override
    public String description() {
        return "sends elements to a Kafka topic and emits their delivery metadata";
    }

    @Override
    @SuppressWarnings("unchecked")
    public Stream<?> create(Stream<?> upstream, Object... args) {
        PluginArgs a = new PluginArgs(USAGE, args, 2, 3);
        Serializer<Object> values = null;
        if (a.has(2)) {
            if (!(a.get(2) instanceof Serializer)) {
                throw new IllegalArgumentException("argument 3 (valueSerializer) must be a "
                        + "Kafka Serializer, was " + a.get(2).getClass().getSimpleName() + "; usage: " + USAGE);
            }
            values = (Serializer<Object>) a.get(2);
        }
        Stream<Object> up = (Stream<Object>) upstream;
        return up.as(Kafka.toKafka(a.string(0, "topic"), a.config(1), values, KafkaSinkOptions.defaults()));
    }
}
