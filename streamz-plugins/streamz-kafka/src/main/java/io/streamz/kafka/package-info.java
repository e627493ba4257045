/**
 * Kafka sources and sink on the plain Kafka clients (streamz {@code from_kafka},
 * {@code from_kafka_batched}, {@code to_kafka}): {@link io.streamz.kafka.Kafka} builds them,
 * {@link io.streamz.kafka.KafkaSource} reads at least once with offsets committed as refs are
 * released, {@link io.streamz.kafka.ToKafka} writes with a bound on records in flight,
 * {@link io.streamz.kafka.KafkaSerde} converts strings, bytes and JSON. The plugin providers
 * register the streamz names for {@code Stream.source} and {@code stream.plugin}.
 *
 * <pre>{@code
 * KafkaSource<List<String>> batches = Kafka.fromKafkaBatched("events", consumerConfig, KafkaSerde.string(),
 *         KafkaSourceOptions.defaults());
 * batches.<String>flatten().map(String::trim).as(Kafka.toKafka("clean", producerConfig, KafkaSerde.string()));
 * batches.start();
 * }</pre>
 */
package io.streamz.kafka;
