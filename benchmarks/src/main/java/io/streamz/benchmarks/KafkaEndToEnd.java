package io.streamz.benchmarks;

import io.streamz.kafka.Kafka;
import io.streamz.kafka.KafkaSerde;
import io.streamz.kafka.KafkaSinkOptions;
import io.streamz.kafka.KafkaSource;
import io.streamz.kafka.KafkaSourceOptions;
import io.streamz.kafka.ToKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Records per second from one Kafka topic to another through a real broker (a single KRaft node
 * started in-process, the same for both contenders): each invocation reads all {@value #RECORDS}
 * records of a three-partition topic as a new consumer group, upper-cases them and writes them
 * to a second topic, committing the offsets. An invocation lasts a second or more, so that the
 * fixed costs (joining the group, closing the clients: a few tens of milliseconds) weigh little,
 * and three forks of five 10-second iterations give error bars of a few percent.
 *
 * <pre>{@code
 * Kafka.fromKafkaBatched("in", consumer, KafkaSerde.string(), options)   // streamz
 *      .<String>flatten().map(String::toUpperCase)
 *      .as(Kafka.toKafka("out", producer, KafkaSerde.string()))
 * }</pre>
 *
 * <p>The loop: a {@code KafkaConsumer} poll loop that sends each upper-cased value with a
 * {@code KafkaProducer}, flushes and commits synchronously at the end. Both run with the same
 * client settings; the score is records per second (higher is better).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
public class KafkaEndToEnd {
    static final int RECORDS = 300_000;
    static final int PARTITIONS = 3;
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    /**
     * {@code toKafka}'s bound on records sent and not yet acknowledged (and passed downstream),
     * where the loop is bounded only by its producer's buffer ({@code buffer.memory}, 32 MB):
     * 100,000, enough for about 0.1 s of this pipeline's records; 10,000 (the table of
     * 2026-12-06 17:21, {@code -p maxInFlight=10000}) is less than the records sent during one
     * acknowledgement's round trip, so the poll thread waits for acknowledgements.
     */
    @Param({"100000"})
    public int maxInFlight = 100_000;

    /** The most records of a partition in one batch of {@code fromKafkaBatched} (one per 10 ms poll round). */
    @Param({"5000"})
    public int maxBatchSize = 5000;

    private KafkaClusterTestKit cluster;
    private String bootstrap;

    @Setup
    public void startBroker() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        bootstrap = cluster.bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic("in", PARTITIONS, (short) 1),
                    new NewTopic("out", PARTITIONS, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> p = new KafkaProducer<>(producerConfig())) {
            for (int i = 0; i < RECORDS; i++) {
                p.send(new ProducerRecord<>("in", "k" + i, "record number " + i));
            }
        }
    }

    @TearDown
    public void stopBroker() throws Exception {
        cluster.close();
    }

    Map<String, Object> consumerConfig() {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Closing a consumer waits for its last fetch, which the broker holds up to this long
        // when the topic is drained: keep it short so that neither contender measures that wait.
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return c;
    }

    Map<String, Object> producerConfig() {
        Map<String, Object> c = new HashMap<>();
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return c;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long streamz() throws Exception {
        KafkaSource<List<String>> batches = Kafka.fromKafkaBatched("in", consumerConfig(), KafkaSerde.string(),
                KafkaSourceOptions.defaults().withPollInterval("10ms").withMaxBatchSize(maxBatchSize));
        ToKafka<String> out = batches.<String>flatten().map(String::toUpperCase)
                .as(Kafka.toKafka("out", producerConfig(), KafkaSerde.string(),
                        KafkaSinkOptions.defaults().withMaxInFlight(maxInFlight)));
        CountDownLatch done = new CountDownLatch(RECORDS);
        out.sink(md -> done.countDown());
        batches.start();
        try {
            if (!done.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException(done.getCount() + " records not delivered");
            }
        } finally {
            batches.stop();
            out.destroy();
        }
        return done.getCount();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long loop() throws Exception {
        long sent = 0;
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig());
                KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
            consumer.subscribe(List.of("in"));
            List<ConsumerRecord<String, String>> batch = new ArrayList<>();
            while (sent < RECORDS) {
                if (System.nanoTime() - deadline > 0) {
                    throw new TimeoutException((RECORDS - sent) + " records not read");
                }
                batch.clear();
                consumer.poll(Duration.ofMillis(10)).forEach(batch::add);
                for (ConsumerRecord<String, String> r : batch) {
                    producer.send(new ProducerRecord<>("out", r.value().toUpperCase()));
                    sent++;
                }
            }
            producer.flush();
            consumer.commitSync();
        }
        return sent;
    }
}
