package io.streamz.kafka;

import io.streamz.Stream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The pipeline of {@link CrashTest}, run in its own JVM: reads the input topic, maps every value
 * and writes it to the output topic, and halts the JVM abruptly (no shutdown hooks, no finally
 * blocks, no last commit) at a chosen point.
 *
 * <p>Arguments: bootstrap servers, group, input topic, output topic, source ("batched" or
 * "records"), kill stage ("map": before the n-th element is sent; "ack": when the n-th
 * acknowledgement arrives, before its refs are released; "timer": n * 7 ms (plus 30) after the
 * first element; "none": run until killed from outside), n.
 */
public final class CrashWorker {
    static final int HALTED = 99;

    private CrashWorker() {
    }

    public static void main(String[] args) {
        String bootstrap = args[0];
        String group = args[1];
        String in = args[2];
        String out = args[3];
        String sourceKind = args[4];
        String stage = args[5];
        int n = Integer.parseInt(args[6]);

        Map<String, Object> consumer = new HashMap<>();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        consumer.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, group + "-worker");
        consumer.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Object> producer = new HashMap<>();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 5);

        KafkaSource<?> source;
        Stream<String> values;
        if (sourceKind.equals("batched")) {
            KafkaSource<List<String>> batches = Kafka.fromKafkaBatched(in, consumer, KafkaSerde.string(),
                    KafkaSourceOptions.defaults().withPollInterval("50ms").withMaxBatchSize(40));
            source = batches;
            values = new Flatten<>(batches);
        } else {
            KafkaSource<String> records = Kafka.fromKafka(List.of(in), consumer, KafkaSerde.string(),
                    KafkaSourceOptions.defaults().withPollInterval("20ms"));
            source = records;
            values = records;
        }

        AtomicInteger mapped = new AtomicInteger();
        AtomicInteger acked = new AtomicInteger();
        AtomicBoolean timerSet = new AtomicBoolean();
        Stream<RecordMetadata> acks = values.map(v -> {
            if (stage.equals("map") && mapped.incrementAndGet() == n) {
                Runtime.getRuntime().halt(HALTED);
            }
            if (stage.equals("timer") && timerSet.compareAndSet(false, true)) {
                Thread t = new Thread(() -> {
                    try {
                        Thread.sleep(30 + 7L * n);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    Runtime.getRuntime().halt(HALTED);
                });
                t.setDaemon(true);
                t.start();
            }
            return "out-" + v;
        }).as(Kafka.toKafka(out, producer, KafkaSerde.string(), KafkaSinkOptions.defaults().withMaxInFlight(64)));
        acks.sink(md -> {
            if (stage.equals("ack") && acked.incrementAndGet() == n) {
                Runtime.getRuntime().halt(HALTED);
            }
        });
        source.start();
    }
}
