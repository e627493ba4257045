package io.streamz.kafka;

import static io.streamz.kafka.KafkaBroker.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.ErrorPolicy;
import io.streamz.NodeException;
import io.streamz.RefCounter;
import io.streamz.Stream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.scheduler.VirtualTimeScheduler;

class ToKafkaTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    /** A record type for the JSON round trip. */
    record Order(String id, double amount, List<String> tags) {
    }

    @Test
    void toKafkaSendsEveryElementAndEmitsItsRecordMetadata() throws Exception {
        kafka.createTopic("sent", 1);
        Stream<Integer> source = Stream.create();
        ToKafka<String> out = source.map(i -> "v" + i).as(Kafka.toKafka("sent", kafka.producerConfig(), KafkaSerde.string()));
        List<RecordMetadata> acks = out.sinkToList();

        for (int i = 0; i < 20; i++) {
            source.emit(i);
        }
        out.flush();

        assertThat(acks).hasSize(20).allSatisfy(md -> assertThat(md.topic()).isEqualTo("sent"));
        assertThat(acks.stream().map(RecordMetadata::offset)).containsExactlyElementsOf(
                IntStream.range(0, 20).mapToObj(i -> (long) i).collect(Collectors.toList()));
        assertThat(kafka.consume("sent", 20, TIMEOUT).stream().map(ConsumerRecord::value))
                .containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> "v" + i).collect(Collectors.toList()));
        out.destroy();
        assertThat(out.toString()).isEqualTo("toKafka(topic=sent)");
    }

    @Test
    void keyedRecordsKeepTheirKeyAndLandInOnePartitionPerKey() throws Exception {
        kafka.createTopic("keyed", 4);
        Stream<Integer> source = Stream.create();
        ToKafka<Integer> out = source.as(Kafka.toKafkaKeyed("keyed", kafka.producerConfig(), i -> "user" + (i % 5),
                KafkaSerde.string(), (topic, i) -> KafkaSerde.string().serialize(topic, "n" + i),
                KafkaSinkOptions.defaults()));
        for (int i = 0; i < 50; i++) {
            source.emit(i);
        }
        out.destroy();

        List<ConsumerRecord<String, String>> records = kafka.consume("keyed", 50, TIMEOUT);
        assertThat(records).hasSize(50).allSatisfy(r ->
                assertThat(r.key()).isEqualTo("user" + (Integer.parseInt(r.value().substring(1)) % 5)));
        Map<String, Set<Integer>> partitions = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(ConsumerRecord::partition, Collectors.toSet())));
        assertThat(partitions).hasSize(5).allSatisfy((k, ps) -> assertThat(ps).hasSize(1));
    }

    @Test
    void jsonRoundTripsThroughTheBroker() throws Exception {
        kafka.createTopic("orders", 1);
        KafkaSerde<Order> json = KafkaSerde.json(Order.class);
        Stream<Order> source = Stream.create();
        ToKafka<Order> out = source.as(Kafka.toKafka("orders", kafka.producerConfig(), json));
        KafkaSource<Order> in = Kafka.fromKafka(List.of("orders"), kafka.consumerConfig("orders-group"), json,
                KafkaSourceOptions.defaults().withPollInterval("20ms"));
        List<Order> received = in.sinkToList();
        in.start();

        source.emit(new Order("a", 1.5, List.of("x")));
        source.emit(new Order("b", -2, List.of()));
        out.destroy();
        until(() -> received.size() >= 2, TIMEOUT, () -> "2 orders");
        in.stop();

        assertThat(received).containsExactly(new Order("a", 1.5, List.of("x")), new Order("b", -2, List.of()));
    }

    @Test
    void withoutASerializerElementsAreWrittenByType() throws Exception {
        kafka.createTopic("auto", 1);
        Map<String, Object> config = kafka.producerConfig();
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        Stream<Object> source = Stream.create();
        ToKafka<Object> out = source.as(Kafka.toKafka("auto", config));
        source.emit("text");
        source.emit(new byte[] {'b', 'y'});
        source.emit(Map.of("n", 1));
        out.destroy();

        assertThat(kafka.consume("auto", 3, TIMEOUT).stream().map(ConsumerRecord::value))
                .containsExactly("text", "by", "{\"n\":1}");
    }

    @Test
    void refsAreHeldUntilTheBrokerAcknowledgedAndTravelWithTheMetadata() throws Exception {
        kafka.createTopic("refs", 1);
        Stream<String> source = Stream.create();
        Map<String, Object> slow = kafka.producerConfig();
        slow.put(ProducerConfig.LINGER_MS_CONFIG, 300);
        ToKafka<String> out = source.as(Kafka.toKafka("refs", slow, KafkaSerde.string()));
        Hold<RecordMetadata> hold = new Hold<>(out);
        AtomicInteger zero = new AtomicInteger();
        RefCounter ref = new RefCounter(zero::incrementAndGet);

        source.emit("x", List.of(Map.of("ref", ref)));
        assertThat(ref.count()).isEqualTo(1);              // lingering in the producer
        until(() -> hold.size() == 1, TIMEOUT, () -> "the acknowledgement");
        // the callback thread passes the element on, then drops the sink's own hold: only
        // the downstream hold remains once it is done (the count must come back to 1, not 0)
        until(() -> ref.count() == 1, TIMEOUT, () -> "the sink's release, count " + ref.count());
        assertThat(zero.get()).isZero();                    // now held downstream only
        hold.release(0);
        until(() -> zero.get() == 1, TIMEOUT, () -> "the release");
        assertThat(ref.count()).isZero();
        out.destroy();
    }

    @Test
    void emitWaitsWhileMaxInFlightRecordsAreUnfinished() throws Exception {
        kafka.createTopic("inflight", 1);
        Stream<String> source = Stream.create();
        ToKafka<String> out = source.as(Kafka.toKafka("inflight", kafka.producerConfig(), KafkaSerde.string(),
                KafkaSinkOptions.defaults().withMaxInFlight(2)));
        Gate<RecordMetadata> gate = new Gate<>(out);

        CompletableFuture<Void> first = source.emitAsync("a");
        assertThat(first).isCompletedWithValue(null);       // one of two slots taken
        CompletableFuture<Void> second = source.emitAsync("b");
        until(() -> gate.seen.size() == 2, TIMEOUT, () -> "both acknowledged");
        assertThat(second).isNotDone();                     // both slots busy until downstream finishes

        gate.open();
        second.get(30, TimeUnit.SECONDS);
        out.destroy();
    }

    @Test
    void aDeliveryFailureReachesTheNextFlush() throws Exception {
        kafka.admin().createTopics(List.of(new NewTopic("small", 1, (short) 1)
                .configs(Map.of("max.message.bytes", "200")))).all().get();
        Stream<String> source = Stream.create();
        ToKafka<String> out = source.as(Kafka.toKafka("small", kafka.producerConfig(), KafkaSerde.string()));
        String big = "x".repeat(1000);

        source.emit(big);

        assertThatThrownBy(out::flush).isInstanceOf(NodeException.class)
                .hasMessageContaining("toKafka(topic=small)").hasMessageContaining("xxxx")
                .hasCauseInstanceOf(RecordTooLargeException.class);
        source.emit("fine");     // the graph stays usable
        out.destroy();
        assertThat(kafka.consume("small", 1, TIMEOUT).get(0).value()).isEqualTo("fine");
    }

    @Test
    void aDeliveryFailureFailsAWaitingEmit() throws Exception {
        kafka.admin().createTopics(List.of(new NewTopic("tiny", 1, (short) 1)
                .configs(Map.of("max.message.bytes", "200")))).all().get();
        Stream<String> source = Stream.create();
        ToKafka<String> out = source.as(Kafka.toKafka("tiny", kafka.producerConfig(), KafkaSerde.string(),
                KafkaSinkOptions.defaults().withMaxInFlight(1)));
        RefCounter ref = new RefCounter();

        assertThatThrownBy(() -> source.emit("y".repeat(1000), List.of(Map.of("ref", ref))))
                .isInstanceOf(NodeException.class).hasMessageContaining("toKafka(topic=tiny)")
                .hasCauseInstanceOf(RecordTooLargeException.class);
        assertThat(ref.count()).isEqualTo(1);    // never released: a source upstream will not commit it
        out.destroy();
    }

    // ------------------------------------------------------------------ error policies

    /** A topic that refuses records over 200 bytes, until {@link #allowLargeRecords} raises the limit. */
    private static void createSmallTopic(String topic) throws Exception {
        kafka.admin().createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                .configs(Map.of("max.message.bytes", "200")))).all().get();
    }

    private static void allowLargeRecords(String topic) throws Exception {
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        kafka.admin().incrementalAlterConfigs(Map.of(r, List.of(new AlterConfigOp(
                new ConfigEntry("max.message.bytes", "100000"), AlterConfigOp.OpType.SET)))).all().get();
    }

    @Test
    void retrySendsARefusedRecordAgainAfterTheBackoffHoldingItsRefs() throws Exception {
        VirtualTimeScheduler clock = VirtualTimeScheduler.getOrSet();
        try {
            createSmallTopic("retried");
            Stream<String> source = Stream.create();
            ToKafka<String> out = source.as(Kafka.toKafka("retried", kafka.producerConfig(), KafkaSerde.string()));
            out.onError(ErrorPolicy.retry(20, "1s"));
            List<RecordMetadata> acks = out.sinkToList();
            RefCounter ref = new RefCounter();
            String big = "r".repeat(1000);

            source.emit(big, List.of(Map.of("ref", ref)));
            until(() -> out.stats().retried() == 1, TIMEOUT, () -> "the first refusal");
            assertThat(ref.count()).isEqualTo(1);          // held while waiting to be sent again
            assertThat(acks).isEmpty();

            allowLargeRecords("retried");
            // each step lets the next backoff pass; the broker takes the new limit within a few
            until(() -> {
                clock.advanceTimeBy(Duration.ofMinutes(5));
                return acks.size() == 1;
            }, TIMEOUT, () -> "the record sent again, " + out.stats());
            until(() -> ref.count() == 0, TIMEOUT, () -> "the release");
            out.flush();

            assertThat(out.stats().retried()).isBetween(1L, 19L);
            assertThat(out.stats().failed()).isZero();
            assertThat(kafka.consume("retried", 1, TIMEOUT).get(0).value()).isEqualTo(big);
            out.destroy();
        } finally {
            VirtualTimeScheduler.reset();
        }
    }

    @Test
    void afterTheLastAttemptARecordIsRoutedAndItsRefsWaitForTheDeadLetterAcknowledgement() throws Exception {
        VirtualTimeScheduler clock = VirtualTimeScheduler.getOrSet();
        try {
            createSmallTopic("refusing");
            kafka.createTopic("refusing-dead", 1);
            Stream<String> source = Stream.create();
            ToKafka<String> out = source.as(Kafka.toKafka("refusing", kafka.producerConfig(), KafkaSerde.string()));
            out.onError(ErrorPolicy.retry(2, "1s").orElse(ErrorPolicy.route()));
            ToKafka<String> dead = out.errors().map(f -> f.attempts() + " attempts: " + f.error().getClass().getSimpleName())
                    .as(Kafka.toKafka("refusing-dead", kafka.producerConfig(), KafkaSerde.string()));
            Hold<RecordMetadata> afterDead = new Hold<>(dead);
            RefCounter ref = new RefCounter();

            source.emit("x".repeat(1000), List.of(Map.of("ref", ref)));
            until(() -> out.stats().retried() == 1, TIMEOUT, () -> "the first refusal");
            clock.advanceTimeBy(Duration.ofSeconds(1));
            until(() -> afterDead.size() == 1, TIMEOUT, () -> "the dead letter acknowledged");
            assertThat(ref.count()).isEqualTo(1);           // its dead letter is not done yet

            afterDead.release(0);
            until(() -> ref.count() == 0, TIMEOUT, () -> "the release");
            assertThat(out.stats().routed()).isEqualTo(1);
            assertThat(kafka.consume("refusing-dead", 1, TIMEOUT).get(0).value())
                    .isEqualTo("2 attempts: RecordTooLargeException");
            out.flush();                                    // nothing to report: the failure was handled
            dead.destroy();
            out.destroy();
        } finally {
            VirtualTimeScheduler.reset();
        }
    }

    @Test
    void aFailedRecordsOffsetIsCommittedOnlyAfterItsDeadLetterIsAcknowledged() throws Exception {
        kafka.createTopic("dl-in", 1);
        kafka.createTopic("dl-out", 1);
        kafka.createTopic("dl-dead", 1);
        kafka.produce("dl-in", List.of("1", "bad", "3"));
        Map<String, Object> lingering = kafka.producerConfig();
        lingering.put(ProducerConfig.LINGER_MS_CONFIG, 600_000);   // sent on flush only
        lingering.put(ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20);

        // the first run's dead letter waits in its producer, unacknowledged, when the source stops
        KafkaSource<String> first = deadLetterPipeline(lingering);
        first.start();
        until(() -> outAcks.size() == 2, TIMEOUT, () -> "\"1\" and \"3\" written");
        until(() -> kafka.committedQuietly("dl-group", "dl-in", 1).get(0) == 1L, TIMEOUT, () -> "\"1\" committed");
        first.stop();
        assertThat(kafka.committed("dl-group", "dl-in", 1)).containsEntry(0, 1L);   // "bad" is not committed
        deadSink.flush();                                  // acknowledged now, but its run is over
        deadSink.destroy();
        outSink.destroy();

        // the next run reads "bad" (and "3", after it) again; its dead letter is acknowledged at once
        KafkaSource<String> second = deadLetterPipeline(kafka.producerConfig());
        second.start();
        until(() -> kafka.committedQuietly("dl-group", "dl-in", 1).get(0) == 3L, TIMEOUT, () -> "all committed");
        assertThat(deadAcks).hasSize(1);
        second.stop();
        assertThat(kafka.committed("dl-group", "dl-in", 1)).containsEntry(0, 3L);
        deadSink.destroy();
        outSink.destroy();

        assertThat(kafka.consume("dl-out", 3, TIMEOUT).stream().map(ConsumerRecord::value))
                .containsExactly("1", "3", "3");
        assertThat(kafka.consume("dl-dead", 2, TIMEOUT).stream().map(ConsumerRecord::value))
                .containsExactly("bad: NumberFormatException", "bad: NumberFormatException");
    }

    private ToKafka<String> outSink;
    private ToKafka<String> deadSink;
    private List<RecordMetadata> outAcks;
    private List<RecordMetadata> deadAcks;

    /** {@code dl-in -> map(parse, route) -> dl-out}, its failures {@code -> dl-dead} with {@code deadConfig}. */
    private KafkaSource<String> deadLetterPipeline(Map<String, Object> deadConfig) {
        KafkaSource<String> in = Kafka.fromKafka(List.of("dl-in"), kafka.consumerConfig("dl-group"), "20ms");
        Stream<String> parsed = in.map(v -> Integer.toString(Integer.parseInt(v))).onError(ErrorPolicy.route());
        outSink = parsed.as(Kafka.toKafka("dl-out", kafka.producerConfig(), KafkaSerde.string()));
        outAcks = outSink.sinkToList();
        deadSink = parsed.errors().map(f -> f.element() + ": " + f.error().getClass().getSimpleName())
                .as(Kafka.toKafka("dl-dead", deadConfig, KafkaSerde.string()));
        deadAcks = deadSink.sinkToList();
        return in;
    }

    @Test
    void destroyFlushesWhatTheProducerStillHolds() throws Exception {
        kafka.createTopic("lingering", 1);
        Map<String, Object> config = kafka.producerConfig();
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5000);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20);
        Stream<String> source = Stream.create();
        ToKafka<String> out = source.as(Kafka.toKafka("lingering", config, KafkaSerde.string()));
        List<RecordMetadata> acks = out.sinkToList();
        for (int i = 0; i < 30; i++) {
            source.emit("v" + i);
        }
        assertThat(acks).isEmpty();

        out.destroy();

        assertThat(acks).hasSize(30);
        assertThat(kafka.consume("lingering", 30, TIMEOUT)).hasSize(30);
    }

    @Test
    void aFailingKeyFunctionNamesTheNodeAndTheElement() {
        Stream<String> source = Stream.create();
        ToKafka<String> out = source.as(Kafka.toKafkaKeyed("any", kafka.producerConfig(), s -> {
            throw new IllegalStateException("no key");
        }, null, null, KafkaSinkOptions.defaults()));
        assertThatThrownBy(() -> source.emit("e1")).isInstanceOf(NodeException.class)
                .hasMessageContaining("toKafka(topic=any)").hasMessageContaining("e1")
                .hasCauseInstanceOf(IllegalStateException.class);
        out.destroy();
    }

    @Test
    void badArgumentsFailWhileBuilding() {
        Map<String, Object> none = new HashMap<>();
        assertThatThrownBy(() -> Kafka.toKafka("t", none))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("toKafka: producerConfig needs \"bootstrap.servers\"");
        assertThatThrownBy(() -> Kafka.toKafka(null, kafka.producerConfig()))
                .isInstanceOf(NullPointerException.class).hasMessage("toKafka: topic is null");
        assertThatThrownBy(() -> KafkaSinkOptions.defaults().withMaxInFlight(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("KafkaSinkOptions: maxInFlight must be >= 1, was 0");
    }
}
