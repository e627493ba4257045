package io.streamz.features;

import io.streamz.Signal;
import io.streamz.Stream;
import io.streamz.internal.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Checks the elements that pass, for tests of a flow (storey {@code Assert}): each element as it
 * passes ({@link #eachEvent}), and the count or the collection of all of them at the end of the
 * input. Elements pass on unchanged. Built with {@link Flows#assertEvents(Stream)}; each check
 * returns this node, so checks chain as in storey.
 *
 * <pre>{@code
 * Stream<Integer> source = Stream.create();
 * Flows.assertEvents(source).eachEvent(x -> x >= 0).exactly(3).containsAllOf(List.of(1, 2));
 * source.emit(1);
 * source.emit(2);
 * source.emit(3);
 * source.emitEnd();   // completes normally: every check holds
 * }</pre>
 *
 * <p>An element that fails {@link #eachEvent} fails as an {@link AssertionError} through the
 * node's error policy (a {@code NodeException} naming this node, by default). A check on all the
 * elements that fails at the end completes the future of the end ({@code emitEnd()},
 * {@code Source.completion()}, {@link FlowController#awaitTermination()}) with an
 * {@link AssertionError}, after the end has gone on downstream.
 *
 * <p><b>Metadata:</b> passed on with each element; nothing is retained. The collection checks
 * keep the elements themselves until the end.
 *
 * @param <T> the element type
 */
public final class Assert<T> extends Node<T, T> {
    private final List<Predicate<? super T>> eachEvent = new ArrayList<>();
    private final List<AtEnd> atEnd = new ArrayList<>();
    private final List<T> seen = new ArrayList<>();
    private boolean keepSeen;
    private long count;

    /** A check of all the elements: what is expected, and whether the elements meet it. */
    private record AtEnd(String expected, Predicate<List<?>> holds, boolean onCount) {
    }

    Assert(Stream<? extends T> upstream) {
        super(upstream, "assertEvents");
    }

    /**
     * Checks every element as it passes (storey {@code each_event}).
     *
     * @param predicate what each element must meet
     * @return this node
     * @throws NullPointerException if {@code predicate} is {@code null}
     */
    public Assert<T> eachEvent(Predicate<? super T> predicate) {
        eachEvent.add(Flows.notNull(predicate, "assertEvents", "predicate"));
        return this;
    }

    /**
     * Checks at the end that exactly {@code n} elements passed (storey {@code exactly}).
     *
     * @param n the expected count
     * @return this node
     */
    public Assert<T> exactly(long n) {
        return count("the event count == " + n, c -> c == n);
    }

    /**
     * Checks at the end that more than {@code n} elements passed (storey {@code greater_than}).
     *
     * @param n the count to exceed
     * @return this node
     */
    public Assert<T> greaterThan(long n) {
        return count("the event count > " + n, c -> c > n);
    }

    /**
     * Checks at the end that at least {@code n} elements passed (storey {@code greater_or_equal_to}).
     *
     * @param n the smallest count allowed
     * @return this node
     */
    public Assert<T> greaterOrEqualTo(long n) {
        return count("the event count >= " + n, c -> c >= n);
    }

    /**
     * Checks at the end that fewer than {@code n} elements passed (storey {@code less_than}).
     *
     * @param n the count to stay under
     * @return this node
     */
    public Assert<T> lessThan(long n) {
        return count("the event count < " + n, c -> c < n);
    }

    /**
     * Checks at the end that at most {@code n} elements passed (storey {@code less_or_equal_to}).
     *
     * @param n the largest count allowed
     * @return this node
     */
    public Assert<T> lessOrEqualTo(long n) {
        return count("the event count <= " + n, c -> c <= n);
    }

    /**
     * Checks at the end that the elements are the expected ones, in any order: each expected one
     * passed, and each one that passed is expected (storey {@code match_exactly}).
     *
     * @param expected the elements
     * @return this node
     * @throws NullPointerException if {@code expected} is {@code null}
     */
    public Assert<T> matchExactly(Collection<?> expected) {
        List<?> e = copy(expected);
        return collection("the events to be exactly " + e + " (in any order)", seen -> seen.size() == e.size() && seen.containsAll(e) && e.containsAll(seen));
    }

    /**
     * Checks at the end that every expected element passed (storey {@code contains_all_of}).
     *
     * @param expected the elements
     * @return this node
     * @throws NullPointerException if {@code expected} is {@code null}
     */
    public Assert<T> containsAllOf(Collection<?> expected) {
        List<?> e = copy(expected);
        return collection("the events to include all of " + e, seen -> seen.containsAll(e));
    }

    /**
     * Checks at the end that some expected element passed (storey {@code contains_any_of}).
     *
     * @param expected the elements
     * @return this node
     * @throws NullPointerException if {@code expected} is {@code null}
     */
    public Assert<T> containsAnyOf(Collection<?> expected) {
        List<?> e = copy(expected);
        return collection("the events to include any of " + e, seen -> e.stream().anyMatch(seen::contains));
    }

    /**
     * Checks at the end that no expected element passed (storey {@code contains_none_of}).
     *
     * @param expected the elements
     * @return this node
     * @throws NullPointerException if {@code expected} is {@code null}
     */
    public Assert<T> containsNoneOf(Collection<?> expected) {
        List<?> e = copy(expected);
        return collection("the events to include none of " + e, seen -> e.stream().noneMatch(seen::contains));
    }

    private Assert<T> count(String expected, java.util.function.LongPredicate holds) {
        atEnd.add(new AtEnd(expected, seen -> holds.test(count), true));
        return this;
    }

    private Assert<T> collection(String expected, Predicate<List<?>> holds) {
        keepSeen = true;
        atEnd.add(new AtEnd(expected, holds, false));
        return this;
    }

    private static List<?> copy(Collection<?> expected) {
        return new ArrayList<>(Flows.notNull(expected, "assertEvents", "expected"));
    }

    @Override
    protected CompletableFuture<?> accept(T x, Stream<?> who, List<Map<String, Object>> metadata) {
        for (Predicate<? super T> p : eachEvent) {
            boolean holds;
            try {
                holds = p.test(x);
            } catch (RuntimeException e) {
                return fail(e, x, metadata);
            }
            if (!holds) {
                return fail(new AssertionError("assertEvents: expected each event to meet the predicate, \""
                        + x + "\" did not"), x, metadata);
            }
        }
        count++;
        if (keepSeen) {
            seen.add(x);
        }
        return emitDownstream(x, metadata);
    }

    @Override
    protected CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
        CompletableFuture<?> pending = forwardSignal(signal, who);
        if (!(signal instanceof Signal.End)) {
            return pending;
        }
        for (AtEnd check : atEnd) {
            if (!check.holds().test(seen)) {
                String actual = check.onCount() ? count + " events" : String.valueOf(seen);
                AssertionError failure = new AssertionError("assertEvents: expected " + check.expected() + ", got "
                        + actual);
                return both(pending, CompletableFuture.failedFuture(failure));
            }
        }
        return pending;
    }

    @Override
    protected String describeParams() {
        return "checks=" + (eachEvent.size() + atEnd.size());
    }
}
