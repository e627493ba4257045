package io.streamz.kafka;

import io.streamz.Stream;
import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Intervals;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import reactor.util.annotation.Nullable;

/**
 * Kafka sources and sink on the plain Kafka clients (streamz {@code from_kafka},
 * {@code from_kafka_batched}, {@code to_kafka}).
 *
 * <pre>{@code
 * Map<String, Object> consumer = Map.of("bootstrap.servers", "localhost:9092", "group.id", "streamz");
 * Map<String, Object> producer = Map.of("bootstrap.servers", "localhost:9092");
 *
 * KafkaSource<List<String>> batches = Kafka.fromKafkaBatched("orders", consumer, KafkaSerde.string(),
 *         KafkaSourceOptions.defaults().withPollInterval("500ms"));
 * batches.<String>flatten()
 *        .map(String::toUpperCase)
 *        .as(Kafka.toKafka("orders-upper", producer, KafkaSerde.string()));
 * batches.start();
 * }</pre>
 *
 * <p>Configurations are Kafka's own client settings ({@code bootstrap.servers},
 * {@code group.id}, {@code auto.offset.reset}, ...). Without a deserializer argument, values and
 * keys are read with the configuration's {@code value.deserializer}/{@code key.deserializer}, or
 * as {@code byte[]} (as streamz's {@code bytes}); without a serializer argument, elements are
 * written with {@code value.serializer}, or by {@link KafkaSerde#auto()} (bytes, UTF-8 strings,
 * JSON for anything else).
 *
 * <p>The sources commit offsets themselves, at least once: see {@link KafkaSource}. Like Kafka,
 * a new consumer group starts at the end of a topic unless {@code auto.offset.reset} is
 * {@code "earliest"}. The pipeline above is at least once end to end: {@code flatten} gives every
 * item the batch's ref and {@code toKafka} holds each one until the broker acknowledged its
 * record, so a batch's offsets are committed only once all its records are written, whatever
 * partitions they went to.
 */
public final class Kafka {
    static final Duration FROM_KAFKA_POLL = Duration.ofMillis(100);
    static final Duration BATCHED_POLL = Duration.ofSeconds(1);

    private Kafka() {
    }

    // ------------------------------------------------------------------ fromKafka

    /**
     * Emits the value of every record of {@code topics}, read as a member of the consumer group
     * named by {@code group.id} (streamz {@code from_kafka}); values are deserialized by the
     * configuration's {@code value.deserializer}, else emitted as {@code byte[]}.
     *
     * <pre>{@code
     * KafkaSource<byte[]> source = Kafka.fromKafka(List.of("events"),
     *         Map.of("bootstrap.servers", "localhost:9092", "group.id", "streamz"));
     * List<byte[]> out = source.sinkToList();
     * source.start();
     * }</pre>
     *
     * <p><b>Metadata:</b> each value carries a {@code RefCounter} under {@code "ref"}; its
     * offset is committed once it is released (see {@link KafkaSource}).
     *
     * @param <V> the value type, as the configured {@code value.deserializer} produces it
     *     ({@code byte[]} without one)
     * @param topics the topics to subscribe to, at least one, none {@code null}
     * @param consumerConfig Kafka consumer settings; {@code bootstrap.servers} and
     *     {@code group.id} are required
     * @return the new source, not yet started
     * @throws IllegalArgumentException if {@code topics} is empty or a required setting is missing
     */
    public static <V> KafkaSource<V> fromKafka(List<String> topics, Map<String, ?> consumerConfig) {
        return fromKafka(topics, consumerConfig, FROM_KAFKA_POLL);
    }

    /**
     * See {@link #fromKafka(List, Map)}; with a poll interval such as {@code "50ms"}.
     *
     * @param <V> the value type, as the configured {@code value.deserializer} produces it
     * @param topics the topics to subscribe to, at least one
     * @param consumerConfig Kafka consumer settings; {@code bootstrap.servers} and
     *     {@code group.id} are required
     * @param pollInterval the longest wait in one poll, in streamz spelling ({@code "100ms"},
     *     {@code "1s"}); greater than zero
     * @return the new source, not yet started
     */
    public static <V> KafkaSource<V> fromKafka(List<String> topics, Map<String, ?> consumerConfig, String pollInterval) {
        return fromKafka(topics, consumerConfig, Intervals.parse(Checks.notNull(pollInterval, "fromKafka", "pollInterval")));
    }

    /**
     * See {@link #fromKafka(List, Map)}; with a poll interval (default 100 ms, streamz's 0.1 s).
     *
     * @param <V> the value type, as the configured {@code value.deserializer} produces it
     * @param topics the topics to subscribe to, at least one
     * @param consumerConfig Kafka consumer settings; {@code bootstrap.servers} and
     *     {@code group.id} are required
     * @param pollInterval the longest wait in one poll when nothing arrives; greater than zero
     * @return the new source, not yet started
     */
    public static <V> KafkaSource<V> fromKafka(List<String> topics, Map<String, ?> consumerConfig, Duration pollInterval) {
        Checks.notNull(pollInterval, "fromKafka", "pollInterval");
        return fromKafka(topics, consumerConfig, null, KafkaSourceOptions.defaults().withPollInterval(pollInterval));
    }

    /**
     * Emits every record's value, deserialized by {@code values} (a {@link KafkaSerde} or any
     * Kafka {@link Deserializer}).
     *
     * <pre>{@code
     * KafkaSource<Order> orders = Kafka.fromKafka(List.of("orders"), consumerConfig,
     *         KafkaSerde.json(Order.class), KafkaSourceOptions.defaults());
     * }</pre>
     *
     * @param <V> the value type
     * @param topics the topics to subscribe to, at least one
     * @param consumerConfig Kafka consumer settings; {@code bootstrap.servers} and
     *     {@code group.id} are required
     * @param values the value deserializer, or {@code null} for the configuration's
     * @param options the poll interval (other settings apply to batches only)
     * @return the new source, not yet started
     */
    public static <V> KafkaSource<V> fromKafka(List<String> topics, Map<String, ?> consumerConfig,
            @Nullable Deserializer<V> values, KafkaSourceOptions options) {
        return source("fromKafka", topics, consumerConfig, null, values, ConsumerRecord::value, false,
                options, FROM_KAFKA_POLL);
    }

    /**
     * Emits whole records (key, value, topic, partition, offset, timestamp, headers) instead of
     * values.
     *
     * <pre>{@code
     * KafkaSource<ConsumerRecord<String, String>> source = Kafka.fromKafkaRecords(List.of("events"),
     *         consumerConfig, KafkaSerde.string(), KafkaSerde.string(), KafkaSourceOptions.defaults());
     * source.map(r -> r.key() + "=" + r.value() + " @" + r.partition() + ":" + r.offset())
     *       .sink(System.out::println);
     * }</pre>
     *
     * @param <K> the key type
     * @param <V> the value type
     * @param topics the topics to subscribe to, at least one
     * @param consumerConfig Kafka consumer settings; {@code bootstrap.servers} and
     *     {@code group.id} are required
     * @param keys the key deserializer, or {@code null} for the configuration's
     * @param values the value deserializer, or {@code null} for the configuration's
     * @param options the poll interval (other settings apply to batches only)
     * @return the new source of records, not yet started
     */
    public static <K, V> KafkaSource<ConsumerRecord<K, V>> fromKafkaRecords(List<String> topics,
            Map<String, ?> consumerConfig, @Nullable Deserializer<K> keys, @Nullable Deserializer<V> values,
            KafkaSourceOptions options) {
        return source("fromKafka", topics, consumerConfig, keys, values, r -> r, false, options, FROM_KAFKA_POLL);
    }

    // ------------------------------------------------------------------ fromKafkaBatched

    /**
     * Emits, every poll interval (default 1 s), one list of values per partition of
     * {@code topic} that has new records, at most 10000 each (streamz
     * {@code from_kafka_batched}). Reading resumes from the group's committed offsets.
     *
     * <pre>{@code
     * KafkaSource<List<byte[]>> batches = Kafka.fromKafkaBatched("events", consumerConfig);
     * batches.map(List::size).sink(n -> System.out.println(n + " records"));
     * batches.start();
     * }</pre>
     *
     * <p><b>Metadata:</b> each batch carries a {@code RefCounter} under {@code "ref"}; the
     * partition's offset past the batch is committed once every node downstream released it and
     * every earlier batch of the partition (streamz's checkpointing, in offset order).
     *
     * @param <V> the value type, as the configured {@code value.deserializer} produces it
     *     ({@code byte[]} without one)
     * @param topic the topic to subscribe to
     * @param consumerConfig Kafka consumer settings; {@code bootstrap.servers} and
     *     {@code group.id} are required
     * @return the new source of batches, not yet started
     * @throws IllegalArgumentException if a required setting is missing
     */
    public static <V> KafkaSource<List<V>> fromKafkaBatched(String topic, Map<String, ?> consumerConfig) {
        return fromKafkaBatched(topic, consumerConfig, BATCHED_POLL);
    }

    /**
     * See {@link #fromKafkaBatched(String, Map)}; with a poll interval such as {@code "500ms"}.
     *
     * @param <V> the value type, as the configured {@code value.deserializer} produces it
     * @param topic the topic to subscribe to
     * @param consumerConfig Kafka consumer settings; {@code bootstrap.servers} and
     *     {@code group.id} are required
     * @param pollInterval how often batches are emitted, in streamz spelling ({@code "500ms"},
     *     {@code "2s"}); greater than zero
     * @return the new source of batches, not yet started
     */
    public static <V> KafkaSource<List<V>> fromKafkaBatched(String topic, Map<String, ?> consumerConfig, String pollInterval) {
        return fromKafkaBatched(topic, consumerConfig,
                Intervals.parse(Checks.notNull(pollInterval, "fromKafkaBatched", "pollInterval")));
    }

    /**
     * See {@link #fromKafkaBatched(String, Map)}; with a poll interval.
     *
     * @param <V> the value type, as the configured {@code value.deserializer} produces it
     * @param topic the topic to subscribe to
     * @param consumerConfig Kafka consumer settings; {@code bootstrap.servers} and
     *     {@code group.id} are required
     * @param pollInterval how often batches are emitted (default 1 s); greater than zero
     * @return the new source of batches, not yet started
     */
    public static <V> KafkaSource<List<V>> fromKafkaBatched(String topic, Map<String, ?> consumerConfig, Duration pollInterval) {
        Checks.notNull(pollInterval, "fromKafkaBatched", "pollInterval");
        return fromKafkaBatched(topic, consumerConfig, null, KafkaSourceOptions.defaults().withPollInterval(pollInterval));
    }

    /**
     * Batches of values deserialized by {@code values}, with the given poll interval, batch size
     * and partition refresh.
     *
     * <pre>{@code
     * KafkaSource<List<String>> batches = Kafka.fromKafkaBatched("events", consumerConfig, KafkaSerde.string(),
     *         KafkaSourceOptions.defaults().withPollInterval("200ms").withMaxBatchSize(500));
     * }</pre>
     *
     * @param <V> the value type
     * @param topic the topic to subscribe to
     * @param consumerConfig Kafka consumer settings; {@code bootstrap.servers} and
     *     {@code group.id} are required
     * @param values the value deserializer, or {@code null} for the configuration's
     * @param options the poll interval, batch size and partition refresh
     * @return the new source of batches, not yet started
     */
    @SuppressWarnings("unchecked")
    public static <V> KafkaSource<List<V>> fromKafkaBatched(String topic, Map<String, ?> consumerConfig,
            @Nullable Deserializer<V> values, KafkaSourceOptions options) {
        Checks.notNull(topic, "fromKafkaBatched", "topic");
        return (KafkaSource<List<V>>) (KafkaSource<?>) source("fromKafkaBatched", List.of(topic), consumerConfig,
                null, values, ConsumerRecord::value, true, options, BATCHED_POLL);
    }

    /**
     * Batches of whole records (streamz {@code from_kafka_batched(..., keys=True)}, with
     * partition, offset, timestamp and headers besides the key and value).
     *
     * <pre>{@code
     * KafkaSource<List<ConsumerRecord<String, String>>> batches = Kafka.fromKafkaBatchedRecords("events",
     *         consumerConfig, KafkaSerde.string(), KafkaSerde.string(), KafkaSourceOptions.defaults());
     * batches.map(List::size).sink(n -> System.out.println(n + " records"));
     * batches.start();
     * }</pre>
     *
     * @param <K> the key type
     * @param <V> the value type
     * @param topic the topic to subscribe to
     * @param consumerConfig Kafka consumer settings; {@code bootstrap.servers} and
     *     {@code group.id} are required
     * @param keys the key deserializer, or {@code null} for the configuration's
     * @param values the value deserializer, or {@code null} for the configuration's
     * @param options the poll interval, batch size and partition refresh
     * @return the new source of record batches, not yet started
     */
    @SuppressWarnings("unchecked")
    public static <K, V> KafkaSource<List<ConsumerRecord<K, V>>> fromKafkaBatchedRecords(String topic,
            Map<String, ?> consumerConfig, @Nullable Deserializer<K> keys, @Nullable Deserializer<V> values,
            KafkaSourceOptions options) {
        Checks.notNull(topic, "fromKafkaBatched", "topic");
        return (KafkaSource<List<ConsumerRecord<K, V>>>) (KafkaSource<?>) source("fromKafkaBatched", List.of(topic),
                consumerConfig, keys, values, r -> r, true, options, BATCHED_POLL);
    }

    private static <T> KafkaSource<T> source(String kind, List<String> topics, Map<String, ?> consumerConfig,
            Deserializer<?> keys, Deserializer<?> values, Function<ConsumerRecord<?, ?>, ?> element, boolean batched,
            KafkaSourceOptions options, Duration defaultPoll) {
        Checks.notNull(topics, kind, "topics");
        if (topics.isEmpty() || topics.stream().anyMatch(t -> t == null)) {
            throw Checks.invalid(kind, "topics must name at least one topic, was " + topics);
        }
        Checks.notNull(options, kind, "options");
        Duration poll = options.pollInterval(defaultPoll);
        Map<String, Object> config = consumerConfig(kind, consumerConfig, keys, values, options, poll);
        return new KafkaSource<>(kind, topics, config, keys, values, element, batched, poll, options.maxBatchSize(),
                options.commitInterval());
    }

    private static Map<String, Object> consumerConfig(String kind, Map<String, ?> given, Deserializer<?> keys,
            Deserializer<?> values, KafkaSourceOptions options, Duration poll) {
        Map<String, Object> config = new HashMap<>(Checks.notNull(given, kind, "consumerConfig"));
        require(kind, "consumerConfig", config, ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "where the brokers are");
        require(kind, "consumerConfig", config, ConsumerConfig.GROUP_ID_CONFIG, "offsets are committed for a consumer group");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        if (keys == null) {
            config.putIfAbsent(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        }
        if (values == null) {
            config.putIfAbsent(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        }
        if (options.refreshPartitions()) {
            config.putIfAbsent(ConsumerConfig.METADATA_MAX_AGE_CONFIG, Math.max(1000L, poll.toMillis()));
        }
        return config;
    }

    private static void require(String kind, String param, Map<String, Object> config, String key, String why) {
        if (config.get(key) == null) {
            throw Checks.invalid(kind, param + " needs \"" + key + "\" (" + why + "), was " + config.keySet());
        }
    }

    // ------------------------------------------------------------------ toKafka

    /**
     * Sends every element to {@code topic} and emits its {@link org.apache.kafka.clients.producer.RecordMetadata} once
     * acknowledged (streamz {@code to_kafka}); for {@code stream.as(...)}. Elements are written
     * with the configuration's {@code value.serializer}, else by {@link KafkaSerde#auto()}.
     *
     * <pre>{@code
     * Stream<String> source = Stream.create();
     * ToKafka<String> out = source.as(Kafka.toKafka("greetings", Map.of("bootstrap.servers", "localhost:9092")));
     * source.emit("hello");
     * out.flush();
     * }</pre>
     *
     * <p><b>Blocks:</b> once 1000 records are in flight, until half of them are done (see
     * {@link ToKafka});
     * <b>Metadata:</b> refs are held until the broker acknowledged the record.
     *
     * @param <T> the element type
     * @param topic the topic to write to
     * @param producerConfig Kafka producer settings; {@code bootstrap.servers} is required
     * @return a function for {@code stream.as(...)} that builds the sink node downstream of the
     *     given stream (the producer is created then)
     * @throws IllegalArgumentException if {@code bootstrap.servers} is missing
     */
    public static <T> Function<Stream<T>, ToKafka<T>> toKafka(String topic, Map<String, ?> producerConfig) {
        return toKafka(topic, producerConfig, null, KafkaSinkOptions.defaults());
    }

    /**
     * See {@link #toKafka(String, Map)}; elements written by {@code values}, e.g.
     * {@code KafkaSerde.json(Order.class)}.
     *
     * @param <T> the element type
     * @param topic the topic to write to
     * @param producerConfig Kafka producer settings; {@code bootstrap.servers} is required
     * @param values the value serializer, or {@code null} for the configuration's
     *     {@code value.serializer}, else {@link KafkaSerde#auto()}
     * @return a function for {@code stream.as(...)} that builds the sink node
     */
    public static <T> Function<Stream<T>, ToKafka<T>> toKafka(String topic, Map<String, ?> producerConfig,
            @Nullable Serializer<? super T> values) {
        return toKafka(topic, producerConfig, values, KafkaSinkOptions.defaults());
    }

    /**
     * See {@link #toKafka(String, Map)}; with a serializer ({@code null}: the configuration's) and options.
     *
     * @param <T> the element type
     * @param topic the topic to write to
     * @param producerConfig Kafka producer settings; {@code bootstrap.servers} is required
     * @param values the value serializer, or {@code null} for the configuration's
     *     {@code value.serializer}, else {@link KafkaSerde#auto()}
     * @param options the bound on records in flight
     * @return a function for {@code stream.as(...)} that builds the sink node
     */
    public static <T> Function<Stream<T>, ToKafka<T>> toKafka(String topic, Map<String, ?> producerConfig,
            @Nullable Serializer<? super T> values, KafkaSinkOptions options) {
        return toKafkaKeyed(topic, producerConfig, null, null, values, options);
    }

    /**
     * Sends every element with the key {@code key} computes (so equal keys land in one
     * partition, in order); keys are written by {@code keys} or the configuration's
     * {@code key.serializer}, else by {@link KafkaSerde#auto()}.
     *
     * <pre>{@code
     * orders.as(Kafka.toKafkaKeyed("orders-by-customer", producerConfig, Order::customer,
     *         KafkaSerde.string(), KafkaSerde.json(Order.class), KafkaSinkOptions.defaults()));
     * }</pre>
     *
     * @param <T> the element type
     * @param <K> the key type
     * @param topic the topic to write to
     * @param producerConfig Kafka producer settings; {@code bootstrap.servers} is required
     * @param key computes the record key of an element, or {@code null} for records without a
     *     key; its failure reaches {@code emit} as a {@code NodeException}
     * @param keys the key serializer, or {@code null} for the configuration's
     *     {@code key.serializer}, else {@link KafkaSerde#auto()}
     * @param values the value serializer, or {@code null} for the configuration's
     *     {@code value.serializer}, else {@link KafkaSerde#auto()}
     * @param options the bound on records in flight
     * @return a function for {@code stream.as(...)} that builds the sink node
     * @throws IllegalArgumentException if {@code bootstrap.servers} is missing
     */
    public static <T, K> Function<Stream<T>, ToKafka<T>> toKafkaKeyed(String topic, Map<String, ?> producerConfig,
            @Nullable Function<? super T, ? extends K> key, @Nullable Serializer<? super K> keys,
            @Nullable Serializer<? super T> values,
            KafkaSinkOptions options) {
        Checks.notNull(topic, "toKafka", "topic");
        Checks.notNull(options, "toKafka", "options");
        Map<String, Object> config = new HashMap<>(Checks.notNull(producerConfig, "toKafka", "producerConfig"));
        require("toKafka", "producerConfig", config, ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "where the brokers are");
        Serializer<?> k = keys != null || config.containsKey(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG)
                ? keys : KafkaSerde.auto();
        Serializer<?> v = values != null || config.containsKey(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG)
                ? values : KafkaSerde.auto();
        return upstream -> new ToKafka<>(upstream, topic, config, key, k, v, options.maxInFlight());
    }
}
