package io.streamz.kafka;

import static io.streamz.kafka.KafkaBroker.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamz.Stream;
import io.streamz.spi.NodeProvider;
import io.streamz.spi.SourceProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaPluginTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private static SourceProvider source(String name) {
        return StreamSupport.stream(ServiceLoader.load(SourceProvider.class).spliterator(), false)
                .filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static NodeProvider node(String name) {
        return StreamSupport.stream(ServiceLoader.load(NodeProvider.class).spliterator(), false)
                .filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theProvidersAreListedUnderStreamzNames() {
        List<String> sources = StreamSupport.stream(ServiceLoader.load(SourceProvider.class).spliterator(), false)
                .map(SourceProvider::name).collect(Collectors.toList());
        List<String> nodes = StreamSupport.stream(ServiceLoader.load(NodeProvider.class).spliterator(), false)
                .map(NodeProvider::name).collect(Collectors.toList());
        assertThat(sources).contains("from_kafka", "from_kafka_batched");
        assertThat(nodes).contains("to_kafka");
        assertThat(source("from_kafka_batched").description()).isNotBlank();
    }

    @Test
    @SuppressWarnings("unchecked")
    void pluginsBuiltByNameRoundTrip() throws Exception {
        kafka.createTopic("plugged", 2);
        Stream<String> upstream = Stream.create();
        ToKafka<String> out = (ToKafka<String>) node("to_kafka").create(upstream, "plugged", kafka.producerConfig(),
                new StringSerializer());
        List<RecordMetadata> acks = out.sinkToList();
        KafkaSource<String> values = (KafkaSource<String>) source("from_kafka")
                .create(List.of("plugged"), kafka.consumerConfig("plugged-values"), 0.02);
        KafkaSource<List<ConsumerRecord<String, String>>> batches =
                (KafkaSource<List<ConsumerRecord<String, String>>>) source("from_kafka_batched")
                        .create("plugged", kafka.consumerConfig("plugged-batches"), "50ms", 100, true, false);
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
        assertThat(values.toString()).isEqualTo("fromKafka(topic=plugged, pollInterval=PT0.02S)");
        assertThat(batches.toString()).isEqualTo("fromKafkaBatched(topic=plugged, pollInterval=PT0.05S, maxBatchSize=100)");
    }

    @Test
    void badPluginArgumentsNameThePluginAndTheUsage() {
        assertThatThrownBy(() -> source("from_kafka").create("t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Plugin \"from_kafka\": expected (topics, consumerConfig[, pollInterval]), got 1 "
                        + "argument(s); usage: (topics, consumerConfig[, pollInterval])");
        assertThatThrownBy(() -> source("from_kafka_batched").create("t", kafka.consumerConfig("g"), "1s", "many"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Plugin \"from_kafka_batched\": argument 4 (maxBatchSize) must be an Integer, "
                        + "was String \"many\"");
        assertThatThrownBy(() -> node("to_kafka").create(Stream.create(), "t", Map.of("bootstrap.servers", "x"), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Plugin \"to_kafka\": argument 3 (valueSerializer) must be a Kafka Serializer");
    }
}
