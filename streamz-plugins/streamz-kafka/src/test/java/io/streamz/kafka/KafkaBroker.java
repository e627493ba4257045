package io.streamz.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import kafka.server.BrokerServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real single-node Kafka cluster in KRaft mode (Kafka's own test kit), started in-process once
 * per test class: {@code @RegisterExtension static final KafkaBroker kafka = new KafkaBroker();}.
 */
final class KafkaBroker implements BeforeAllCallback, AfterAllCallback {
    private KafkaClusterTestKit cluster;
    private Admin admin;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "4")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Creates a topic with {@code partitions} partitions and waits until it exists. */
    void createTopic(String topic, int partitions) throws ExecutionException, InterruptedException {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }

    /** Consumer settings for a group reading from the beginning, with string deserializers. */
    Map<String, Object> consumerConfig(String group) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return c;
    }

    /** Producer settings with string serializers. */
    Map<String, Object> producerConfig() {
        Map<String, Object> c = new HashMap<>();
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        c.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        return c;
    }

    Admin admin() {
        return admin;
    }

    /**
     * Shuts the broker down and starts it again on the same port and data (the controller keeps
     * running); returns once it answers again.
     */
    void restart() {
        for (BrokerServer broker : cluster.brokers().values()) {
            broker.shutdown();
            broker.startup();
        }
        until(() -> endOffsetsQuietly("__consumer_offsets", 1) >= 0, Duration.ofSeconds(60), () -> "the broker back");
    }

    /** The sum of the end offsets of partitions 0 to {@code partitions - 1} of {@code topic}. */
    long endOffsets(String topic, int partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int i = 0; i < partitions; i++) {
            latest.put(new TopicPartition(topic, i), OffsetSpec.latest());
        }
        long sum = 0;
        for (ListOffsetsResult.ListOffsetsResultInfo info : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS)
                .values()) {
            sum += info.offset();
        }
        return sum;
    }

    /** {@link #endOffsets}, or -1 when the broker cannot say now. */
    long endOffsetsQuietly(String topic, int partitions) {
        try {
            return endOffsets(topic, partitions);
        } catch (Exception e) {
            return -1;
        }
    }

    /** Writes {@code values} to {@code topic}, keyed "k" + index, spread over partitions by key. */
    void produce(String topic, List<String> values) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(producerConfig())) {
            for (int i = 0; i < values.size(); i++) {
                p.send(new ProducerRecord<>(topic, "k" + i, values.get(i)));
            }
            p.flush();
        }
    }

    /** Reads every record of {@code topic} from the beginning until {@code n} arrived or {@code timeout}. */
    List<ConsumerRecord<String, String>> consume(String topic, int n, Duration timeout) {
        Map<String, Object> c = consumerConfig("reader-" + UUID.randomUUID());
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + timeout.toNanos();
            while (out.size() < n && System.nanoTime() - end < 0) {
                consumer.poll(Duration.ofMillis(100)).forEach(out::add);
            }
        }
        return out;
    }

    /** The committed offset of every partition of {@code topic} for {@code group} (0 if none). */
    Map<Integer, Long> committed(String group, String topic, int partitions) throws Exception {
        Set<TopicPartition> tps = new HashSet<>();
        for (int i = 0; i < partitions; i++) {
            tps.add(new TopicPartition(topic, i));
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<Integer, Long> out = new TreeMap<>();
        for (TopicPartition tp : tps) {
            OffsetAndMetadata o = offsets.get(tp);
            out.put(tp.partition(), o == null ? 0L : o.offset());
        }
        return out;
    }

    /** {@link #committed}, with 0 for every partition when the broker cannot say yet. */
    Map<Integer, Long> committedQuietly(String group, String topic, int partitions) {
        try {
            return committed(group, topic, partitions);
        } catch (Exception e) {
            Map<Integer, Long> none = new TreeMap<>();
            for (int i = 0; i < partitions; i++) {
                none.put(i, 0L);
            }
            return none;
        }
    }

    /** Waits until {@code condition} holds, polling; fails after {@code timeout}. */
    static void until(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what.get());
            }
            LockSupport.parkNanos(10_000_000L);
        }
    }
}
