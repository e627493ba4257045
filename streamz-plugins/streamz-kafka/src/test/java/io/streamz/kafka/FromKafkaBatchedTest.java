package io.streamz.kafka;

import static io.streamz.kafka.KafkaBroker.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FromKafkaBatchedTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final KafkaSourceOptions FAST = KafkaSourceOptions.defaults().withPollInterval("100ms");

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private static List<String> values(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).collect(Collectors.toList());
    }

    private static int total(List<? extends List<?>> batches) {
        return batches.stream().mapToInt(List::size).sum();
    }

    @Test
    void emitsOneListPerPartitionWithRecordsInOffsetOrder() throws Exception {
        kafka.createTopic("batches", 3);
        kafka.produce("batches", values("v", 60));
        KafkaSource<List<ConsumerRecord<String, String>>> source = Kafka.fromKafkaBatchedRecords("batches",
                kafka.consumerConfig("batches-group"), null, null, FAST);
        List<List<ConsumerRecord<String, String>>> out = source.sinkToList();

        source.start();
        until(() -> total(out) >= 60, TIMEOUT, () -> "60 records, got " + total(out));
        source.stop();

        assertThat(out).allSatisfy(batch -> {
            assertThat(batch.stream().map(ConsumerRecord::partition).distinct()).hasSize(1);
            List<Long> offsets = batch.stream().map(ConsumerRecord::offset).collect(Collectors.toList());
            assertThat(offsets).isSorted();
            assertThat(offsets.get(offsets.size() - 1) - offsets.get(0)).isEqualTo(offsets.size() - 1);
        });
        assertThat(out.stream().flatMap(List::stream).map(ConsumerRecord::value))
                .containsExactlyInAnyOrderElementsOf(values("v", 60));
        assertThat(out.stream().flatMap(List::stream).map(ConsumerRecord::key)).allMatch(k -> k.startsWith("k"));
    }

    @Test
    void maxBatchSizeBoundsEveryBatch() throws Exception {
        kafka.createTopic("bounded", 1);
        kafka.produce("bounded", values("v", 25));
        KafkaSource<List<String>> source = Kafka.fromKafkaBatched("bounded", kafka.consumerConfig("bounded-group"),
                KafkaSerde.string(), FAST.withMaxBatchSize(10));
        List<List<String>> out = source.sinkToList();

        source.start();
        until(() -> total(out) >= 25, TIMEOUT, () -> "25 values");
        source.stop();

        assertThat(out).hasSizeGreaterThanOrEqualTo(3).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(10));
        assertThat(out.stream().flatMap(List::stream)).containsExactlyElementsOf(values("v", 25));
    }

    @Test
    void recordsPolledAndNotYetInABatchAreTheSourcesQueue() throws Exception {
        kafka.createTopic("queued", 1);
        kafka.produce("queued", values("v", 30));
        Map<String, Object> config = kafka.consumerConfig("queued-group");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5);
        KafkaSource<List<String>> source = Kafka.fromKafkaBatched("queued", config, KafkaSerde.string(),
                FAST.withMaxBatchSize(3));
        Gate<List<String>> gate = new Gate<>(source);

        source.start();
        until(() -> gate.seen.size() == 1 && source.stats().queued() > 0, TIMEOUT,
                () -> "a batch at the gate and records queued, got " + source.stats());
        // one partition: maxBatchSize - 1 left from a poll, plus one poll of 5
        assertThat(source.stats().queued()).isBetween(1L, 3 - 1 + 5L);

        gate.open();
        until(() -> total(gate.seen) == 30, TIMEOUT, () -> "30 values, got " + total(gate.seen));
        assertThat(source.stats().queued()).isZero();
        source.stop();
        assertThat(gate.seen.stream().flatMap(List::stream)).containsExactlyElementsOf(values("v", 30));
    }

    @Test
    void anOffsetIsCommittedOnlyWhenEveryBatchUpToItIsReleased() throws Exception {
        kafka.createTopic("checkpoint", 1);
        Map<String, Object> config = kafka.consumerConfig("checkpoint-group");
        KafkaSource<List<String>> source = Kafka.fromKafkaBatched("checkpoint", config, KafkaSerde.string(), FAST);
        Hold<List<String>> hold = new Hold<>(source);
        List<List<String>> out = hold.sinkToList();
        source.start();

        kafka.produce("checkpoint", values("a", 5));
        until(() -> hold.size() == 1, TIMEOUT, () -> "the first batch");
        kafka.produce("checkpoint", values("b", 5));
        until(() -> hold.size() == 2, TIMEOUT, () -> "the second batch");
        assertThat(hold.get(0)).containsExactlyElementsOf(values("a", 5));
        assertThat(hold.get(1)).containsExactlyElementsOf(values("b", 5));

        hold.release(1);
        LockSupport.parkNanos(Duration.ofMillis(300).toNanos());   // several poll rounds
        assertThat(kafka.committed("checkpoint-group", "checkpoint", 1)).containsEntry(0, 0L);

        hold.release(0);
        until(() -> committed("checkpoint-group", "checkpoint") == 10, TIMEOUT, () -> "offset 10 committed");
        source.stop();
        assertThat(out).containsExactly(values("b", 5), values("a", 5));
    }

    @Test
    void dataStillHeldAtStopIsReadAgainOnRestart() throws Exception {
        kafka.createTopic("held", 1);
        Map<String, Object> config = kafka.consumerConfig("held-group");
        kafka.produce("held", values("v", 8));
        KafkaSource<List<String>> first = Kafka.fromKafkaBatched("held", config, KafkaSerde.string(), FAST);
        Hold<List<String>> hold = new Hold<>(first);
        first.start();
        until(() -> hold.size() == 1, TIMEOUT, () -> "a batch");
        first.stop();
        assertThat(kafka.committed("held-group", "held", 1)).containsEntry(0, 0L);

        KafkaSource<List<String>> second = Kafka.fromKafkaBatched("held", config, KafkaSerde.string(), FAST);
        List<List<String>> again = second.sinkToList();
        second.start();
        until(() -> total(again) >= 8, TIMEOUT, () -> "8 values again");
        second.stop();

        assertThat(again.stream().flatMap(List::stream)).containsExactlyElementsOf(values("v", 8));
        assertThat(kafka.committed("held-group", "held", 1)).containsEntry(0, 8L);
        hold.releaseAll();   // the first source is stopped: it commits nothing any more
        assertThat(kafka.committed("held-group", "held", 1)).containsEntry(0, 8L);
    }

    @Test
    void aFlattenedBatchIsCommittedOnlyOnceEveryItemIsDone() throws Exception {
        kafka.createTopic("flattened", 1);
        Map<String, Object> config = kafka.consumerConfig("flattened-group");
        kafka.produce("flattened", values("v", 5));
        KafkaSource<List<String>> first = Kafka.fromKafkaBatched("flattened", config, KafkaSerde.string(), FAST);
        Hold<String> hold = new Hold<>(first.flatten());
        first.start();
        until(() -> hold.size() == 5, TIMEOUT, () -> "the five items of the batch");
        for (int i = 1; i < 5; i++) {
            hold.release(i);      // every item but the first is done, the last one included
        }
        first.stop();             // commits everything that is done
        assertThat(kafka.committed("flattened-group", "flattened", 1)).containsEntry(0, 0L);

        KafkaSource<List<String>> second = Kafka.fromKafkaBatched("flattened", config, KafkaSerde.string(), FAST);
        Hold<String> again = new Hold<>(second.flatten());
        second.start();
        until(() -> again.size() == 5, TIMEOUT, () -> "the batch read again");
        again.releaseAll();
        until(() -> committed("flattened-group", "flattened") == 5, TIMEOUT, () -> "offset 5 committed");
        second.stop();
        assertThat(again.size()).isEqualTo(5);
        hold.release(0);
    }

    /**
     * While running, finished offsets are committed at most once per commit interval: with an
     * hour, only the first step's (empty) commit happens before {@code stop()}, which commits
     * everything finished; with zero, every step commits.
     */
    @Test
    void offsetsAreCommittedAtMostOncePerCommitInterval() throws Exception {
        kafka.createTopic("paced-commits", 1);
        Map<String, Object> config = kafka.consumerConfig("paced-commits-group");
        kafka.produce("paced-commits", values("v", 5));
        KafkaSource<List<String>> hourly = Kafka.fromKafkaBatched("paced-commits", config, KafkaSerde.string(),
                FAST.withCommitInterval("1h"));
        List<List<String>> out = hourly.sinkToList();
        hourly.start();
        until(() -> total(out) == 5, TIMEOUT, () -> "the five records");
        LockSupport.parkNanos(Duration.ofMillis(500).toNanos());   // several poll rounds, all records finished
        assertThat(kafka.committed("paced-commits-group", "paced-commits", 1)).containsEntry(0, 0L);   // none yet
        hourly.stop();
        assertThat(kafka.committed("paced-commits-group", "paced-commits", 1)).containsEntry(0, 5L);

        kafka.produce("paced-commits", values("w", 5));
        KafkaSource<List<String>> everyStep = Kafka.fromKafkaBatched("paced-commits", config, KafkaSerde.string(),
                FAST.withCommitInterval(Duration.ZERO));
        List<List<String>> more = everyStep.sinkToList();
        everyStep.start();
        until(() -> total(more) == 5, TIMEOUT, () -> "the five new records");
        until(() -> committed("paced-commits-group", "paced-commits") == 10, TIMEOUT, () -> "offset 10 committed while running");
        everyStep.stop();
    }

    @Test
    void aRebalanceNeverCommitsDataStillHeldByThePreviousOwner() throws Exception {
        kafka.createTopic("rebalance", 2);
        Map<String, Object> config = kafka.consumerConfig("rebalance-group");
        kafka.produce("rebalance", values("v", 40));
        KafkaSource<List<ConsumerRecord<String, String>>> first = Kafka.fromKafkaBatchedRecords("rebalance", config,
                null, null, FAST);
        Hold<List<ConsumerRecord<String, String>>> hold = new Hold<>(first);
        first.start();
        until(() -> heldRecords(hold) >= 40, TIMEOUT, () -> "both partitions held");
        long[] ends = {heldEnd(hold, 0) + 1, heldEnd(hold, 1) + 1};

        KafkaSource<List<ConsumerRecord<String, String>>> second = Kafka.fromKafkaBatchedRecords("rebalance", config,
                null, null, FAST);
        List<List<ConsumerRecord<String, String>>> secondOut = second.sinkToList();
        second.start();
        until(() -> !secondOut.isEmpty(), TIMEOUT, () -> "the second source to get a partition");
        int secondPartition = secondOut.get(0).get(0).partition();
        int firstPartition = 1 - secondPartition;
        until(() -> kafka.committedQuietly("rebalance-group", "rebalance", 2).get(secondPartition)
                == ends[secondPartition], TIMEOUT, () -> "the second source to commit its partition");

        // the first source lost secondPartition while holding its data: only the new owner committed it,
        // and the first source's own partition, read again and held, is not committed either
        assertThat(kafka.committed("rebalance-group", "rebalance", 2).get(firstPartition)).isZero();
        assertThat(secondOut.stream().flatMap(List::stream).map(ConsumerRecord::partition).distinct())
                .containsExactly(secondPartition);

        until(() -> {
            hold.releaseAll();   // the old batches of both partitions, and firstPartition's read again
            return kafka.committedQuietly("rebalance-group", "rebalance", 2).get(firstPartition) == ends[firstPartition];
        }, TIMEOUT, () -> "the first source to commit its partition");
        first.stop();
        second.stop();
        assertThat(kafka.committed("rebalance-group", "rebalance", 2).get(secondPartition))
                .isEqualTo(ends[secondPartition]);
    }

    private static long endOffset(List<List<ConsumerRecord<String, String>>> batches, int partition) {
        return batches.stream().flatMap(List::stream).filter(r -> r.partition() == partition)
                .mapToLong(ConsumerRecord::offset).max().orElse(-1);
    }

    private static long heldEnd(Hold<List<ConsumerRecord<String, String>>> hold, int partition) {
        List<List<ConsumerRecord<String, String>>> all = new ArrayList<>();
        for (int i = 0; i < hold.size(); i++) {
            all.add(hold.get(i));
        }
        return endOffset(all, partition);
    }

    private static int heldRecords(Hold<List<ConsumerRecord<String, String>>> hold) {
        int n = 0;
        for (int i = 0; i < hold.size(); i++) {
            n += hold.get(i).size();
        }
        return n;
    }

    private static long committed(String group, String topic) {
        return kafka.committedQuietly(group, topic, 2).values().stream().mapToLong(x -> x).sum();
    }

    @Test
    void withRefreshPartitionsAddedPartitionsArePickedUp() throws Exception {
        kafka.createTopic("growing", 1);
        KafkaSource<List<ConsumerRecord<String, String>>> source = Kafka.fromKafkaBatchedRecords("growing",
                kafka.consumerConfig("growing-group"), null, null, FAST.withRefreshPartitions(true));
        List<List<ConsumerRecord<String, String>>> out = source.sinkToList();
        source.start();
        kafka.produce("growing", values("a", 3));
        until(() -> total(out) >= 3, TIMEOUT, () -> "the first records");

        kafka.admin().createPartitions(Map.of("growing", NewPartitions.increaseTo(3))).all().get();
        kafka.produce("growing", values("b", 30));
        until(() -> total(out) >= 33, TIMEOUT, () -> "records of the new partitions, got " + total(out));
        source.stop();

        assertThat(out.stream().flatMap(List::stream).map(ConsumerRecord::partition).distinct().sorted())
                .containsExactly(0, 1, 2);
    }

    @Test
    void badArgumentsFailWhileBuilding() {
        assertThatThrownBy(() -> Kafka.fromKafkaBatched(null, kafka.consumerConfig("x")))
                .isInstanceOf(NullPointerException.class).hasMessage("fromKafkaBatched: topic is null");
        assertThat(FAST).hasToString("KafkaSourceOptions(pollInterval=100ms, maxBatchSize=10000, "
                + "refreshPartitions=false, commitInterval=100ms)");
        assertThat(KafkaSourceOptions.defaults().withCommitInterval("0s")).hasToString(
                "KafkaSourceOptions(pollInterval=default, maxBatchSize=10000, refreshPartitions=false, commitInterval=0s)");
        assertThatThrownBy(() -> KafkaSourceOptions.defaults().withCommitInterval("-1s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KafkaSourceOptions: commitInterval: Invalid interval \"-1s\": must be positive");
        assertThatThrownBy(() -> KafkaSourceOptions.defaults().withCommitInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KafkaSourceOptions: commitInterval must be >= 0, was -1s");
        assertThatThrownBy(() -> KafkaSourceOptions.defaults().withCommitInterval((Duration) null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("KafkaSourceOptions: commitInterval is null");
        assertThatThrownBy(() -> KafkaSourceOptions.defaults().withMaxBatchSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KafkaSourceOptions: maxBatchSize must be >= 1, was 0");
        assertThatThrownBy(() -> Kafka.fromKafkaBatched("t", Map.of("group.id", "g")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fromKafkaBatched: consumerConfig needs \"bootstrap.servers\"");
    }
}
