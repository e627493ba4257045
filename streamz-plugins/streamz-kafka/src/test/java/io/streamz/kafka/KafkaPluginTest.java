package io.streamz.kafka;

import static io.streamz.kafka.KafkaBroker.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.Source;
import io.streamz.Stream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaPluginTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    @Test
    void theProvidersAreListedUnderStreamzNames() {
        assertThat(Stream.plugins()).containsKeys("from_kafka", "from_kafka_batched", "to_kafka");
        assertThat(Stream.plugins().get("to_kafka")).isEqualTo("sends elements to a Kafka topic and emits their delivery metadata");
    }

    @Test
    void pluginsBuiltByNameRoundTrip() throws Exception {
        kafka.createTopic("plugged", 2);
        Stream<String> upstream = Stream.create();
        ToKafka<String> out = (ToKafka<String>) upstream.<RecordMetadata>plugin("to_kafka", "plugged",
                kafka.producerConfig(), new StringSerializer());
        List<RecordMetadata> acks = out.sinkToList();
        Source<String> values = Stream.source("from_kafka", List.of("plugged"), kafka.consumerConfig("plugged-values"), 0.02);
        Source<List<ConsumerRecord<String, String>>> batches = Stream.source("from_kafka_batched", "plugged",
                kafka.consumerConfig("plugged-batches"), "50ms", 100, true, false);
        List<String> got = values.sinkToList();
        List<List<ConsumerRecord<String, String>>> gotBatches = batches.sinkToList();
        values.start();
        batches.start();

        for (int i = 0; i < 10; i++) {
            upstream.emit("p" + i);
        }
        out.flush();
        until(() -> got.size() >= 10 && gotBatches.stream().mapToInt(List::size).sum() >= 10, TIMEOUT,
                () -> "10 values both ways");
        values.stop();
        batches.stop();
        out.destroy();

        assertThat(acks).hasSize(10);
        assertThat(got).containsExactlyInAnyOrder("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9");
        assertThat(gotBatches.stream().flatMap(List::stream).map(ConsumerRecord::value)).hasSize(10);
        assertThat(values.toString()).isEqualTo("fromKafka(topic=plugged, pollInterval=20ms)");
        assertThat(batches.toString()).isEqualTo("fromKafkaBatched(topic=plugged, pollInterval=50ms, maxBatchSize=100)");
    }

    @Test
    void badPluginArgumentsNameThePluginAndTheUsage() {
        assertThatThrownBy(() -> Stream.source("from_kafka", "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Plugin \"from_kafka\"")
                .hasMessageEndingWith("expected (topics, consumerConfig[, pollInterval]), got 1 argument(s)");
        assertThatThrownBy(() -> Stream.source("from_kafka_batched", "t", kafka.consumerConfig("g"), "1s", "many"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Plugin \"from_kafka_batched\"")
                .hasMessageContaining("argument 4 (maxBatchSize) must be an Integer, was String \"many\"; usage: (topic, ");
        assertThatThrownBy(() -> Stream.create().plugin("to_kafka", "t", Map.of("bootstrap.servers", "x"), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Plugin \"to_kafka\"")
                .hasMessageContaining("argument 3 (valueSerializer) must be a Kafka Serializer, was Integer");
    }
}
