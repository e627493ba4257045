package io.streamz.features;

import io.streamz.Source;
import io.streamz.Stream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
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
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private boolean terminated;

    private FlowController(Stream<Event<T>> source, Scheduler clock) {
        this.source = source;
        this.clock = clock;
        if (source instanceof Source) {
            ((Source<?>) source).completion().whenComplete(this::end);   // a bounded input ends by itself
        }
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
        return of(source, Schedulers.parallel());
    }

    /**
     * A controller whose events without a time get {@code clock}'s time.
     *
     * <pre>{@code
     * FlowController<Map<String, Object>> controller = FlowController.of(source, VirtualTimeScheduler.create());
     * }</pre>
     *
     * @param <T> the body type
     * @param source the flow's entry point; when it is a {@link Source}, the flow also terminates
     *        when its input ends
     * @param clock the clock of the default event time
     * @return the controller
     * @throws NullPointerException if an argument is {@code null}
     */
    public static <T> FlowController<T> of(Stream<Event<T>> source, Scheduler clock) {
        if (source == null || clock == null) {
            throw new NullPointerException("FlowController: " + (source == null ? "source" : "clock") + " is null");
        }
        return new FlowController<>(source, clock);
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

    /**
     * Ends the flow: sends the end of the input through it (windows flush, {@link Reduce}s take
     * their final value, {@link Assert}s check), and makes later emits fail. Returns at once;
     * {@link #awaitTermination()} waits for the end to have gone through. Calling it again does
     * nothing.
     */
    public void terminate() {
        synchronized (this) {
            if (terminated) {
                return;
            }
            terminated = true;
        }
        CompletableFuture<Void> end;
        try {
            end = source.emitEnd();
        } catch (RuntimeException | Error e) {
            ended.completeExceptionally(e);
            return;
        }
        end.whenComplete(this::end);
    }

    /**
     * Waits for the end of the input to have gone through the flow ({@link #terminate()}, or a
     * {@link Source} whose input ended), then answers the termination result (storey's
     * {@code await_termination}).
     *
     * @return the result of the first {@link Reduce} downstream of the source whose result is not
     *         {@code null} (depth first, in the order the steps were attached, as storey combines
     *         its outlets' results), or {@code null}
     * @throws RuntimeException or {@link AssertionError}: what failed while the end went through,
     *         such as a failed {@link Assert} check
     */
    public Object awaitTermination() {
        try {
            return termination().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            throw e;
        }
    }

    /**
     * {@link #awaitTermination()} without waiting (storey {@code AsyncFlowController.await_termination}).
     *
     * <pre>{@code
     * controller.termination().thenAccept(result -> System.out.println("done: " + result));
     * }</pre>
     *
     * @return a future of the termination result, failed with what failed while the end went through
     */
    public CompletableFuture<Object> termination() {
        return ended.thenApply(done -> terminationResult());
    }

    private void end(Object result, Throwable failure) {
        if (failure == null) {
            ended.complete(null);
        } else {
            ended.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure);
        }
    }

    /** The first non-null result of a {@link Reduce} downstream, depth first. */
    private Object terminationResult() {
        Deque<Stream<?>> todo = new ArrayDeque<>(List.of(source));
        Set<Stream<?>> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Stream<?> s = todo.pop();
            if (!seen.add(s)) {
                continue;
            }
            Object result = s instanceof Reduce ? ((Reduce<?, ?>) s).result() : null;
            if (result != null) {
                return result;
            }
            List<Stream<?>> next = new ArrayList<>(s.downstreams());
            Collections.reverse(next);
            next.forEach(todo::push);
        }
        return null;
    }

    private Event<T> prepare(Event<T> event, AwaitableResult<Object> result) {
        if (event == null) {
            throw new NullPointerException("FlowController.emit: event is null");
        }
        if (isTerminated()) {
            throw new IllegalStateException("FlowController: the flow was terminated; emit before terminate()");
        }
        Event<T> e = event.withAwaitable(result);
        return e.time() != null ? e : e.withTime(Instant.ofEpochMilli(clock.now(TimeUnit.MILLISECONDS)));
    }

    private synchronized boolean isTerminated() {
        return terminated || ended.isDone();
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
        return "FlowController(" + source + (isTerminated() ? ", terminated" : "") + ")";
    }

}
