package io.streamz.kafka;

import static io.streamz.kafka.KafkaBroker.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.EventWindows;
import io.streamz.NodeException;
import io.streamz.WatermarkStrategy;
import io.streamz.Windowed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FromKafkaTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private static List<String> values(int n) {
        return IntStream.range(0, n).mapToObj(i -> "v" + i).collect(Collectors.toList());
    }

    @Test
    void fromKafkaEmitsTheValuesOfEveryPartition() throws Exception {
        kafka.createTopic("values", 3);
        kafka.produce("values", values(30));
        KafkaSource<String> source = Kafka.fromKafka(List.of("values"), kafka.consumerConfig("values-group"));
        List<String> out = source.sinkToList();

        source.start();
        until(() -> out.size() >= 30, TIMEOUT, () -> "30 values, got " + out);
        source.stop();

        assertThat(out).containsExactlyInAnyOrderElementsOf(values(30));
        assertThat(source.error()).isNull();
        assertThat(kafka.committed("values-group", "values", 3).values().stream().mapToLong(x -> x).sum())
                .isEqualTo(30);
    }

    @Test
    void fromKafkaRecordsCarryKeyPartitionOffsetTimestampAndHeaders() throws Exception {
        kafka.createTopic("records", 2);
        try (KafkaProducer<String, String> p = new KafkaProducer<>(kafka.producerConfig())) {
            for (int i = 0; i < 10; i++) {
                ProducerRecord<String, String> r = new ProducerRecord<>("records", "k" + (i % 3), "v" + i);
                r.headers().add("n", String.valueOf(i).getBytes(StandardCharsets.UTF_8));
                p.send(r);
            }
        }
        KafkaSource<ConsumerRecord<String, String>> source = Kafka.fromKafkaRecords(List.of("records"),
                kafka.consumerConfig("records-group"), KafkaSerde.string(), KafkaSerde.string(),
                KafkaSourceOptions.defaults().withPollInterval("20ms"));
        List<ConsumerRecord<String, String>> out = source.sinkToList();

        source.start();
        until(() -> out.size() >= 10, TIMEOUT, () -> "10 records, got " + out.size());
        source.stop();

        for (ConsumerRecord<String, String> r : out) {
            int i = Integer.parseInt(r.value().substring(1));
            assertThat(r.key()).isEqualTo("k" + (i % 3));
            assertThat(new String(r.headers().lastHeader("n").value(), StandardCharsets.UTF_8)).isEqualTo("" + i);
            assertThat(r.timestamp()).isPositive();
            assertThat(r.topic()).isEqualTo("records");
        }
        Map<String, Set<Integer>> partitionsByKey = new HashMap<>();
        Map<Integer, List<Long>> offsets = new HashMap<>();
        for (ConsumerRecord<String, String> r : out) {
            partitionsByKey.computeIfAbsent(r.key(), k -> new HashSet<>()).add(r.partition());
            offsets.computeIfAbsent(r.partition(), k -> new ArrayList<>()).add(r.offset());
        }
        assertThat(partitionsByKey.values()).allSatisfy(ps -> assertThat(ps).hasSize(1));
        assertThat(offsets.values()).allSatisfy(os -> assertThat(os).isSorted().doesNotHaveDuplicates());
    }

    @Test
    void recordTimestampsAreEventTimesAndOffsetsAreCommittedOnlyPastClosedWindows() throws Exception {
        kafka.createTopic("events", 1);
        KafkaSource<String> source = Kafka.fromKafka(List.of("events"), kafka.consumerConfig("events-group"),
                KafkaSerde.string(), KafkaSourceOptions.defaults().withPollInterval("20ms"));
        List<String> read = source.sinkToList();
        List<Windowed<Void, List<String>>> out = source
                .withTimestamps(WatermarkStrategy.monotonousTimestamps().withInterval("20ms"))
                .eventWindow(EventWindows.tumbling("10s"))
                .sinkToList();
        // recent timestamps, so that the broker's retention keeps the records
        long base = System.currentTimeMillis() / 10_000 * 10_000 - 60_000;
        source.start();

        produceAt("events", base + 1_000, "a");
        produceAt("events", base + 2_000, "b");
        until(() -> read.size() == 2, TIMEOUT, () -> "two records, got " + read);
        LockSupport.parkNanos(Duration.ofMillis(300).toNanos());   // several polls and watermarks
        assertThat(out).isEmpty();
        assertThat(kafka.committed("events-group", "events", 1)).containsEntry(0, 0L);   // held by the open window

        produceAt("events", base + 15_000, "c");                     // the watermark passes base + 10 s
        until(() -> out.size() == 1, TIMEOUT, () -> "the first window");
        until(() -> committed("events-group", "events") == 2, TIMEOUT, () -> "offset 2 committed");
        source.stop();

        assertThat(out).containsExactly(new Windowed<>(null, Instant.ofEpochMilli(base),
                Instant.ofEpochMilli(base + 10_000), List.of("a", "b"), Windowed.Timing.ON_TIME));
        assertThat(kafka.committed("events-group", "events", 1)).containsEntry(0, 2L);   // "c" is still held
    }

    private static void produceAt(String topic, long timestamp, String value) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(kafka.producerConfig())) {
            p.send(new ProducerRecord<>(topic, 0, timestamp, null, value)).get();
        }
    }

    private static long committed(String group, String topic) {
        return kafka.committedQuietly(group, topic, 1).values().stream().mapToLong(x -> x).sum();
    }

    @Test
    void withoutADeserializerValuesAreBytes() throws Exception {
        kafka.createTopic("bytes", 1);
        kafka.produce("bytes", List.of("a", "b"));
        Map<String, Object> config = kafka.consumerConfig("bytes-group");
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        KafkaSource<byte[]> source = Kafka.fromKafka(List.of("bytes"), config, "20ms");
        List<byte[]> out = source.sinkToList();

        source.start();
        until(() -> out.size() >= 2, TIMEOUT, () -> "2 values");
        source.stop();

        assertThat(out).containsExactly("a".getBytes(StandardCharsets.UTF_8), "b".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void twoPipelinesInOneGroupSplitThePartitions() throws Exception {
        kafka.createTopic("shared", 4);
        Map<String, Object> config = kafka.consumerConfig("shared-group");
        KafkaSource<ConsumerRecord<String, String>> a = Kafka.fromKafkaRecords(List.of("shared"), config, null, null,
                KafkaSourceOptions.defaults().withPollInterval("20ms"));
        KafkaSource<ConsumerRecord<String, String>> b = Kafka.fromKafkaRecords(List.of("shared"), config, null, null,
                KafkaSourceOptions.defaults().withPollInterval("20ms"));
        List<ConsumerRecord<String, String>> outA = a.sinkToList();
        List<ConsumerRecord<String, String>> outB = b.sinkToList();
        a.start();
        b.start();
        until(() -> assignedMembers("shared-group") == 2, TIMEOUT, () -> "both members assigned");

        kafka.produce("shared", values(200));
        until(() -> outA.size() + outB.size() >= 200, TIMEOUT, () -> "200 records, got " + (outA.size() + outB.size()));
        a.stop();
        b.stop();

        Set<Integer> partsA = outA.stream().map(ConsumerRecord::partition).collect(Collectors.toSet());
        Set<Integer> partsB = outB.stream().map(ConsumerRecord::partition).collect(Collectors.toSet());
        assertThat(partsA).isNotEmpty().doesNotContainAnyElementsOf(partsB);
        assertThat(partsB).isNotEmpty();
        List<String> all = new ArrayList<>();
        outA.forEach(r -> all.add(r.value()));
        outB.forEach(r -> all.add(r.value()));
        assertThat(all).containsExactlyInAnyOrderElementsOf(values(200));
    }

    private static int assignedMembers(String group) {
        try {
            ConsumerGroupDescription d = kafka.admin().describeConsumerGroups(List.of(group)).all().get().get(group);
            return (int) d.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
        } catch (Exception e) {
            return 0;
        }
    }

    @Test
    void aPendingEmitPausesPollingInsteadOfBuffering() throws Exception {
        kafka.createTopic("paced", 1);
        kafka.produce("paced", values(50));
        KafkaSource<String> source = Kafka.fromKafka(List.of("paced"), kafka.consumerConfig("paced-group"), "20ms");
        Gate<String> gate = new Gate<>(source);

        source.start();
        until(() -> gate.seen.size() == 1, TIMEOUT, () -> "the first value");
        LockSupport.parkNanos(Duration.ofMillis(300).toNanos());   // the poll loop goes on meanwhile
        assertThat(gate.seen).containsExactly("v0");
        assertThat(kafka.committed("paced-group", "paced", 1)).containsEntry(0, 0L);

        gate.open();
        until(() -> gate.seen.size() == 50, TIMEOUT, () -> "50 values, got " + gate.seen.size());
        source.stop();
        assertThat(gate.seen).containsExactlyElementsOf(values(50));
        assertThat(kafka.committed("paced-group", "paced", 1)).containsEntry(0, 50L);
    }

    @Test
    void recordsPolledAndNotYetEmittedAreTheSourcesQueue() throws Exception {
        kafka.createTopic("queued", 1);
        kafka.produce("queued", values(20));
        Map<String, Object> config = kafka.consumerConfig("queued-group");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5);
        KafkaSource<String> source = Kafka.fromKafka(List.of("queued"), config, "20ms");
        Gate<String> gate = new Gate<>(source);
        assertThat(source.stats().queued()).isZero();

        source.start();
        // the first record waits at the gate, the rest of its poll in the source
        until(() -> gate.seen.size() == 1 && source.stats().queued() > 0, TIMEOUT,
                () -> "a record at the gate and others queued, got " + source.stats());
        assertThat(source.stats().queued()).isBetween(1L, 4L);   // at most one poll of 5, one emitted

        gate.open();
        until(() -> gate.seen.size() == 20, TIMEOUT, () -> "20 values, got " + gate.seen.size());
        assertThat(source.stats().queued()).isZero();
        source.stop();
        assertThat(gate.seen).containsExactlyElementsOf(values(20));
    }

    @Test
    void aFailingNodeStopsTheSourceAndTheRecordIsReadAgainOnRestart() throws Exception {
        kafka.createTopic("poison", 1);
        kafka.produce("poison", values(10));
        Map<String, Object> config = kafka.consumerConfig("poison-group");
        KafkaSource<String> first = Kafka.fromKafka(List.of("poison"), config, "20ms");
        List<String> seen = new ArrayList<>();
        first.map(v -> {
            if (v.equals("v5")) {
                throw new IllegalStateException("cannot handle " + v);
            }
            return v;
        }).sink(seen::add);

        first.start();
        until(() -> first.error() != null, TIMEOUT, () -> "the failure");
        first.stop();

        assertThat(first.error()).isInstanceOf(NodeException.class)
                .hasMessageContaining("map").hasMessageContaining("v5")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(seen).containsExactly("v0", "v1", "v2", "v3", "v4");
        assertThat(kafka.committed("poison-group", "poison", 1)).containsEntry(0, 5L);

        KafkaSource<String> second = Kafka.fromKafka(List.of("poison"), config, "20ms");
        List<String> again = second.sinkToList();
        second.start();
        until(() -> again.size() >= 5, TIMEOUT, () -> "the rest");
        second.stop();
        assertThat(again).containsExactly("v5", "v6", "v7", "v8", "v9");
    }

    record Id(int id) {
    }

    @Test
    void aRecordThatDoesNotDeserializeStopsTheSource() throws Exception {
        kafka.createTopic("garbled", 1);
        kafka.produce("garbled", List.of("{\"id\":1}", "{oops"));
        KafkaSource<Id> source = Kafka.fromKafka(List.of("garbled"), kafka.consumerConfig("garbled-group"),
                KafkaSerde.json(Id.class), KafkaSourceOptions.defaults().withPollInterval("20ms"));
        List<Id> out = source.sinkToList();

        source.start();
        until(() -> source.error() != null, TIMEOUT, () -> "the failure");
        source.stop();

        assertThat(source.error()).isInstanceOf(RecordDeserializationException.class)
                .hasMessageContaining("garbled-0 at offset 1");
        assertThat(out).containsExactly(new Id(1));
        assertThat(kafka.committed("garbled-group", "garbled", 1)).containsEntry(0, 1L);
    }

    @Test
    void aRestartedSourceResumesFromTheCommittedOffsets() throws Exception {
        kafka.createTopic("resume", 1);
        kafka.produce("resume", values(10));
        Map<String, Object> config = kafka.consumerConfig("resume-group");
        KafkaSource<String> first = Kafka.fromKafka(List.of("resume"), config, "20ms");
        List<String> out1 = first.sinkToList();
        first.start();
        until(() -> out1.size() >= 10, TIMEOUT, () -> "10 values");
        first.stop();

        kafka.produce("resume", List.of("w0", "w1"));
        KafkaSource<String> second = Kafka.fromKafka(List.of("resume"), config, "20ms");
        List<String> out2 = second.sinkToList();
        second.start();
        until(() -> out2.size() >= 2, TIMEOUT, () -> "2 new values");
        second.stop();

        assertThat(out1).containsExactlyElementsOf(values(10));
        assertThat(out2).containsExactly("w0", "w1");
    }

    @Test
    void badArgumentsFailWhileBuilding() {
        Map<String, Object> noGroup = kafka.consumerConfig("x");
        noGroup.remove(ConsumerConfig.GROUP_ID_CONFIG);
        assertThatThrownBy(() -> Kafka.fromKafka(List.of("t"), noGroup))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fromKafka: consumerConfig needs \"group.id\"");
        assertThatThrownBy(() -> Kafka.fromKafka(List.of(), kafka.consumerConfig("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fromKafka: topics must name at least one topic, was []");
        assertThatThrownBy(() -> Kafka.fromKafka(null, kafka.consumerConfig("x")))
                .isInstanceOf(NullPointerException.class).hasMessage("fromKafka: topics is null");
        assertThatThrownBy(() -> Kafka.fromKafka(List.of("t"), kafka.consumerConfig("x"), "soon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"soon\"");
        assertThatThrownBy(() -> Kafka.fromKafka(List.of("t"), kafka.consumerConfig("x"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pollInterval must be > 0");
    }
}
