package io.streamz.kafka;

import io.streamz.Stream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The pipeline of {@link CrashTest}, run in its own JVM: the documented
 * {@code fromKafkaBatched -> flatten -> map -> toKafka} (or {@code fromKafka -> map -> toKafka}),
 * writing {@code "out-" + value} keyed by the worker and the record's number, so that the
 * records of one batch go to different partitions and every output record names who wrote it.
 * It either runs until it is killed from outside, or halts the JVM abruptly (no shutdown hooks,
 * no finally blocks, no last commit) at a chosen point.
 *
 * <p>Arguments: bootstrap servers, group, input topic, output topic, worker number, source
 * ({@code "batched"} or {@code "records"}), stage ({@code "map"}: before the n-th element is
 * sent; {@code "ack"}: when the n-th acknowledgement arrives, before its refs are released;
 * {@code "none"}: run until killed), n.
 */
public final class CrashWorker {
    static final int HALTED = 99;
    static final int MAX_IN_FLIGHT = 64;
    static final int MAX_BATCH_SIZE = 40;

    private CrashWorker() {
    }

    public static void main(String[] args) {
        String bootstrap = args[0];
        String group = args[1];
        String in = args[2];
        String out = args[3];
        String worker = args[4];
        String sourceKind = args[5];
        String stage = args[6];
        int n = Integer.parseInt(args[7]);

        Map<String, Object> consumer = new HashMap<>();
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        consumer.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, group + "-worker");   // a restart takes over at once
        consumer.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Object> producer = new HashMap<>();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 5);

        KafkaSource<?> source;
        Stream<String> values;
        if (sourceKind.equals("batched")) {
            KafkaSource<List<String>> batches = Kafka.fromKafkaBatched(in, consumer, KafkaSerde.string(),
                    KafkaSourceOptions.defaults().withPollInterval("50ms").withMaxBatchSize(MAX_BATCH_SIZE));
            source = batches;
            values = batches.flatten();
        } else {
            KafkaSource<String> records = Kafka.fromKafka(List.of(in), consumer, KafkaSerde.string(),
                    KafkaSourceOptions.defaults().withPollInterval("20ms"));
            source = records;
            values = records;
        }

        AtomicInteger mapped = new AtomicInteger();
        AtomicInteger acked = new AtomicInteger();
        values.map(v -> {
            if (stage.equals("map") && mapped.incrementAndGet() == n) {
                Runtime.getRuntime().halt(HALTED);
            }
            return "out-" + v;
        }).as(Kafka.toKafkaKeyed(out, producer, v -> worker + "/" + v.substring(0, v.indexOf(':')),
                KafkaSerde.string(), KafkaSerde.string(), KafkaSinkOptions.defaults().withMaxInFlight(MAX_IN_FLIGHT)))
          .sink(md -> {
              if (stage.equals("ack") && acked.incrementAndGet() == n) {
                  Runtime.getRuntime().halt(HALTED);
              }
          });
        source.start();
        System.out.println("started");
    }
}
