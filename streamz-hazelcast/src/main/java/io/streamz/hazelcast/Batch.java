package io.streamz.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import io.streamz.distributed.SerializableBiFunction;
import io.streamz.distributed.SerializableFunction;
import io.streamz.distributed.SerializablePredicate;
import io.streamz.distributed.Task;
import io.streamz.distributed.internal.Tasks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Tasks sent to one member in one call: the tasks that queued for the member while its earlier
 * batches ran. One call per batch instead of one per task is what keeps a task's overhead low
 * (as Dask batches its messages); each task's result or exception comes back on its own, with
 * the member's number of task threads (the engine keeps one call more in flight), the time the
 * batch's tasks ran and the time the member had had no batch to run before it started.
 *
 * <p>A task of a distributed node (a function and its element) travels as the function's id and
 * the element: the function itself goes to a member once, with the first batch that needs it
 * there, and the member keeps it in a registry of its own ({@link Functions}). A member that does
 * not know an id (it joined, or was restarted, after the function was sent; or its registry was
 * emptied) answers {@link Outcome#missing()} for that task, and the engine sends the task again
 * with the function. The batch and its outcomes are written with Hazelcast's
 * {@link DataSerializable} (elements and results with Hazelcast's serialisers, which write common
 * types without Java serialisation); only a function, and a task of another kind, use Java
 * serialisation.
 */
final class Batch implements Callable<Batch.Outcomes>, DataSerializable, HazelcastInstanceAware {
    private static final byte TASK = 0;
    private static final byte APPLY = 1;
    private static final byte APPLY2 = 2;
    private static final byte TEST = 3;
    private static final String THREADS_KEY = "io.streamz.hazelcast.threads";

    private UUID engine;
    private List<Call> calls;
    private List<Function> functions;
    private transient HazelcastInstance member;

    /** For Hazelcast's deserialisation. */
    public Batch() {
    }

    /**
     * @param engine the engine the function ids are of
     * @param calls the tasks
     * @param functions the functions the member is sent with this batch
     */
    Batch(UUID engine, List<Call> calls, List<Function> functions) {
        this.engine = engine;
        this.calls = calls;
        this.functions = functions;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcast) {
        this.member = hazelcast;
    }

    @Override
    public Outcomes call() {
        Idle idle = Idle.of(member);
        long waited = idle.start();
        try {
            Map<Key, Object> known = Functions.of(member);
            for (Function f : functions) {
                Functions.put(known, new Key(engine, f.id()), f.function());
            }
            List<Outcome> out = new ArrayList<>(calls.size());
            long busy = 0;
            for (Call c : calls) {
                Object f = c.kind() == TASK ? null : known.get(new Key(engine, c.function()));
                if (c.kind() != TASK && f == null) {
                    out.add(Outcome.missing());
                } else {
                    long start = System.nanoTime();
                    out.add(run(c.task(f)));
                    busy += System.nanoTime() - start;
                }
            }
            return new Outcomes(out, threads(member), busy, waited);
        } finally {
            idle.end();
        }
    }

    /** How many tasks the member runs at once: its executor's threads (looked up once). */
    static int threads(HazelcastInstance member) {
        return (Integer) member.getUserContext().computeIfAbsent(THREADS_KEY,
                k -> member.getConfig().getExecutorConfig(HazelcastEngine.EXECUTOR).getPoolSize());
    }

    /** Runs one task: its result, or what it threw. */
    static Outcome run(Task<?> t) {
        try {
            return new Outcome(Outcome.VALUE, t.call());
        } catch (Exception | LinkageError | StackOverflowError e) {
            return new Outcome(Outcome.ERROR, e);
        }
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(engine.getMostSignificantBits());
        out.writeLong(engine.getLeastSignificantBits());
        out.writeInt(functions.size());
        for (Function f : functions) {
            out.writeLong(f.id());
            out.writeObject(f.function());
        }
        out.writeInt(calls.size());
        for (Call c : calls) {
            out.writeByte(c.kind());
            if (c.kind() == TASK) {
                out.writeObject(c.a());
            } else {
                out.writeLong(c.function());
                out.writeObject(c.a());
                if (c.kind() == APPLY2) {
                    out.writeObject(c.b());
                }
            }
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        engine = new UUID(in.readLong(), in.readLong());
        int n = in.readInt();
        functions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            functions.add(new Function(in.readLong(), in.readObject()));
        }
        int m = in.readInt();
        calls = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            byte kind = in.readByte();
            if (kind == TASK) {
                calls.add(new Call(kind, 0, in.readObject(), null));
            } else {
                long function = in.readLong();
                Object a = in.readObject();
                calls.add(new Call(kind, function, a, kind == APPLY2 ? in.readObject() : null));
            }
        }
    }

    /**
     * One task as it travels: a function's id and its element(s), or a whole task of another kind.
     *
     * @param kind {@link #TASK}, {@link #APPLY}, {@link #APPLY2} or {@link #TEST}
     * @param function the function's id, unless a whole task
     * @param a the element, the first of two, or the whole task
     * @param b the second element of two, else {@code null}
     */
    record Call(byte kind, long function, Object a, Object b) {
        /** How {@code task} travels; {@code ids} numbers its function (the same one each time). */
        static Call of(Task<?> task, java.util.function.ToLongFunction<Object> ids) {
            if (task instanceof Tasks.Apply<?, ?> t) {
                return new Call(APPLY, ids.applyAsLong(t.func()), t.x(), null);
            }
            if (task instanceof Tasks.Apply2<?, ?, ?> t) {
                return new Call(APPLY2, ids.applyAsLong(t.func()), t.a(), t.b());
            }
            if (task instanceof Tasks.Test<?> t) {
                return new Call(TEST, ids.applyAsLong(t.predicate()), t.x(), null);
            }
            return new Call(TASK, 0, task, null);
        }

        /** Whether this task refers to a function by id. */
        boolean byId() {
            return kind != TASK;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        Task<?> task(Object f) {
            return switch (kind) {
                case APPLY -> new Tasks.Apply<>((SerializableFunction) f, a);
                case APPLY2 -> new Tasks.Apply2<>((SerializableBiFunction) f, a, b);
                case TEST -> new Tasks.Test<>((SerializablePredicate) f, a);
                default -> (Task<?>) a;
            };
        }
    }

    /** A function sent with a batch, and its id. */
    record Function(long id, Object function) {
    }

    /** A function's key in a member's registry: the engine that numbered it and its number. */
    record Key(UUID engine, long id) {
    }

    /**
     * The functions a member was sent, kept in its user context. The registry is bounded: when
     * full it is emptied, and the engines send the functions again as the members ask for them.
     */
    static final class Functions {
        static final String USER_CONTEXT_KEY = "io.streamz.hazelcast.functions";
        static final int MAX = 10_000;

        private Functions() {
        }

        @SuppressWarnings("unchecked")
        static ConcurrentMap<Key, Object> of(HazelcastInstance member) {
            return (ConcurrentMap<Key, Object>) member.getUserContext()
                    .computeIfAbsent(USER_CONTEXT_KEY, k -> new ConcurrentHashMap<Key, Object>());
        }

        static void put(Map<Key, Object> known, Key key, Object function) {
            if (known.size() >= MAX && !known.containsKey(key)) {
                known.clear();
            }
            known.put(key, function);
        }
    }

    /** When a member has run no batch since, kept in its user context: how long it waited for work. */
    static final class Idle {
        private static final String USER_CONTEXT_KEY = "io.streamz.hazelcast.idle";
        private int running;
        private long since;

        static Idle of(HazelcastInstance member) {
            return (Idle) member.getUserContext().computeIfAbsent(USER_CONTEXT_KEY, k -> new Idle());
        }

        /** A batch starts: how long the member had run none (0 if others run, or for its first). */
        synchronized long start() {
            long waited = running == 0 && since != 0 ? System.nanoTime() - since : 0;
            running++;
            return waited;
        }

        synchronized void end() {
            if (--running == 0) {
                since = System.nanoTime();
            }
        }
    }

    /**
     * The outcomes of a batch's tasks, in its order, with what the engine learns from them: how
     * many tasks the member runs at once, how long the batch's tasks ran there, and how long the
     * member had run no batch at all before this one started.
     */
    static final class Outcomes implements DataSerializable {
        private List<Outcome> list;
        private int threads;
        private long busyNanos;
        private long waitedNanos;

        /** For Hazelcast's deserialisation. */
        public Outcomes() {
        }

        Outcomes(List<Outcome> list, int threads, long busyNanos, long waitedNanos) {
            this.list = list;
            this.threads = threads;
            this.busyNanos = busyNanos;
            this.waitedNanos = waitedNanos;
        }

        List<Outcome> list() {
            return list;
        }

        /** The member's task threads. */
        int threads() {
            return threads;
        }

        /** The time the batch's tasks ran on the member, all together. */
        long busyNanos() {
            return busyNanos;
        }

        /**
         * How long the member had run no batch when this one started (0 if others ran, or for its
         * first): the time it had nothing to run.
         */
        long waitedNanos() {
            return waitedNanos;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeInt(threads);
            out.writeLong(busyNanos);
            out.writeLong(waitedNanos);
            out.writeInt(list.size());
            for (Outcome o : list) {
                out.writeByte(o.kind());
                if (o.kind() != Outcome.MISSING) {
                    out.writeObject(o.value());
                }
            }
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            threads = in.readInt();
            busyNanos = in.readLong();
            waitedNanos = in.readLong();
            int n = in.readInt();
            list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                byte kind = in.readByte();
                list.add(new Outcome(kind, kind == Outcome.MISSING ? null : in.readObject()));
            }
        }
    }

    /**
     * One task's result ({@link #VALUE}), what it threw ({@link #ERROR}), or {@link #MISSING}: the
     * member did not know the task's function.
     *
     * @param kind what {@code value} is
     * @param value the result or the exception
     */
    record Outcome(byte kind, Object value) {
        static final byte VALUE = 0;
        static final byte ERROR = 1;
        static final byte MISSING = 2;
        private static final Outcome MISSING_FUNCTION = new Outcome(MISSING, null);

        static Outcome missing() {
            return MISSING_FUNCTION;
        }

        Throwable error() {
            return kind == ERROR ? (Throwable) value : null;
        }
    }
}
