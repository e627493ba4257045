package io.streamz.kafka;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamz.internal.util.Checks;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Turns elements into Kafka bytes and back: strings (UTF-8), raw bytes and JSON (Jackson), or any
 * Kafka {@link Serializer}/{@link Deserializer} pair. A {@code KafkaSerde} is itself both, so one
 * object can be passed to a source and to a sink.
 *
 * <pre>{@code
 * record Order(String id, double amount) {}
 * KafkaSerde<Order> orders = KafkaSerde.json(Order.class);
 * KafkaSource<Order> in = Kafka.fromKafka(List.of("orders"), consumerConfig, orders, KafkaSourceOptions.defaults());
 * in.map(o -> new Order(o.id(), o.amount() * 2)).as(Kafka.toKafka("doubled", producerConfig, orders));
 * }</pre>
 *
 * <p>{@code null} stays {@code null} both ways (a Kafka tombstone). A payload that does not parse
 * fails with Kafka's {@link SerializationException} naming the topic.
 *
 * @param <T> the element type
 */
public final class KafkaSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String name;
    private final Serializer<T> serializer;
    private final Deserializer<T> deserializer;

    private KafkaSerde(String name, Serializer<T> serializer, Deserializer<T> deserializer) {
        this.name = name;
        this.serializer = serializer;
        this.deserializer = deserializer;
    }

    /**
     * Strings as UTF-8 bytes (Kafka's {@code StringSerializer} and {@code StringDeserializer}, so
     * their {@code *.encoding} settings apply when a config sets them).
     *
     * @return a serde of UTF-8 strings
     */
    public static KafkaSerde<String> string() {
        // Kafka's own: they read a record's bytes where they lie, without a copy into a byte[]
        return new KafkaSerde<>("string", new StringSerializer(), new StringDeserializer());
    }

    /**
     * Raw bytes, passed through unchanged (streamz's default: its sources emit {@code bytes}).
     *
     * @return a serde that passes {@code byte[]} through as it is
     */
    public static KafkaSerde<byte[]> bytes() {
        return new KafkaSerde<>("bytes", (topic, b) -> b, (topic, b) -> b);
    }

    /**
     * JSON through Jackson, read as {@code type} (a record, a bean, {@code Map.class}, ...).
     *
     * <pre>{@code
     * KafkaSerde<Order> orders = KafkaSerde.json(Order.class);
     * }</pre>
     *
     * @param <T> the element type
     * @param type the class values are read as; not {@code null}
     * @return a JSON serde for {@code type}, using a shared default {@code ObjectMapper}
     */
    public static <T> KafkaSerde<T> json(Class<T> type) {
        return json(MAPPER, MAPPER.constructType(Checks.notNull(type, "KafkaSerde.json", "type")));
    }

    /**
     * JSON through Jackson, read as a generic type: {@code json(new TypeReference<List<Order>>() {})}.
     *
     * @param <T> the element type
     * @param type the generic type values are read as; not {@code null}
     * @return a JSON serde for {@code type}, using a shared default {@code ObjectMapper}
     */
    public static <T> KafkaSerde<T> json(TypeReference<T> type) {
        return json(MAPPER, MAPPER.constructType(Checks.notNull(type, "KafkaSerde.json", "type")));
    }

    /**
     * JSON through the given Jackson mapper (for your modules and settings), read as {@code type}.
     *
     * <pre>{@code
     * ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
     * KafkaSerde<Order> orders = KafkaSerde.json(mapper, Order.class);
     * }</pre>
     *
     * @param <T> the element type
     * @param mapper the mapper that writes and reads values; not {@code null}
     * @param type the class values are read as; not {@code null}
     * @return a JSON serde for {@code type} using {@code mapper}
     */
    public static <T> KafkaSerde<T> json(ObjectMapper mapper, Class<T> type) {
        Checks.notNull(mapper, "KafkaSerde.json", "mapper");
        return json(mapper, mapper.constructType(Checks.notNull(type, "KafkaSerde.json", "type")));
    }

    private static <T> KafkaSerde<T> json(ObjectMapper mapper, JavaType type) {
        return new KafkaSerde<>("json(" + type.toCanonical() + ")", (topic, x) -> {
            if (x == null) {
                return null;
            }
            try {
                return mapper.writeValueAsBytes(x);
            } catch (IOException e) {
                throw new SerializationException("Cannot write " + x.getClass().getName()
                        + " as JSON for topic \"" + topic + "\": " + e.getMessage(), e);
            }
        }, (topic, b) -> {
            if (b == null) {
                return null;
            }
            try {
                return mapper.readValue(b, type);
            } catch (IOException e) {
                throw new SerializationException("Cannot read JSON from topic \"" + topic + "\" as "
                        + type.toCanonical() + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * Writes by the element's class: {@code byte[]} and {@link ByteBuffer} as they are,
     * {@link String} as UTF-8, anything else as JSON. What {@code toKafka} uses when neither an
     * argument nor {@code value.serializer} names a serializer.
     *
     * @return a serializer choosing the encoding by each element's class; {@code null} stays
     *     {@code null}
     */
    public static Serializer<Object> auto() {
        KafkaSerde<Object> json = json(Object.class);
        return (topic, x) -> {
            if (x == null || x instanceof byte[]) {
                return (byte[]) x;
            }
            if (x instanceof String) {
                return ((String) x).getBytes(StandardCharsets.UTF_8);
            }
            if (x instanceof ByteBuffer) {
                ByteBuffer b = ((ByteBuffer) x).duplicate();
                byte[] out = new byte[b.remaining()];
                b.get(out);
                return out;
            }
            return json.serialize(topic, x);
        };
    }

    /**
     * A serde of your own serializer and deserializer (Kafka's or lambdas).
     *
     * <pre>{@code
     * KafkaSerde<Integer> ints = KafkaSerde.of(new IntegerSerializer(), new IntegerDeserializer());
     * }</pre>
     *
     * @param <T> the element type
     * @param serializer writes elements; not {@code null}
     * @param deserializer reads elements; not {@code null}
     * @return a serde delegating to the two (configuring and closing both)
     */
    public static <T> KafkaSerde<T> of(Serializer<T> serializer, Deserializer<T> deserializer) {
        return new KafkaSerde<>("custom",
                Checks.notNull(serializer, "KafkaSerde.of", "serializer"),
                Checks.notNull(deserializer, "KafkaSerde.of", "deserializer"));
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return serializer.serialize(topic, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T data) {
        return serializer.serialize(topic, headers, data);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return deserializer.deserialize(topic, data);
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        return deserializer.deserialize(topic, headers, data);
    }

    /** What the consumer calls: passed on, so a deserializer that reads the buffer in place is not given a copy. */
    @Override
    public T deserialize(String topic, Headers headers, ByteBuffer data) {
        return deserializer.deserialize(topic, headers, data);
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }

    @Override
    public String toString() {
        return "KafkaSerde." + name;
    }
}
