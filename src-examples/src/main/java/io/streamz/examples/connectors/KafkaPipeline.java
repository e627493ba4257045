package io.streamz.examples.connectors;

import io.streamz.Stream;
import io.streamz.kafka.Kafka;
import io.streamz.kafka.KafkaSerde;
import io.streamz.kafka.KafkaSource;
import io.streamz.kafka.KafkaSourceOptions;
import io.streamz.kafka.ToKafka;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Kafka end to end: writes a few orders to a topic with {@code toKafka}, then reads them back
 * in batches with {@code fromKafkaBatched}, transforms them and writes the results to a second
 * topic; offsets are committed once each result is acknowledged.
 *
 * <pre>{@code
 * KAFKA_BOOTSTRAP_SERVERS=localhost:9092 ./streamz example KafkaPipeline
 * }</pre>
 *
 * <p>Without a broker (no argument, no {@code KAFKA_BOOTSTRAP_SERVERS}) it says so and returns.
 */
public final class KafkaPipeline {
    /** An order as it travels through Kafka, in JSON. */
    public record Order(int id, String item, int quantity) {
    }

    private KafkaPipeline() {
    }

    /**
     * Runs the pipeline against the broker named by {@code args[0]} or
     * {@code KAFKA_BOOTSTRAP_SERVERS}.
     */
    public static void main(String[] args) throws InterruptedException {
        String bootstrap = args.length > 0 ? args[0] : System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap == null || bootstrap.isBlank()) {
            System.out.println("KafkaPipeline skipped: no broker configured. Set KAFKA_BOOTSTRAP_SERVERS=host:port "
                    + "or pass it as the first argument.");
            return;
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        String orders = "orders-" + run;
        String labels = "labels-" + run;

        // docs:start
        Map<String, Object> producer = Map.of("bootstrap.servers", bootstrap);
        Map<String, Object> consumer = Map.of("bootstrap.servers", bootstrap,
                "group.id", "labeller-" + run, "auto.offset.reset", "earliest");

        // 1. write five orders as JSON
        Stream<Order> input = Stream.create();
        ToKafka<Order> writer = input.as(Kafka.toKafka(orders, producer, KafkaSerde.json(Order.class)));
        for (int i = 1; i <= 5; i++) {
            input.emit(new Order(i, i % 2 == 0 ? "pear" : "apple", i * 10));
        }
        writer.destroy();   // flushes: all five are acknowledged
        System.out.println("wrote 5 orders");

        // 2. read them in batches, label each order, write the labels to a second topic
        KafkaSource<List<Order>> batches = Kafka.fromKafkaBatched(orders, consumer, KafkaSerde.json(Order.class),
                KafkaSourceOptions.defaults().withPollInterval("200ms"));
        CountDownLatch done = new CountDownLatch(5);
        Stream<String> labelled = batches.<Order>flatten()
                .map(o -> "order " + o.id() + ": " + o.quantity() + " x " + o.item().toUpperCase());
        labelled.sink(System.out::println);
        ToKafka<String> labelWriter = labelled.as(Kafka.toKafka(labels, producer, KafkaSerde.string()));
        labelWriter.sink(md -> done.countDown());   // one RecordMetadata per acknowledged label

        batches.start();
        boolean all = done.await(60, TimeUnit.SECONDS);
        batches.stop();       // commits the offsets of everything acknowledged
        labelWriter.destroy();
        System.out.println(all ? "labelled 5 orders" : "timed out");
        // docs:end
    }
}
