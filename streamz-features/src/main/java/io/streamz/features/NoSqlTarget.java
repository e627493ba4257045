package io.streamz.features;

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
 * holds its change is done. A failed timed write keeps its change (and the refs) for the next
 * interval; the end of the input writes everything, then goes on.
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
            Map<String, Object> row = new LinkedHashMap<>(c.row);
            options.writer().schedule(() -> {
                Throwable failure = null;
                try {
                    table.update(key, row);
                } catch (RuntimeException | Error ex) {
                    failure = ex;
                }
                Throwable f = failure;
                enterGraph(() -> written(key, c, f));
            });
        }
    }

    private CompletableFuture<?> written(String key, Change c, @Nullable Throwable failure) {
        writing.remove(key);
        CompletableFuture<?> pending = null;
        if (timed) {
            if (failure == null) {
                held -= c.events.size();
                c.metadata.forEach(Refs::release);
            } else {   // keep the change, older than what came meanwhile, for the next interval
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
        } else {
            held -= c.events.size();
            for (int i = 0; i < c.events.size(); i++) {
                Event<Map<String, Object>> e = c.events.get(i);
                List<Map<String, Object>> md = c.metadata.get(i);
                CompletableFuture<Object> done = c.done.get(i);
                CompletableFuture<?> p;
                try {
                    p = failure == null ? emitDownstream(e, md) : fail(failure, e, md);
                } catch (RuntimeException | Error ex) {
                    done.completeExceptionally(ex);
                    continue;
                }
                complete(done, p);
            }
            pending = signals.workDone(this::forwardSignal);
        }
        startWrites();
        endIfWritten();
        return pending;
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
