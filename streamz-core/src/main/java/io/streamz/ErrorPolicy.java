package io.streamz;

import io.streamz.internal.util.Checks;
import io.streamz.internal.util.Intervals;
import java.time.Duration;
import java.util.Objects;

/**
 * What a node does when its user function fails on an element: errors as data.
 *
 * <pre>{@code
 * Stream<String> source = Stream.create();
 * Stream<Integer> parsed = source.map(Integer::parseInt).onError(ErrorPolicy.skip());
 * List<Integer> out = parsed.sinkToList();
 * source.emit("1"); source.emit("x"); source.emit("3");
 * // out: [1, 3]
 * parsed.stats().skipped();   // 1
 * }</pre>
 *
 * <ul>
 *   <li>{@link #propagate()}, the default: a {@link NodeException} naming the node and the element
 *       reaches the caller of {@code emit}; on a thread with no caller (a timer, an asynchronous
 *       completion) it is logged and counted. A failure that reaches a source stops it, as in
 *       streamz.</li>
 *   <li>{@link #skip()}: the element is dropped, counted in {@link NodeStats#skipped()}, and the
 *       graph goes on.</li>
 *   <li>{@link #route()}: a {@link Failure} (element, metadata, node, exception) is sent to the
 *       node's {@link Stream#errors()} stream, or the graph's {@link Stream#allErrors()} when the
 *       node has none, and the graph goes on. The element's refs are released only after the
 *       failure's own downstream work (a dead-letter sink) is done.</li>
 *   <li>{@link #retry(int, Duration)}: an asynchronous node ({@code mapAsync}, {@code sinkAsync},
 *       connectors' sinks) calls its function again after {@code backoff}, doubling it each time,
 *       up to {@code maxAttempts} calls in all; then applies {@link #orElse} (propagate by
 *       default).</li>
 * </ul>
 *
 * <p>A node's policy is set with {@link Stream#onError(ErrorPolicy)}; a graph's default with
 * {@link Stream#onErrorDefault(ErrorPolicy)}. Every outcome is counted in {@link Stream#stats()}:
 * nothing is dropped silently.
 */
public final class ErrorPolicy {
    /** The kinds of policy. */
    public enum Kind {
        /** The failure reaches the caller of {@code emit}. */
        PROPAGATE,
        /** The element is dropped and counted. */
        SKIP,
        /** The failure is sent to an errors stream. */
        ROUTE,
        /** The function is called again, then another policy applies. */
        RETRY
    }

    private static final ErrorPolicy PROPAGATE = new ErrorPolicy(Kind.PROPAGATE, 1, Duration.ZERO, null);
    private static final ErrorPolicy SKIP = new ErrorPolicy(Kind.SKIP, 1, Duration.ZERO, null);
    private static final ErrorPolicy ROUTE = new ErrorPolicy(Kind.ROUTE, 1, Duration.ZERO, null);

    private final Kind kind;
    private final int maxAttempts;
    private final Duration backoff;
    private final ErrorPolicy orElse;

    private ErrorPolicy(Kind kind, int maxAttempts, Duration backoff, ErrorPolicy orElse) {
        this.kind = kind;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.orElse = orElse;
    }

    /**
     * The default: the failure reaches the caller of {@code emit} as a {@link NodeException}.
     *
     * <pre>{@code
     * source.map(x -> 10 / x).onError(ErrorPolicy.propagate());
     * }</pre>
     *
     * @return the propagate policy
     */
    public static ErrorPolicy propagate() {
        return PROPAGATE;
    }

    /**
     * Drops the failed element, counts it, and goes on.
     *
     * <pre>{@code
     * source.map(x -> 10 / x).onError(ErrorPolicy.skip());
     * }</pre>
     *
     * @return the skip policy
     */
    public static ErrorPolicy skip() {
        return SKIP;
    }

    /**
     * Sends a {@link Failure} to the node's {@link Stream#errors()} (or the graph's
     * {@link Stream#allErrors()}) and goes on; with neither, the failure propagates.
     *
     * <pre>{@code
     * Stream<Integer> quotients = source.map(x -> 10 / x).onError(ErrorPolicy.route());
     * quotients.errors().sink(f -> System.out.println(f.element()));
     * }</pre>
     *
     * @return the route policy
     */
    public static ErrorPolicy route() {
        return ROUTE;
    }

    /**
     * Calls an asynchronous node's function again after {@code backoff} (doubled after every
     * failed attempt), up to {@code maxAttempts} calls in all, then propagates (see
     * {@link #orElse}). Synchronous nodes refuse this policy: waiting inside the graph would stall
     * it; as a graph default it applies to asynchronous nodes only, the others use its
     * {@link #orElse} policy.
     *
     * <pre>{@code
     * Stream<String> replies = source.mapAsync(x -> client.get(x))
     *         .onError(ErrorPolicy.retry(3, Duration.ofMillis(100)).orElse(ErrorPolicy.route()));
     * }</pre>
     *
     * @param maxAttempts calls in all, at least 1
     * @param backoff the wait before the second call, positive
     * @return the retry policy
     */
    public static ErrorPolicy retry(int maxAttempts, Duration backoff) {
        Checks.positive(maxAttempts, "retry", "maxAttempts");
        Intervals.positive(backoff, "retry", "backoff");
        return new ErrorPolicy(Kind.RETRY, maxAttempts, backoff, PROPAGATE);
    }

    /**
     * See {@link #retry(int, Duration)}; the backoff as a string such as {@code "100ms"}.
     *
     * <pre>{@code
     * ErrorPolicy p = ErrorPolicy.retry(5, "50ms");
     * }</pre>
     *
     * @param maxAttempts calls in all, at least 1
     * @param backoff the wait before the second call, such as {@code "100ms"}
     * @return the retry policy
     */
    public static ErrorPolicy retry(int maxAttempts, String backoff) {
        return retry(maxAttempts, Intervals.parse(backoff, "retry", "backoff"));
    }

    /**
     * The policy applied once a retry policy's attempts are used up.
     *
     * <pre>{@code
     * ErrorPolicy p = ErrorPolicy.retry(3, "100ms").orElse(ErrorPolicy.skip());
     * }</pre>
     *
     * @param last propagate, skip or route
     * @return a retry policy like this one that ends with {@code last}
     * @throws IllegalStateException if this is not a retry policy
     * @throws IllegalArgumentException if {@code last} is itself a retry policy
     */
    public ErrorPolicy orElse(ErrorPolicy last) {
        Checks.notNull(last, "orElse", "last");
        if (kind != Kind.RETRY) {
            throw new IllegalStateException("orElse: only a retry policy has a policy for after its attempts, this is " + this);
        }
        if (last.kind == Kind.RETRY) {
            throw new IllegalArgumentException("orElse: the last policy must be propagate, skip or route, was " + last);
        }
        return new ErrorPolicy(Kind.RETRY, maxAttempts, backoff, last);
    }

    /**
     * The kind of this policy.
     *
     * <pre>{@code
     * ErrorPolicy.skip().kind();   // SKIP
     * }</pre>
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Calls in all, for a retry policy; 1 for the others.
     *
     * <pre>{@code
     * ErrorPolicy.retry(3, "1s").maxAttempts();   // 3
     * }</pre>
     *
     * @return the number of attempts
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The wait before the second call, for a retry policy; zero for the others.
     *
     * <pre>{@code
     * ErrorPolicy.retry(3, "1s").backoff();   // PT1S
     * }</pre>
     *
     * @return the first backoff
     */
    public Duration backoff() {
        return backoff;
    }

    /**
     * What applies after a retry policy's attempts; this policy itself for the others.
     *
     * <pre>{@code
     * ErrorPolicy.retry(3, "1s").last();   // propagate
     * }</pre>
     *
     * @return the final policy, never a retry policy
     */
    public ErrorPolicy last() {
        return orElse != null ? orElse : this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorPolicy p && p.kind == kind && p.maxAttempts == maxAttempts
                && p.backoff.equals(backoff) && Objects.equals(p.orElse, orElse);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, maxAttempts, backoff, orElse);
    }

    /** {@code propagate}, {@code skip}, {@code route} or {@code retry(3, 100ms) then route}. */
    @Override
    public String toString() {
        if (kind != Kind.RETRY) {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
        return "retry(" + maxAttempts + ", " + Intervals.format(backoff) + ") then " + orElse;
    }
}
