package io.streamz.features;

import io.streamz.Stream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.annotation.Nullable;

/**
 * Emits events into a flow, and ends it (storey {@code FlowController} and
 * {@code AsyncFlowController}): {@code emit(body, key, time)} wraps the body in an {@link Event};
 * when the flow has a {@link Flows#complete} step, the returned {@link AwaitableResult} is the
 * response to that request.
 *
 * <pre>{@code
 * Stream<Event<Map<String, Object>>> source = Stream.create();
 * FlowController<Map<String, Object>> controller = FlowController.of(source);
 * Flows.complete(Flows.extend(source, body -> Map.of("doubled", 2 * (Integer) body.get("x"))));
 * controller.emit(Map.of("x", 21), "k", null).await(Duration.ofSeconds(1));   // {x=21, doubled=42}
 * controller.terminate();
 * }</pre>
 *
 * <p><b>Time:</b> an event emitted without a time gets the scheduler's current time
 * ({@code Schedulers.parallel()} unless given), as storey gives it the current UTC time.
 *
 * <p><b>Blocks:</b> {@code emit} runs the graph on the calling thread, as {@code Stream.emit}
 * does; {@code emitAsync} returns at once with a future of the response.
 *
 * @param <T> the body type
 */
public final class FlowController<T> {
    private final Stream<Event<T>> source;
    private final Scheduler clock;
    private final Supplier<?> terminationResult;
    private final CompletableFuture<Object> termination = new CompletableFuture<>();

    private FlowController(Stream<Event<T>> source, Scheduler clock, Supplier<?> terminationResult) {
        this.source = source;
        this.clock = clock;
        this.terminationResult = terminationResult;
    }

    /**
     * A controller of the flow that starts at {@code source}.
     *
     * @param <T> the body type
     * @param source the flow's entry point, e.g. {@code Stream.create()}
     * @return the controller
     * @throws NullPointerException if {@code source} is {@code null}
     */
    public static <T> FlowController<T> of(Stream<Event<T>> source) {
        return of(source, Schedulers.parallel(), () -> null);
    }

    /**
     * A controller whose events without a time get {@code clock}'s time, and whose
     * {@link #awaitTermination()} answers {@code terminationResult} (storey returns the result of
     * the flow's {@code Reduce}: pass, say, the list a {@code sinkToList()} fills).
     *
     * @param <T> the body type
     * @param source the flow's entry point
     * @param clock the clock of the default event time
     * @param terminationResult what {@link #awaitTermination()} answers
     * @return the controller
     * @throws NullPointerException if an argument is {@code null}
     */
    public static <T> FlowController<T> of(Stream<Event<T>> source, Scheduler clock, Supplier<?> terminationResult) {
        if (source == null || clock == null || terminationResult == null) {
            throw new NullPointerException("FlowController: " + (source == null ? "source"
                    : clock == null ? "clock" : "terminationResult") + " is null");
        }
        return new FlowController<>(source, clock, terminationResult);
    }

    /**
     * Emits {@code body} without a key, at the current time.
     *
     * @param body the payload
     * @return the response, completed by the flow's {@code complete} step, or with {@code null}
     *         when the flow has none
     * @throws IllegalStateException after {@link #terminate()}
     */
    public AwaitableResult<Object> emit(@Nullable T body) {
        return emit(body, null, null);
    }

    /**
     * Emits {@code body} with {@code key} at {@code time}.
     *
     * @param body the payload
     * @param key the key, or a {@code List} of several; {@code null} for none
     * @param time the event time; {@code null} for the current time
     * @return the response, completed by the flow's {@code complete} step, or with {@code null}
     *         when the flow has none
     * @throws IllegalStateException after {@link #terminate()}
     * @throws io.streamz.NodeException if a step fails on the event (the result fails too)
     */
    public AwaitableResult<Object> emit(@Nullable T body, @Nullable Object key, @Nullable Instant time) {
        return emit(Event.of(body, key, time), 1);
    }

    /**
     * Emits an event as it is, expecting {@code expectedResults} arrivals at complete steps (for
     * flows that branch into several, storey's {@code expected_number_of_results}).
     *
     * @param event the event; one without a time gets the current time
     * @param expectedResults how many times the event must pass a complete step, at least 1
     * @return the response
     * @throws IllegalStateException after {@link #terminate()}
     */
    public AwaitableResult<Object> emit(Event<T> event, int expectedResults) {
        AwaitableResult<Object> result = new AwaitableResult<>(expectedResults);
        Event<T> e = prepare(event, result);
        try {
            source.emit(e);
        } catch (RuntimeException ex) {
            result.fail(ex);
            throw ex;
        }
        if (!completes()) {
            result.arrive(null);
        }
        return result;
    }

    /**
     * Emits {@code body} with {@code key} at {@code time} without waiting for the graph, for
     * asynchronous callers (storey {@code AsyncFlowController.emit}).
     *
     * @param body the payload
     * @param key the key, or {@code null}
     * @param time the event time, or {@code null} for the current time
     * @return a future of the response ({@code null} when the flow has no complete step)
     * @throws IllegalStateException after {@link #terminate()}
     */
    public CompletableFuture<Object> emitAsync(@Nullable T body, @Nullable Object key, @Nullable Instant time) {
        AwaitableResult<Object> result = new AwaitableResult<>(1);
        boolean completes = completes();
        return source.emitAsync(prepare(Event.of(body, key, time), result)).thenCompose(done -> {
            if (!completes) {
                result.arrive(null);
            }
            return result.future();
        });
    }

    /** Ends the flow: later emits fail, and {@link #awaitTermination()} returns. */
    public void terminate() {
        termination.complete(null);
    }

    /**
     * Waits for {@link #terminate()}, then answers the termination result.
     *
     * @return what the {@code terminationResult} given to {@link #of(Stream, Scheduler, Supplier)}
     *         supplies, or {@code null}
     */
    public Object awaitTermination() {
        termination.join();
        return terminationResult.get();
    }

    private Event<T> prepare(Event<T> event, AwaitableResult<Object> result) {
        if (event == null) {
            throw new NullPointerException("FlowController.emit: event is null");
        }
        if (termination.isDone()) {
            throw new IllegalStateException("FlowController: the flow was terminated; emit before terminate()");
        }
        Event<T> e = event.withAwaitable(result);
        return e.time() != null ? e : e.withTime(Instant.ofEpochMilli(clock.now(TimeUnit.MILLISECONDS)));
    }

    /** Whether a complete step is downstream of the source. */
    private boolean completes() {
        Deque<Stream<?>> todo = new ArrayDeque<>(source.downstreams());
        Set<Stream<?>> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Stream<?> s = todo.pop();
            if (!seen.add(s)) {
                continue;
            }
            if (s instanceof CompleteNode) {
                return true;
            }
            todo.addAll(s.downstreams());
        }
        return false;
    }

    @Override
    public String toString() {
        return "FlowController(" + source + (termination.isDone() ? ", terminated" : "") + ")";
    }

}
