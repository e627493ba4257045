package io.streamz.kafka;

import io.streamz.ErrorPolicy;
import io.streamz.NodeException;
import io.streamz.Stream;
import io.streamz.internal.util.Refs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Implements {@link Kafka#toKafka}: sends every element to a topic and emits each record's
 * {@link RecordMetadata} (topic, partition, offset, timestamp) downstream once the broker has
 * acknowledged it (streamz {@code to_kafka}).
 *
 * <pre>{@code
 * Stream<String> source = Stream.create();
 * ToKafka<String> out = source.as(Kafka.toKafka("greetings", producerConfig, KafkaSerde.string()));
 * List<RecordMetadata> acks = out.sinkToList();
 * source.emit("hello");
 * out.flush();      // acks: [greetings-0@0]
 * out.destroy();    // flushes and closes the producer
 * }</pre>
 *
 * <p><b>Blocks:</b> {@code emit} returns once the record is handed to the producer, unless
 * {@code maxInFlight} records (default 1000) are sent but not yet finished (acknowledged and
 * emitted downstream): then the node returns a pending future, so {@code emit} waits (and a
 * Kafka source pauses its partitions) until half of them are finished.
 *
 * <p><b>Metadata:</b> an element's refs are held until its record is acknowledged and its
 * {@code RecordMetadata} has been emitted downstream with the same metadata; so a Kafka source
 * upstream commits its offsets only after the data reached the broker. A record that fails is
 * never released.
 *
 * <p><b>Failures:</b> a record the producer cannot send (a delivery failure the producer's own
 * retries did not overcome, a key function or serializer that fails) goes to the node's error
 * policy ({@link Stream#onError}). Under {@code retry(n, backoff)} the record is sent again after
 * the backoff (doubled per attempt, on {@code Schedulers.parallel()} as it is when the node is
 * built), its refs held meanwhile; {@code skip()} releases the element's refs;
 * {@code route()} sends a {@code Failure} to {@link Stream#errors()} and releases the refs once
 * the errors stream is done with it (a dead-letter {@code toKafka} there: once the dead letter
 * is acknowledged). Under {@code propagate()} (the default) it is not dropped: it fails a
 * waiting {@code emit}, and otherwise the next {@code emit} or {@link #flush()} throws a
 * {@link NodeException} naming this node and the element, with the producer's exception as the
 * cause; the element's refs are never released then. A failure downstream of this node is
 * reported the same way.
 *
 * <pre>{@code
 * ToKafka<String> out = source.as(Kafka.toKafka("orders", producerConfig, KafkaSerde.string()));
 * out.onError(ErrorPolicy.retry(3, "1s").orElse(ErrorPolicy.route()));
 * out.errors().map(f -> f.element() + ": " + f.error())
 *         .as(Kafka.toKafka("orders-dead-letters", producerConfig, KafkaSerde.string()));
 * // a record the broker refuses three times is written to "orders-dead-letters" instead
 * }</pre>
 *
 * @param <T> the element type it sends
 */
public final class ToKafka<T> extends Stream<RecordMetadata> implements AutoCloseable {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final Function<? super T, ?> key;
    private final int maxInFlight;
    private final Producer<Object, Object> producer;
    private final ExecutorService delivery;
    private final Scheduler retries = Schedulers.parallel();
    /** Acknowledgements not yet taken by the delivery thread, newest first (each links to the one before). */
    private final AtomicReference<Ack> acks = new AtomicReference<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    private final Object lock = new Object();
    private int inFlight;
    private CompletableFuture<Void> slot;
    private final List<CompletableFuture<Void>> idle = new ArrayList<>();
    private NodeException failed;
    private boolean closed;

    @SuppressWarnings("unchecked")
    ToKafka(Stream<T> upstream, String topic, Map<String, Object> config, Function<? super T, ?> key,
            Serializer<?> keys, Serializer<?> values, int maxInFlight) {
        super("toKafka", null, List.of(upstream));
        this.topic = topic;
        this.key = key;
        this.maxInFlight = maxInFlight;
        this.producer = new KafkaProducer<>(config, (Serializer<Object>) keys, (Serializer<Object>) values);
        this.delivery = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "streamz-toKafka-" + topic);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    protected String describeParams() {
        return "topic=" + topic;
    }

    @Override
    protected CompletableFuture<?> update(Object x, Stream<?> who, List<Map<String, Object>> metadata) {
        T element = cast(x);
        CompletableFuture<Void> admitted;
        while ((admitted = admit()) != ADMITTED && admitted != ADMITTED_LAST) {
            awaitInGraph(admitted);
        }
        ProducerRecord<Object, Object> record;
        try {
            record = new ProducerRecord<>(topic, key == null ? null : key.apply(element), element);
        } catch (RuntimeException e) {
            done(1, null);      // not in flight after all
            return fail(e, element, metadata);
        }
        Refs.retain(metadata);
        try {
            producer.send(record, new Ack(element, record, 1, metadata));
        } catch (RuntimeException e) {      // the serializer, or a closed producer
            Refs.release(metadata);
            done(1, null);
            return fail(e, element, metadata);
        }
        return admitted == ADMITTED_LAST ? fullSlot() : null;
    }

    /** What {@link #admit()} returns when the record is counted in flight; {@code _LAST} when it took the last place. */
    private static final CompletableFuture<Void> ADMITTED = new CompletableFuture<>();
    private static final CompletableFuture<Void> ADMITTED_LAST = new CompletableFuture<>();

    /**
     * One lock entry per record: throws a failure not yet reported, or counts the record in flight
     * ({@link #ADMITTED}, {@link #ADMITTED_LAST}), or returns the future to wait for a free place.
     */
    private CompletableFuture<Void> admit() {
        synchronized (lock) {
            NodeException f = failed;
            if (f != null) {
                failed = null;
                throw f;
            }
            if (inFlight < maxInFlight) {
                inFlight++;
                return inFlight < maxInFlight ? ADMITTED : ADMITTED_LAST;
            }
            if (slot == null) {
                slot = new CompletableFuture<>();
            }
            return slot;
        }
    }

    /** Retries are this node's to make: it sends a failed record again ({@link ErrorPolicy#retry}). */
    @Override
    protected boolean retries() {
        return true;
    }

    /** Sends a failed record again (on the retry scheduler, outside the graph); still in flight. */
    private void sendAgain(Ack failed) {
        Ack again = new Ack(failed.element, failed.record, failed.attempt + 1, failed.metadata);
        try {
            producer.send(failed.record, again);
        } catch (RuntimeException e) {
            again.onCompletion(null, e);
        }
    }

    /** A future completing when fewer than {@code maxInFlight} records are in flight, or null if so now. */
    private CompletableFuture<Void> fullSlot() {
        synchronized (lock) {
            if (failed != null) {
                CompletableFuture<Void> f = CompletableFuture.failedFuture(failed);
                failed = null;
                return f;
            }
            if (inFlight < maxInFlight) {
                return null;
            }
            if (slot == null) {
                slot = new CompletableFuture<>();
            }
            return slot;
        }
    }

    /**
     * A record in flight: the producer's callback for its {@code attempt}-th send, then its
     * acknowledgement (or failure) waiting to be emitted downstream; one object per send.
     */
    private final class Ack implements Callback {
        final Object element;
        final ProducerRecord<Object, Object> record;
        final int attempt;
        final List<Map<String, Object>> metadata;
        RecordMetadata md;
        Exception error;
        /** The acknowledgement that arrived before this one, while both wait for the delivery thread. */
        Ack before;

        Ack(Object element, ProducerRecord<Object, Object> record, int attempt, List<Map<String, Object>> metadata) {
            this.element = element;
            this.record = record;
            this.attempt = attempt;
            this.metadata = metadata;
        }

        @Override
        public void onCompletion(RecordMetadata md, Exception error) {
            this.md = md;
            this.error = error;
            acknowledged(this);   // the queue publishes the fields to the delivery thread
        }
    }

    /** What {@link #emit(Ack)} returns for a record that is sent again: still in flight. */
    private static final CompletableFuture<Void> SENT_AGAIN = new CompletableFuture<>();

    /**
     * Called by the producer's I/O thread, which must not wait for the graph (a send inside the
     * graph may be waiting for that thread to free buffer space): queues the acknowledgement for
     * the delivery thread, which takes many at once into one graph entry.
     */
    private void acknowledged(Ack ack) {
        Ack last;
        do {
            last = acks.get();
            ack.before = last;
        } while (!acks.compareAndSet(last, ack));
        if (draining.compareAndSet(false, true)) {
            delivery.execute(this::drain);
        }
    }

    private void drain() {
        for (;;) {
            Ack newest = acks.getAndSet(null);   // every waiting acknowledgement in one step
            if (newest != null) {
                deliver(inArrivalOrder(newest));
            }
            draining.set(false);
            if (acks.get() == null || !draining.compareAndSet(false, true)) {
                return;
            }
        }
    }

    /** The acknowledgements linked from {@code newest}, oldest first (the order they arrived in). */
    private List<Ack> inArrivalOrder(Ack newest) {
        ArrayList<Ack> batch = new ArrayList<>();
        for (Ack a = newest; a != null; a = a.before) {
            batch.add(a);
        }
        Collections.reverse(batch);
        for (Ack a : batch) {
            a.before = null;   // no chain of delivered acknowledgements kept reachable
        }
        return batch;
    }

    private void deliver(List<Ack> batch) {
        List<CompletableFuture<?>> downstream = new ArrayList<>(batch.size());
        enterGraph(() -> {
            for (Ack a : batch) {
                downstream.add(emit(a));
            }
            return null;
        });
        int finished = 0;
        List<Map<String, Object>> held = null;   // metadata of the last run of finished records sharing it
        int run = 0;
        for (int i = 0; i < batch.size(); i++) {
            Ack a = batch.get(i);
            CompletableFuture<?> p = downstream.get(i);
            if (p == SENT_AGAIN) {
                continue;
            }
            if (p != null) {
                p.whenComplete((r, ex) -> finished(a, ex));
                continue;
            }
            finished++;
            if (a.metadata != held) {   // records of one upstream batch share their metadata: one release per run
                if (run > 0) {
                    Refs.release(held, run);
                }
                held = a.metadata;
                run = 0;
            }
            run++;
        }
        if (run > 0) {
            Refs.release(held, run);
        }
        if (finished > 0) {
            done(finished, null);   // one lock entry for the whole batch
        }
    }

    /**
     * Emits one acknowledgement downstream, inside the graph; a failed send goes to the error
     * policy, a propagated failure becomes a failed future.
     */
    private CompletableFuture<?> emit(Ack a) {
        if (a.error != null) {
            if (retryLater(a.attempt, retries, () -> sendAgain(a))) {
                return SENT_AGAIN;
            }
            try {
                return fail(a.error, a.element, a.metadata, a.attempt);
            } catch (RuntimeException ex) {
                return CompletableFuture.failedFuture(ex);
            }
        }
        try {
            return emitDownstream(a.md, a.metadata);
        } catch (RuntimeException ex) {
            return CompletableFuture.failedFuture(ex instanceof NodeException ? ex : new NodeException(this, a.element, ex));
        }
    }

    private void finished(Ack a, Throwable ex) {
        if (ex == null) {
            Refs.release(a.metadata);
            done(1, null);
            return;
        }
        Throwable cause = ex instanceof CompletionException && ex.getCause() != null
                ? ex.getCause() : ex;
        done(1, cause instanceof NodeException ? (NodeException) cause : new NodeException(this, a.element, cause));
    }

    /** {@code n} records are finished (acknowledged and emitted downstream), or one failed. */
    private void done(int n, NodeException failure) {
        CompletableFuture<Void> wake = null;
        List<CompletableFuture<Void>> idleNow = List.of();
        synchronized (lock) {
            inFlight -= n;
            if (slot != null && (inFlight <= maxInFlight / 2 || failure != null)) {
                wake = slot;
                slot = null;
            }
            if (failure != null && wake == null && failed == null) {
                failed = failure;   // reported by the next update or flush; a waiting emit reports it itself
            }
            if (inFlight == 0 && !idle.isEmpty()) {
                idleNow = new ArrayList<>(idle);
                idle.clear();
            }
        }
        if (wake != null) {
            if (failure != null) {
                wake.completeExceptionally(failure);
            } else {
                wake.complete(null);
            }
        }
        idleNow.forEach(f -> f.complete(null));
    }

    private void throwFailure() {
        NodeException f;
        synchronized (lock) {
            f = failed;
            failed = null;
        }
        if (f != null) {
            throw f;
        }
    }

    /**
     * Waits until every record sent so far is acknowledged and its metadata emitted downstream
     * (streamz {@code flush}); then throws the first delivery failure not yet reported, if any.
     *
     * @throws NodeException naming the element whose delivery failed
     */
    public void flush() {
        producer.flush();
        CompletableFuture<Void> quiet;
        synchronized (lock) {
            if (inFlight == 0) {
                quiet = null;
            } else {
                quiet = new CompletableFuture<>();
                idle.add(quiet);
            }
        }
        if (quiet != null) {
            if (graph().isHeldByCurrentThread()) {
                awaitInGraph(quiet);
            } else {
                quiet.join();
            }
        }
        throwFailure();
    }

    /** Disconnects this node, flushes (see {@link #flush()}) and closes the producer. */
    @Override
    public void destroy() {
        super.destroy();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            flush();
        } finally {
            producer.close(CLOSE_TIMEOUT);
            delivery.shutdown();
        }
    }

    /** Same as {@link #destroy()}. */
    @Override
    public void close() {
        destroy();
    }
}
