package io.streamz.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamz.kafka.Kafka;
import io.streamz.kafka.KafkaSerde;
import io.streamz.kafka.KafkaSource;
import io.streamz.kafka.KafkaSourceOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;

/**
 * streamz's {@code from_kafka_batched(..., dask=True)}: batches scattered to the engine, one task
 * per partition per poll, the offsets committed only once gather emitted the task's result (about
 * 10 s, most of it starting a broker).
 */
class KafkaBatchesTest {
    static final CountDownLatch GATE = new CountDownLatch(1);
    static final Map<Integer, Boolean> STARTED = new ConcurrentHashMap<>();

    /** A batch's task: waits for the gate, then counts the batch. */
    static int count(List<String> batch) throws InterruptedException {
        STARTED.put(batch.hashCode(), true);
        assertThat(GATE.await(5, TimeUnit.MINUTES)).isTrue();   // generous: the broker may start slowly under load
        return batch.size();
    }

    static int countUnchecked(List<String> batch) {
        try {
            return count(batch);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void oneTaskPerPartitionPerPollAndOffsetsCommittedAfterGather() throws Exception {
        try (KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
                LocalEngine engine = LocalEngine.threads(4)) {
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            String bootstrap = kafka.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
                    KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                            new StringSerializer(), new StringSerializer())) {
                admin.createTopics(List.of(new NewTopic("events", 2, (short) 1))).all().get();
                for (int i = 0; i < 40; i++) {
                    producer.send(new ProducerRecord<>("events", i % 2, "k" + i, "v" + i));
                }
                producer.flush();

                KafkaSource<List<String>> batches = Kafka.fromKafkaBatched("events",
                        Map.of("bootstrap.servers", bootstrap, "group.id", "scatter", "auto.offset.reset", "earliest"),
                        KafkaSerde.string(), KafkaSourceOptions.defaults().withPollInterval("100ms"));
                List<Integer> sizes = Distributed.scatter(batches, engine).map(KafkaBatchesTest::countUnchecked)
                        .buffer(4).gather().sinkToList();
                batches.start();
                try {
                    await().atMost(Duration.ofSeconds(60)).until(() -> STARTED.size() >= 2);
                    assertThat(committed(admin)).isEqualTo(Map.of(0, 0L, 1, 0L));   // tasks still running

                    GATE.countDown();
                    // at least once: a rebalance while the tasks wait (a slow first join under load) makes the
                    // new assignment read the uncommitted batches again, so more than 40 may be counted
                    await().atMost(Duration.ofSeconds(60)).until(() -> sizes.stream().mapToInt(x -> x).sum() >= 40);
                    await().atMost(Duration.ofSeconds(60)).until(() -> committed(admin).equals(Map.of(0, 20L, 1, 20L)));
                } finally {
                    batches.stop();
                }
                assertThat(sizes).hasSizeGreaterThanOrEqualTo(2);   // one result per partition per poll
            }
        }
    }

    private static Map<Integer, Long> committed(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("scatter")
                .partitionsToOffsetAndMetadata().get();
        Map<Integer, Long> out = new java.util.TreeMap<>();
        for (int p = 0; p < 2; p++) {
            OffsetAndMetadata o = offsets.get(new TopicPartition("events", p));
            out.put(p, o == null ? 0L : o.offset());
        }
        return out;
    }
}
