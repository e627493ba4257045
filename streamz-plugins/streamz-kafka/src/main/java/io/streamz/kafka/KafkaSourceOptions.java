package io.streamz.kafka;

import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Intervals;
import java.time.Duration;

/**
 * Settings of the Kafka sources past their topics and consumer configuration; immutable, with
 * withers.
 *
 * <pre>{@code
 * KafkaSourceOptions options = KafkaSourceOptions.defaults()
 *         .withPollInterval("500ms")     // streamz poll_interval
 *         .withMaxBatchSize(1000)        // streamz max_batch_size
 *         .withRefreshPartitions(true)   // streamz refresh_partitions
 *         .withCommitInterval("1s");     // offsets committed at most once a second
 * }</pre>
 *
 * <p>{@code pollInterval}: for {@code fromKafkaBatched}, how often one batch per partition is
 * emitted (default 1 s, as streamz); for {@code fromKafka}, the longest wait in one poll when
 * nothing arrives (default 100 ms). {@code maxBatchSize}: the most records in one batch (default
 * 10000); {@code fromKafka} ignores it. {@code refreshPartitions}: partitions added to the topic
 * are picked up within about a poll interval (at least a second) rather than at Kafka's
 * {@code metadata.max.age.ms}. {@code commitInterval}: while running, the finished offsets are
 * committed at most this often (default 100 ms; zero commits at every poll step, as streamz does
 * for each finished batch). A crash reads again what finished since the last commit, so a longer
 * interval means more duplicates after a crash (never a loss) and fewer commit requests for the
 * broker: at every step a busy source sends hundreds a second. {@code stop()} and a rebalance
 * always commit what is finished.
 */
public final class KafkaSourceOptions {
    /** The default {@code commitInterval}. */
    static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);
    private static final KafkaSourceOptions DEFAULTS = new KafkaSourceOptions(null, 10_000, false, COMMIT_INTERVAL);

    private final Duration pollInterval;
    private final int maxBatchSize;
    private final boolean refreshPartitions;
    private final Duration commitInterval;

    private KafkaSourceOptions(Duration pollInterval, int maxBatchSize, boolean refreshPartitions,
            Duration commitInterval) {
        this.pollInterval = pollInterval;
        this.maxBatchSize = maxBatchSize;
        this.refreshPartitions = refreshPartitions;
        this.commitInterval = commitInterval;
    }

    /**
     * The defaults: streamz's poll interval for the source used, batches of at most 10000, no
     * refresh, commits at most every 100 ms.
     *
     * @return the default options (a shared instance)
     */
    public static KafkaSourceOptions defaults() {
        return DEFAULTS;
    }

    /**
     * With the given poll interval, e.g. {@code "100ms"} or {@code "1s"}.
     *
     * @param interval the poll interval in streamz spelling; greater than zero
     * @return new options with this poll interval (this object is unchanged)
     * @throws IllegalArgumentException if {@code interval} is not an interval or not positive
     */
    public KafkaSourceOptions withPollInterval(String interval) {
        return withPollInterval(Intervals.parse(interval, "KafkaSourceOptions", "interval"));
    }

    /**
     * With the given poll interval, greater than zero.
     *
     * @param interval the poll interval; greater than zero
     * @return new options with this poll interval (this object is unchanged)
     * @throws IllegalArgumentException if {@code interval} is zero or negative
     */
    public KafkaSourceOptions withPollInterval(Duration interval) {
        return new KafkaSourceOptions(Intervals.positive(interval, "KafkaSourceOptions", "pollInterval"),
                maxBatchSize, refreshPartitions, commitInterval);
    }

    /**
     * With at most {@code n} records per batch, at least 1.
     *
     * @param n the most records in one batch, at least 1
     * @return new options with this batch size (this object is unchanged)
     * @throws IllegalArgumentException if {@code n} is less than 1
     */
    public KafkaSourceOptions withMaxBatchSize(int n) {
        return new KafkaSourceOptions(pollInterval, Checks.positive(n, "KafkaSourceOptions", "maxBatchSize"),
                refreshPartitions, commitInterval);
    }

    /**
     * Whether partitions added while running are picked up promptly.
     *
     * @param refresh {@code true} to pick up new partitions within about a poll interval (at
     *     least a second), {@code false} to leave it to Kafka's {@code metadata.max.age.ms}
     * @return new options with this setting (this object is unchanged)
     */
    public KafkaSourceOptions withRefreshPartitions(boolean refresh) {
        return new KafkaSourceOptions(pollInterval, maxBatchSize, refresh, commitInterval);
    }

    /**
     * With the given commit interval, e.g. {@code "1s"}, or {@code "0s"} to commit at every poll step.
     *
     * @param interval how often at most finished offsets are committed while running; zero or more
     * @return new options with this commit interval (this object is unchanged)
     * @throws IllegalArgumentException if {@code interval} is not an interval or is negative
     */
    public KafkaSourceOptions withCommitInterval(String interval) {
        return withCommitInterval(Intervals.parse(interval, "KafkaSourceOptions", "commitInterval"));
    }

    /**
     * With the given commit interval; {@link Duration#ZERO} commits at every poll step.
     *
     * <pre>{@code
     * KafkaSourceOptions.defaults().withCommitInterval(Duration.ofSeconds(5));   // as Kafka's auto-commit
     * }</pre>
     *
     * @param interval how often at most finished offsets are committed while running; zero or more
     * @return new options with this commit interval (this object is unchanged)
     * @throws IllegalArgumentException if {@code interval} is negative
     */
    public KafkaSourceOptions withCommitInterval(Duration interval) {
        Checks.notNull(interval, "KafkaSourceOptions", "commitInterval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("KafkaSourceOptions: commitInterval must be >= 0, was "
                    + Intervals.format(interval));
        }
        return new KafkaSourceOptions(pollInterval, maxBatchSize, refreshPartitions, interval);
    }

    /** The poll interval, or {@code fallback} when none was set. */
    Duration pollInterval(Duration fallback) {
        return pollInterval != null ? pollInterval : fallback;
    }

    int maxBatchSize() {
        return maxBatchSize;
    }

    boolean refreshPartitions() {
        return refreshPartitions;
    }

    Duration commitInterval() {
        return commitInterval;
    }

    @Override
    public String toString() {
        return "KafkaSourceOptions(pollInterval=" + (pollInterval == null ? "default" : Intervals.format(pollInterval))
                + ", maxBatchSize=" + maxBatchSize
                + ", refreshPartitions=" + refreshPartitions
                + ", commitInterval=" + Intervals.format(commitInterval) + ")";
    }
}
