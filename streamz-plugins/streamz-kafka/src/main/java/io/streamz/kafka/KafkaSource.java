package io.streamz.kafka;

import io.streamz.EventTime;
import io.streamz.RefCounter;
import io.streamz.Source;
import io.streamz.internal.util.Intervals;
import io.streamz.internal.util.Refs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A source reading Kafka topics as a member of a consumer group: what {@link Kafka#fromKafka}
 * and {@link Kafka#fromKafkaBatched} return. Does nothing until {@link #start()}; then one poll
 * thread owns the {@code KafkaConsumer} (which is not thread-safe) and emits into the graph.
 *
 * <pre>{@code
 * KafkaSource<String> source = Kafka.fromKafka(List.of("orders"), consumerConfig,
 *         KafkaSerde.string(), KafkaSourceOptions.defaults());
 * source.map(String::toUpperCase).sink(System.out::println);
 * source.start();
 * // ...
 * source.stop();   // commits what was fully processed, leaves the group
 * }</pre>
 *
 * <p><b>At least once:</b> every emitted element (a record's value, or a batch) carries a
 * {@link RefCounter} in its metadata under {@code "ref"}. A partition's offset is committed only
 * past elements whose emit has finished and whose ref every node has released, in offset order,
 * so an element still held by a window or waiting in {@code toKafka} is read again after a
 * crash. Offsets are committed by the poll thread while running (at most every
 * {@code commitInterval}, 100 ms unless {@link KafkaSourceOptions#withCommitInterval} says
 * otherwise), on {@code stop()}, and for
 * partitions revoked by a rebalance (only up to what was done; held data is re-read by the new
 * owner). The consumer's own auto-commit is switched off.
 *
 * <p><b>Event time:</b> an element also carries its record's timestamp (a batch: its newest) as
 * its {@link EventTime}, so {@code source.withTimestamps(WatermarkStrategy.boundedOutOfOrderness("5s"))}
 * makes watermarks from it, and event-time windows downstream hold the refs of their elements, so
 * offsets are committed only past closed windows.
 *
 * <p><b>Blocks:</b> never the caller of {@code start}; the poll thread is not a daemon, so a
 * program runs until its sources are stopped. When an emit is still pending
 * (back-pressure from {@code toKafka}, an async sink...), the poll thread pauses every partition
 * and keeps polling (so the consumer stays in its group) until it is done; at most one poll's
 * worth of records (or one {@code maxBatchSize} per partition) waits in memory.
 *
 * <p><b>Queue depth:</b> {@link #stats()}{@code .queued()} counts the records polled and not yet
 * emitted: its queue. A partition is polled only while it holds less than an element's worth
 * (one record; {@code maxBatchSize} for {@code fromKafkaBatched}), so per partition at most one
 * poll's worth ({@code max.poll.records}, 500 unless configured) waits, plus
 * {@code maxBatchSize - 1} when batched. Records emitted but
 * still waiting for their offset commit are in the graph, not queued: the nodes that hold them
 * count them in their own {@code held()}.
 *
 * <p><b>Failures:</b> if a node fails on an element (synchronously or asynchronously), or a
 * record cannot be deserialized, the source stops polling, commits what was done before, and
 * {@link #error()} returns the exception; the failed element is read again on restart.
 *
 * @param <T> what it emits: values, records, or lists of them
 */
public final class KafkaSource<T> extends Source<T> {
    private static final Duration WAIT = Duration.ofMillis(10);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final List<String> topics;
    private final Map<String, Object> config;
    private final Deserializer<?> keys;
    private final Deserializer<?> values;
    private final Function<ConsumerRecord<?, ?>, ?> element;
    private final boolean batched;
    private final Duration pollInterval;
    private final int maxBatchSize;
    private final long commitNanos;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Consumer<Object, Object> consumer;
    private volatile Throwable error;
    /** The records in the partitions' buffers: written by the poll thread, read by {@link #queuedCount()}. */
    private final AtomicLong buffered = new AtomicLong();

    KafkaSource(String kind, List<String> topics, Map<String, Object> config, Deserializer<?> keys,
            Deserializer<?> values, Function<ConsumerRecord<?, ?>, ?> element, boolean batched,
            Duration pollInterval, int maxBatchSize, Duration commitInterval) {
        super(kind, null);
        this.topics = List.copyOf(topics);
        this.config = config;
        this.keys = keys;
        this.values = values;
        this.element = element;
        this.batched = batched;
        this.pollInterval = pollInterval;
        this.maxBatchSize = maxBatchSize;
        this.commitNanos = commitInterval.toNanos();
    }

    /**
     * The exception that stopped this source, or {@code null} while it runs or after a clean
     * stop. A failed source stays started until {@link #stop()}; {@code start()} after that
     * reads again from the last committed offsets.
     *
     * @return the failure that stopped polling, or {@code null} if there is none
     */
    public Throwable error() {
        return error;
    }

    @Override
    protected String describeParams() {
        return (topics.size() == 1 ? "topic=" + topics.get(0) : "topics=" + topics) + ", pollInterval="
                + Intervals.format(pollInterval) + (batched ? ", maxBatchSize=" + maxBatchSize : "");
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void onStart() {
        error = null;
        Consumer<Object, Object> c = new KafkaConsumer<>(config, (Deserializer<Object>) keys,
                (Deserializer<Object>) values);
        consumer = c;
        running = true;
        Thread t = new Thread(new Loop(c), "streamz-" + kind() + "-" + String.join(",", topics));
        thread = t;
        t.start();
    }

    @Override
    protected void onStop() {
        running = false;
        Consumer<Object, Object> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null && t != Thread.currentThread() && !graph().isHeldByCurrentThread()) {
            boolean interrupted = false;
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The records polled and not yet emitted, for {@link #stats()}. */
    @Override
    protected long queuedCount() {
        return buffered.get();
    }

    private void fail(Throwable e) {
        if (error == null) {
            error = e;
        }
        running = false;
    }

    /** One emitted element: records of one partition up to {@code lastOffset}. */
    private static final class Unit {
        final long lastOffset;
        volatile boolean released;
        volatile boolean emitted;
        volatile boolean failed;

        Unit(long lastOffset) {
            this.lastOffset = lastOffset;
        }

        boolean done() {
            return released && emitted && !failed;
        }
    }

    /** The poll thread's view of one assigned partition. */
    private static final class Part {
        final ArrayDeque<ConsumerRecord<Object, Object>> buffer = new ArrayDeque<>();
        final ArrayDeque<Unit> units = new ArrayDeque<>();
        long done = -1;
        boolean revoked;

        /** Moves {@code done} past the finished units at the head; returns it (-1: nothing yet). */
        long advance() {
            while (!units.isEmpty() && units.peek().done()) {
                done = units.poll().lastOffset + 1;
            }
            return done;
        }
    }

    /** The poll thread: the only code that touches the consumer. */
    private final class Loop implements Runnable, ConsumerRebalanceListener {
        private final Consumer<Object, Object> consumer;
        private final Map<TopicPartition, Part> parts = new LinkedHashMap<>();
        private final Map<TopicPartition, Long> committed = new HashMap<>();
        private final ArrayDeque<Part> round = new ArrayDeque<>();
        private CompletableFuture<?> pending;
        private long nextRound = System.nanoTime();
        private long nextCommit = System.nanoTime();

        Loop(Consumer<Object, Object> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void run() {
            try {
                consumer.subscribe(topics, this);
                while (running) {
                    step();
                }
            } catch (WakeupException e) {
                // stop() woke the consumer up
            } catch (Throwable e) {
                fail(e);
            } finally {
                shutdown();
            }
        }

        private void step() {
            long now = System.nanoTime();
            if (now - nextCommit >= 0) {
                nextCommit = now + commitNanos;
                commit(false);
            }
            if (pending != null) {
                if (!pending.isDone()) {
                    pause(consumer.assignment());
                    poll(WAIT);
                    return;
                }
                pending = null;
                if (!running) {
                    return;
                }
            }
            pause(full());
            poll(timeout());
            if (batched) {
                emitBatches();
            } else {
                emitRecords();
            }
        }

        private Duration timeout() {
            if (!batched) {
                for (Part p : parts.values()) {
                    if (!p.buffer.isEmpty()) {
                        return Duration.ZERO;    // records left over from before a pending emit
                    }
                }
                return pollInterval;
            }
            if (!round.isEmpty()) {
                return Duration.ZERO;
            }
            long left = nextRound - System.nanoTime();
            return left <= 0 ? Duration.ZERO : Duration.ofNanos(Math.min(left, pollInterval.toNanos()));
        }

        private Set<TopicPartition> full() {
            Set<TopicPartition> out = new HashSet<>();
            int limit = batched ? maxBatchSize : 1;
            for (Map.Entry<TopicPartition, Part> e : parts.entrySet()) {
                if (e.getValue().buffer.size() >= limit) {
                    out.add(e.getKey());
                }
            }
            return out;
        }

        private void pause(Set<TopicPartition> wanted) {
            Set<TopicPartition> paused = consumer.paused();
            if (paused.equals(wanted)) {
                return;
            }
            Set<TopicPartition> resume = new HashSet<>(paused);
            resume.removeAll(wanted);
            Set<TopicPartition> pause = new HashSet<>(wanted);
            pause.removeAll(paused);
            pause.retainAll(consumer.assignment());
            consumer.resume(resume);
            consumer.pause(pause);
        }

        private void poll(Duration timeout) {
            ConsumerRecords<Object, Object> records = consumer.poll(timeout);
            for (TopicPartition tp : records.partitions()) {
                Part p = parts.get(tp);
                if (p != null) {
                    List<ConsumerRecord<Object, Object>> polled = records.records(tp);
                    p.buffer.addAll(polled);
                    buffered.addAndGet(polled.size());
                }
            }
        }

        private void emitRecords() {
            for (Part p : parts.values()) {
                while (!p.buffer.isEmpty()) {
                    ConsumerRecord<Object, Object> r = p.buffer.poll();
                    buffered.decrementAndGet();
                    emit(p, element.apply(r), r.offset(), r.timestamp());
                    if (pending != null || !running) {
                        return;
                    }
                }
            }
        }

        private void emitBatches() {
            if (round.isEmpty()) {
                if (System.nanoTime() - nextRound < 0) {
                    return;
                }
                nextRound = System.nanoTime() + pollInterval.toNanos();
                round.addAll(parts.values());
            }
            while (!round.isEmpty()) {
                Part p = round.poll();
                if (p.revoked || p.buffer.isEmpty()) {
                    continue;
                }
                int n = Math.min(maxBatchSize, p.buffer.size());
                List<Object> batch = new ArrayList<>(n);
                long last = -1;
                long time = -1;
                for (int i = 0; i < n; i++) {
                    ConsumerRecord<Object, Object> r = p.buffer.poll();
                    buffered.decrementAndGet();
                    batch.add(element.apply(r));
                    last = r.offset();
                    time = Math.max(time, r.timestamp());
                }
                emit(p, Collections.unmodifiableList(batch), last, time);
                if (pending != null || !running) {
                    return;
                }
            }
        }

        @SuppressWarnings("unchecked")
        /** Emits {@code x} with its ref and, when the record has one, its timestamp as event time. */
        private void emit(Part p, Object x, long lastOffset, long timestamp) {
            Unit u = new Unit(lastOffset);
            p.units.add(u);
            RefCounter ref = new RefCounter(() -> u.released = true);
            List<Map<String, Object>> md = List.of(Map.of(Refs.REF, ref));
            if (timestamp >= 0) {
                md = EventTime.with(md, Instant.ofEpochMilli(timestamp));
            }
            CompletableFuture<Void> f = emitAsync((T) x, md);
            if (ref.count() == 0) {
                u.released = true;
            }
            if (f.isDone() && !f.isCompletedExceptionally()) {
                u.emitted = true;
                return;
            }
            f.whenComplete((r, e) -> {
                if (e != null) {
                    u.failed = true;
                    fail(e);
                } else {
                    u.emitted = true;
                }
            });
            pending = f;
        }

        private void commit(boolean sync) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (Map.Entry<TopicPartition, Part> e : parts.entrySet()) {
                collect(e.getKey(), e.getValue(), offsets, sync);
            }
            send(offsets, sync);
        }

        private void collect(TopicPartition tp, Part p, Map<TopicPartition, OffsetAndMetadata> offsets, boolean all) {
            long done = p.advance();
            if (done >= 0 && (all || done > committed.getOrDefault(tp, -1L))) {
                offsets.put(tp, new OffsetAndMetadata(done));
                committed.put(tp, done);
            }
        }

        private void send(Map<TopicPartition, OffsetAndMetadata> offsets, boolean sync) {
            if (offsets.isEmpty()) {
                return;
            }
            if (sync) {
                consumer.commitSync(offsets);
            } else {
                consumer.commitAsync(offsets, null);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            for (TopicPartition tp : assigned) {
                parts.put(tp, new Part());
                committed.remove(tp);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (TopicPartition tp : revoked) {
                Part p = parts.remove(tp);
                if (p != null) {
                    drop(p);
                    collect(tp, p, offsets, true);
                }
            }
            try {
                send(offsets, true);
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                // The group moved on: the next owner reads these records again (duplicates, never loss).
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            for (TopicPartition tp : lost) {
                Part p = parts.remove(tp);
                if (p != null) {
                    drop(p);
                }
            }
        }

        /** Marks a partition no longer ours; its polled records are read again by the next owner. */
        private void drop(Part p) {
            p.revoked = true;
            buffered.addAndGet(-p.buffer.size());
            p.buffer.clear();
        }

        private void shutdown() {
            try {
                finalCommit();
            } finally {
                for (Part p : parts.values()) {
                    drop(p);
                }
                consumer.close(CLOSE_TIMEOUT);
            }
        }

        private void finalCommit() {
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    commit(true);
                    return;
                } catch (WakeupException e) {
                    // a wake-up from stop() was still pending: the second attempt goes through
                } catch (KafkaException e) {
                    // Not a member any more: whatever is uncommitted is read again (duplicates, never loss).
                    return;
                }
            }
        }
    }
}
