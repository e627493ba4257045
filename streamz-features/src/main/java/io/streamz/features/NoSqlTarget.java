package io.streamz.features;

import io.streamz.ErrorPolicy;
import io.streamz.Signal;
import io.streamz.Stream;
import io.streamz.internal.SignalsAfterWork;
import io.streamz.internal.time.TimerNode;
import io.streamz.internal.util.Refs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import reactor.core.Disposable;
import reactor.util.annotation.Nullable;

/**
 * Implements {@link Flows#noSqlTarget(Stream, Table, List, NoSqlOptions)} as storey's
 * {@code NoSqlTarget} over a {@code Table} with {@code flush_interval_secs} and
 * {@code max_updates_in_flight}: per key, the rows of its events are merged into one change;
 * at most one write per key and {@code maxUpdatesInFlight} writes in all run at a time, on the
 * options' writer. Without an interval an event's key is written at once and the event goes on
 * after the write; with one, the event goes on at once and its refs are held until the write that
 * holds its change is done. The end of the input writes everything, then goes on.
 *
 * <p>A failed write is retried under {@code ErrorPolicy.retry} with the same merged row (the key
 * stays being written meanwhile, so its later changes wait, merged, for the next write); then
 * skipped or routed per event, refs released; under propagate, a timed write keeps its change
 * (and the refs) for the next interval and the end fails, an untimed write fails its events.
 */
final class NoSqlTarget extends TimerNode<Event<Map<String, Object>>, Event<Map<String, Object>>> {
    private final Table table;
    private final TargetColumns columns;
    private final NoSqlOptions options;
    private final boolean timed;
    private final SignalsAfterWork signals = new SignalsAfterWork();
    /** Changes not written yet, per key, in arrival order of their keys. */
    private final Map<String, Change> changed = new LinkedHashMap<>();
    /** Keys whose change is to be written as soon as a slot is free. */
    private final Set<String> due = new LinkedHashSet<>();
    private final Set<String> writing = new HashSet<>();
    private long held;
    @Nullable
    private Disposable timer;
    @Nullable
    private CompletableFuture<Object> end;
    @Nullable
    private Throwable endFailure;

    /** A key's merged row, with the events it holds (and, without an interval, what they wait on). */
    private static final class Change {
        final Map<String, Object> row = new LinkedHashMap<>();
        final List<Event<Map<String, Object>>> events = new ArrayList<>();
        final List<List<Map<String, Object>>> metadata = new ArrayList<>();
        final List<CompletableFuture<Object>> done = new ArrayList<>();

        void add(Change later) {
            row.putAll(later.row);
            events.addAll(later.events);
            metadata.addAll(later.metadata);
            done.addAll(later.done);
        }
    }

    NoSqlTarget(Stream<? extends Event<Map<String, Object>>> events, Table table, TargetColumns columns,
            NoSqlOptions options) {
        super(events, "noSqlTarget", options.scheduler());
        this.table = table;
        this.columns = columns;
        this.options = options;
        this.timed = options.flushInterval() != null;
    }

    @Override
    protected String describeParams() {
        return "table=" + table + ", columns=" + columns + ", " + options;
    }

    @Override
    protected CompletableFuture<?> accept(Event<Map<String, Object>> e, Stream<?> who,
            List<Map<String, Object>> metadata) {
        String key;
        Map<String, Object> row;
        try {
            if (e.key() == null) {
                throw new IllegalArgumentException("noSqlTarget: the event has no key");
            }
            key = Table.keyOf(e.key());
            row = columns.row(e, false);
        } catch (RuntimeException ex) {
            return fail(ex, e, metadata);
        }
        Change c = changed.computeIfAbsent(key, k -> new Change());
        c.row.putAll(row);
        c.events.add(e);
        held++;
        if (timed) {
            Refs.retain(metadata);
            c.metadata.add(metadata);
            if (timer == null) {
                timer = later(options.flushInterval().toNanos(), this::tick);
            }
            return emitDownstream(e, metadata);
        }
        c.metadata.add(metadata);
        CompletableFuture<Object> done = new CompletableFuture<>();
        c.done.add(done);
        signals.accepted(done);
        due.add(key);
        startWrites();
        if (!done.isDone()) {
            return done;
        }
        try {   // written at once (an immediate writer): a failure reaches emit directly
            done.join();
            return null;
        } catch (CompletionException ex) {
            throw ex.getCause() instanceof RuntimeException r ? r : ex;
        }
    }

    private void tick() {
        timer = null;
        due.addAll(changed.keySet());
        startWrites();
    }

    /** Starts the due writes that have a slot and whose key is not being written. */
    private void startWrites() {
        for (String key : new ArrayList<>(due)) {
            if (writing.size() >= options.maxUpdatesInFlight()) {
                return;
            }
            if (writing.contains(key)) {
                continue;
            }
            due.remove(key);
            Change c = changed.remove(key);
            if (c == null) {
                continue;
            }
            writing.add(key);
            write(key, c, new LinkedHashMap<>(c.row), 1);
        }
    }

    /** Attempt {@code attempt} to write a key's merged {@code row}; a retry sends the same row again. */
    private void write(String key, Change c, Map<String, Object> row, int attempt) {
        options.writer().schedule(() -> {
            Throwable failure = null;
            try {
                table.update(key, row);
            } catch (RuntimeException | Error ex) {
                failure = ex;
            }
            Throwable f = failure;
            enterGraph(() -> written(key, c, row, attempt, f));
        });
    }

    private CompletableFuture<?> written(String key, Change c, Map<String, Object> row, int attempt,
            @Nullable Throwable failure) {
        if (failure != null && retryLater(attempt, options.scheduler(), () -> write(key, c, row, attempt + 1))) {
            return null;   // the key stays in writing: its later changes wait, merged, for this row
        }
        writing.remove(key);
        CompletableFuture<?> pending = null;
        if (!timed) {
            held -= c.events.size();
            for (int i = 0; i < c.events.size(); i++) {
                CompletableFuture<?> p;
                try {
                    p = failure == null ? emitDownstream(c.events.get(i), c.metadata.get(i))
                            : fail(failure, c.events.get(i), c.metadata.get(i), attempt);
                } catch (RuntimeException | Error ex) {
                    c.done.get(i).completeExceptionally(ex);
                    continue;
                }
                complete(c.done.get(i), p);
            }
            pending = signals.workDone(this::forwardSignal);
        } else if (failure == null) {
            held -= c.events.size();
            c.metadata.forEach(Refs::release);
        } else if (errorPolicy().last().kind() == ErrorPolicy.Kind.PROPAGATE) {
            keep(key, c, failure);
        } else {
            held -= c.events.size();
            giveUp(c, failure, attempt);
        }
        startWrites();
        endIfWritten();
        return pending;
    }

    /** Keeps a failed change, older than what came meanwhile, for the next interval. */
    private void keep(String key, Change c, Throwable failure) {
        Change later = changed.remove(key);
        if (later != null) {
            c.add(later);
        }
        changed.put(key, c);
        if (end != null) {
            endFailure = endFailure == null ? failure : endFailure;
        } else {
            unhandled(new IllegalStateException(this + ": writing key " + key + " failed: " + failure, failure));
            if (timer == null) {
                timer = later(options.flushInterval().toNanos(), this::tick);
            }
        }
    }

    /** Skips or routes each event of a change that could not be written, then lets its refs go. */
    private void giveUp(Change c, Throwable failure, int attempts) {
        for (int i = 0; i < c.events.size(); i++) {
            List<Map<String, Object>> md = c.metadata.get(i);
            CompletableFuture<?> routed;
            try {
                routed = fail(failure, c.events.get(i), md, attempts);
            } catch (RuntimeException | Error ex) {   // route() with no errors stream: counted, logged
                unhandled(ex);
                routed = null;
            }
            if (routed == null) {
                Refs.release(md);
            } else {   // a dead letter's own work holds the refs
                routed.whenComplete((r, e) -> Refs.release(md));
            }
        }
    }

    private static void complete(CompletableFuture<Object> done, @Nullable CompletableFuture<?> pending) {
        if (pending == null) {
            done.complete(null);
            return;
        }
        pending.whenComplete((r, e) -> {
            if (e != null) {
                done.completeExceptionally(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            } else {
                done.complete(null);
            }
        });
    }

    @Override
    protected CompletableFuture<?> onSignal(Signal signal, Stream<?> who) {
        if (!timed) {
            return signals.signal(signal, who, this::forwardSignal,
                    () -> enterGraph(() -> signals.workDone(this::forwardSignal)));
        }
        if (!(signal instanceof Signal.End) || end != null) {
            return forwardSignal(signal, who);
        }
        if (timer != null) {
            timer.dispose();
            timer = null;
        }
        end = new CompletableFuture<>();
        CompletableFuture<Object> result = end;
        due.addAll(changed.keySet());
        startWrites();
        endIfWritten();
        return result.thenCompose(none -> enterGraph(() -> forwardSignal(signal, who)));
    }

    /** With an interval, once the end's writes are all done: the end goes on, or fails. */
    private void endIfWritten() {
        if (!timed || end == null || end.isDone() || !writing.isEmpty() || (!due.isEmpty() && endFailure == null)) {
            return;
        }
        if (endFailure != null) {
            end.completeExceptionally(new IllegalStateException(
                    this + ": writing at the end of the input failed: " + endFailure, endFailure));
        } else {
            end.complete(null);
        }
    }

    /** A failed write may be retried ({@code ErrorPolicy.retry}), on the options' scheduler. */
    @Override
    protected boolean retries() {
        return true;
    }

    @Override
    protected long heldCount() {
        return held;
    }

    @Override
    protected long queuedCount() {
        return due.size();
    }

    @Override
    public void destroy() {
        super.destroy();
        enterGraph(() -> {
            if (timer != null) {
                timer.dispose();
                timer = null;
            }
            if (timed) {
                changed.values().forEach(c -> c.metadata.forEach(Refs::release));
            }
            changed.clear();
            due.clear();
            held = 0;
            return null;
        });
    }
}
