package io.streamz.hazelcast;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.spi.exception.RetryableException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import io.streamz.distributed.Engine;
import io.streamz.distributed.Task;
import io.streamz.internal.util.Checks;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * An {@link Engine} on a Hazelcast cluster: each task goes to a data member, in turn, through the
 * cluster's {@code IExecutorService}; a task whose member left before answering runs again on
 * another member (at-least-once). A member has one call more in flight than it has task threads
 * (so that a thread finds the next call there when it is done); the tasks that arrive for it
 * meanwhile go together in its next call, so that a task costs a fraction of a call when many
 * are in flight. A call carries about 200 us of work (as long as the member's tasks ran), and a
 * full call goes at once: long tasks go one per call, all of them to the member's queue, and
 * each result comes back as soon as its task is done. When the engine is itself a data member, the tasks whose turn is its own member
 * run here on as many threads as its executor has, without a serialisation round trip (so their
 * elements and results are not copied).
 *
 * <pre>{@code
 * // a client of members started elsewhere (see HazelcastMember), found by TCP-IP
 * try (HazelcastEngine cluster = HazelcastEngine.client(
 *         HazelcastEngine.clientConfig("streamz", List.of("10.0.0.1:5701", "10.0.0.2:5701")))) {
 *     Stream<Integer> source = Stream.create();
 *     Distributed.scatter(source, cluster).map(x -> x + 1).buffer(8).gather().sink(System.out::println);
 *     source.emit(1);   // prints 2, computed on a member
 * }
 * }</pre>
 *
 * <p>A function goes to a member once, with the first batch that needs it there; later tasks
 * refer to it by an id (a member that joined or restarted since asks for it again). Functions
 * travel with Java serialisation, elements and results with Hazelcast's serialisers (Java
 * serialisation for classes it has none for): the members need the classes of the functions and
 * elements (the application's jar and streamz's) on their class path.
 */
public final class HazelcastEngine implements Engine {
    /** The name of the cluster's executor service the tasks run on. */
    public static final String EXECUTOR = "streamz";
    /** How long a task whose members keep leaving is sent again before it fails. */
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final Logger LOG = Loggers.getLogger(HazelcastEngine.class);
    /** Calls in flight to a member before it said how many task threads it has. */
    private static final int CALLS_AT_FIRST = 2;
    private static final int MAX_BATCH = 64;
    /** About how much work a call carries, once the member's answers said how long its tasks run. */
    private static final long CALL_WORK_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final HazelcastInstance hazelcast;
    private final IExecutorService executor;
    private final boolean owned;
    private final AtomicInteger turn = new AtomicInteger();
    private final Map<UUID, Lane> lanes = new ConcurrentHashMap<>();
    /** Names this engine's functions in the members' registries (see {@link Batch}). */
    private final UUID id = UUID.randomUUID();
    /** The ids of the functions of tasks sent so far; a function collected is forgotten. */
    private final Map<Object, Long> functionIds = Collections.synchronizedMap(new WeakHashMap<>());
    private final AtomicLong nextFunctionId = new AtomicLong();
    /** This engine's own member, when it runs on one (not a client), else {@code null}. */
    private final UUID self;
    /** Runs the tasks this engine's own member takes, in this JVM; {@code null} on a client. */
    private final ExecutorService local;
    /**
     * The thread that takes the answers of the members and completes the tasks' futures (and so
     * runs what waits for them, such as {@code gather}). Hazelcast would otherwise run each
     * callback on its default asynchronous executor, which is a new thread per callback where
     * {@code ForkJoinPool.commonPool()} has a parallelism of 1 (machines of 2 cores or fewer).
     */
    private final ExecutorService results;
    private final Executor answers;

    private HazelcastEngine(HazelcastInstance hazelcast, boolean owned) {
        this.hazelcast = hazelcast;
        this.executor = hazelcast.getExecutorService(EXECUTOR);
        this.owned = owned;
        Member me = localMember(hazelcast);
        this.self = me != null && !me.isLiteMember() ? me.getUuid() : null;
        this.local = self == null ? null : localThreads(hazelcast);
        this.results = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "streamz." + hazelcast.getName() + ".results");
            t.setDaemon(true);
            return t;
        });
        this.answers = command -> {
            try {
                results.execute(command);
            } catch (RejectedExecutionException e) {
                command.run();   // closed: the answer (or the failure of a shut-down instance) still completes its tasks
            }
        };
    }

    private static Member localMember(HazelcastInstance hazelcast) {
        try {
            return hazelcast.getCluster().getLocalMember();
        } catch (UnsupportedOperationException e) {
            return null;   // a client
        }
    }

    /** As many daemon threads as the member's executor has, named {@code streamz.INSTANCE.task-N}. */
    private static ExecutorService localThreads(HazelcastInstance hazelcast) {
        int n = hazelcast.getConfig().getExecutorConfig(EXECUTOR).getPoolSize();
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "streamz." + hazelcast.getName() + ".task-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a member in this JVM and runs tasks on the cluster it joins (this member included,
     * unless the configuration makes it a lite member).
     *
     * <pre>{@code
     * HazelcastEngine engine = HazelcastEngine.member(HazelcastEngine.memberConfig("streamz", 5701, List.of()));
     * }</pre>
     *
     * @param config the member's configuration, for example {@link #memberConfig}
     * @return the engine; {@link #close()} shuts the member down
     */
    public static HazelcastEngine member(Config config) {
        return new HazelcastEngine(Hazelcast.newHazelcastInstance(Checks.notNull(config, "HazelcastEngine", "config")), true);
    }

    /**
     * Connects a client to a cluster started elsewhere and runs tasks on its members.
     *
     * <pre>{@code
     * HazelcastEngine engine = HazelcastEngine.client(HazelcastEngine.clientConfig("streamz", List.of("10.0.0.1:5701")));
     * }</pre>
     *
     * @param config the client's configuration, for example {@link #clientConfig}
     * @return the engine; {@link #close()} shuts the client down
     */
    public static HazelcastEngine client(ClientConfig config) {
        return new HazelcastEngine(HazelcastClient.newHazelcastClient(Checks.notNull(config, "HazelcastEngine", "config")),
                true);
    }

    /**
     * Runs tasks through an instance (member or client) the application manages.
     *
     * <pre>{@code
     * HazelcastEngine engine = HazelcastEngine.on(hazelcastInstance);
     * }</pre>
     *
     * @param hazelcast the instance
     * @return the engine; {@link #close()} leaves the instance running
     */
    public static HazelcastEngine on(HazelcastInstance hazelcast) {
        return new HazelcastEngine(Checks.notNull(hazelcast, "HazelcastEngine", "hazelcast"), false);
    }

    /**
     * A member configuration with explicit discovery: TCP-IP to the given members, multicast and
     * phone-home off, tasks on {@code available processors} threads.
     *
     * <pre>{@code
     * Config config = HazelcastEngine.memberConfig("streamz", 5701, List.of("10.0.0.1:5701", "10.0.0.2:5701"));
     * }</pre>
     *
     * @param clusterName members and clients join only a cluster of their name
     * @param port the first port to try; the next ones are tried while it is taken
     * @param members addresses ({@code host} or {@code host:port}) of members to join; empty
     *     for a cluster of this member alone so far
     * @return a new configuration, to adjust further as needed
     */
    public static Config memberConfig(String clusterName, int port, List<String> members) {
        Config config = new Config();
        config.setClusterName(Checks.notNull(clusterName, "memberConfig", "clusterName"));
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(true);
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true)
                .setMembers(new ArrayList<>(Checks.notNull(members, "memberConfig", "members")));
        config.getExecutorConfig(EXECUTOR).setPoolSize(Runtime.getRuntime().availableProcessors());
        return config;
    }

    /**
     * A client configuration that connects to the given members.
     *
     * <pre>{@code
     * ClientConfig config = HazelcastEngine.clientConfig("streamz", List.of("10.0.0.1:5701"));
     * }</pre>
     *
     * @param clusterName the cluster's name
     * @param members addresses ({@code host:port}) of some of its members
     * @return a new configuration, to adjust further as needed
     */
    public static ClientConfig clientConfig(String clusterName, List<String> members) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(Checks.notNull(clusterName, "clientConfig", "clusterName"));
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().setAddresses(new ArrayList<>(Checks.notNull(members, "clientConfig", "members")));
        return config;
    }

    /**
     * The Hazelcast instance the tasks go through.
     *
     * @return the member or client
     */
    public HazelcastInstance hazelcast() {
        return hazelcast;
    }

    @Override
    public <R> CompletableFuture<R> submit(Task<R> task) {
        Pending<R> p = new Pending<>(Checks.notNull(task, "HazelcastEngine", "task"), new CompletableFuture<>());
        dispatch(p);
        return p.out;
    }

    private void dispatch(Pending<?> p) {
        Member member;
        try {
            member = nextMember(p);
        } catch (NoMember e) {
            failed(p, null, e);
            return;
        }
        if (member.getUuid().equals(self)) {
            runHere(p);
        } else {
            lanes.computeIfAbsent(member.getUuid(), id -> new Lane(member)).add(p);
        }
    }

    /**
     * A task for this engine's own member runs on its threads here, without the serialisation
     * round trip and thread hand-offs of Hazelcast's executor (which would run it in this JVM too).
     */
    private void runHere(Pending<?> p) {
        try {
            local.execute(() -> p.complete(Batch.run(p.task)));
        } catch (RejectedExecutionException e) {
            p.out.completeExceptionally(new HazelcastInstanceNotActiveException("HazelcastEngine: closed"));
        }
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private void failed(Pending<?> p, Member on, Throwable t) {
        Throwable cause = unwrap(t);
        if (memberLost(cause) && System.nanoTime() - p.since < RETRY_NANOS) {
            // the member went away before answering: run the task again on another one, after
            // the cluster had a moment to notice (until it has, the member may still be listed)
            if (on != null) {
                p.lostOn.add(on.getUuid());
            }
            p.attempt++;
            Executor later = CompletableFuture.delayedExecutor(Math.min(20L * p.attempt, 500), TimeUnit.MILLISECONDS, answers);
            later.execute(() -> dispatch(p));
        } else {
            p.out.completeExceptionally(cause);
        }
    }

    /**
     * Whether {@code t} says the member left, or is leaving, before it answered. A member that is
     * shutting down answers {@code HazelcastInstanceNotActiveException}: that one is about the
     * other member only while this engine's own instance still runs.
     */
    private boolean memberLost(Throwable t) {
        if (!hazelcast.getLifecycleService().isRunning()) {
            return false;
        }
        return t instanceof RetryableException || t instanceof TargetDisconnectedException || t instanceof NoMember
                || t instanceof HazelcastInstanceNotActiveException;
    }

    /**
     * The next data member in turn, leaving out those that lost {@code p} before (the cluster may
     * list a member for seconds after it died); all of them again if only those are left.
     */
    private Member nextMember(Pending<?> p) {
        List<Member> members = new ArrayList<>();
        List<Member> lostIt = new ArrayList<>();
        for (Member m : hazelcast.getCluster().getMembers()) {
            if (!m.isLiteMember()) {
                (p.lostOn.contains(m.getUuid()) ? lostIt : members).add(m);
            }
        }
        if (members.isEmpty()) {
            members = lostIt;
        }
        if (members.isEmpty()) {
            throw new NoMember();
        }
        return members.get(Math.floorMod(turn.getAndIncrement(), members.size()));
    }

    /**
     * Shuts down the member or client this engine started; one given to {@link #on} stays up. With
     * this class's logger at DEBUG, logs for each member how long it ran this engine's tasks.
     */
    @Override
    public void close() {
        if (LOG.isDebugEnabled()) {
            lanes.values().forEach(Lane::log);
        }
        if (local != null) {
            local.shutdown();
        }
        if (owned) {
            hazelcast.shutdown();
        }
        results.shutdown();
    }

    /** {@code hazelcast(instance name)}. */
    @Override
    public String toString() {
        return "hazelcast(" + hazelcast.getName() + ")";
    }

    /** A task, the future of its result, how often it was sent and the members that lost it. */
    private static final class Pending<R> {
        final Task<R> task;
        final CompletableFuture<R> out;
        final long since = System.nanoTime();
        final Set<UUID> lostOn = ConcurrentHashMap.newKeySet();
        int attempt = 1;
        /** How the task travels to a member, once known; {@code function} is its function. */
        Batch.Call call;
        Object function;
        /** A member answered that it does not know the function: send it along again. */
        boolean withFunction;

        Pending(Task<R> task, CompletableFuture<R> out) {
            this.task = task;
            this.out = out;
        }

        @SuppressWarnings("unchecked")
        void complete(Batch.Outcome o) {
            if (o.error() != null) {
                out.completeExceptionally(o.error());
            } else {
                out.complete((R) o.value());
            }
        }
    }

    /**
     * The tasks for one member. A call carries the tasks that queued for it, up to about
     * {@link #CALL_WORK_NANOS} of work (as long as the member's answers say its tasks run; up to
     * {@link #MAX_BATCH} tasks), so that a long task goes alone and its result comes back as soon as
     * it is done, not with its call-mates'. A call goes when the member has room for it (one call
     * more in flight than it has task threads, two until its first answer said how many it has,
     * so that a thread that finishes finds the next call there while its answer travels back), or
     * as soon as a full call queued: every task of a long-running kind is then at the member, queued
     * in its executor, and a thread that finishes one starts the next at once, whatever the round
     * trip of the answers and of the next tasks costs.
     */
    private final class Lane {
        private final Member member;
        private final ArrayDeque<Pending<?>> queue = new ArrayDeque<>();
        private int inFlight;
        private int maxInFlight = CALLS_AT_FIRST;
        /** How long a task ran on the member lately (a moving average of its answers), or 0. */
        private long taskNanos;
        /** The functions sent to this member so far (it keeps them while it runs). */
        private final Set<Long> sent = new HashSet<>();
        /** For the debug line at the engine's close: the member's busy time against the lane's age. */
        private final long born = System.nanoTime();
        private long calls;
        private long tasks;
        private long busyNanos;
        private long waitedNanos;

        Lane(Member member) {
            this.member = member;
        }

        void add(Pending<?> p) {
            synchronized (this) {
                queue.add(p);
            }
            pump();
        }

        /** Sends calls while some tasks wait and the member has room for another call, or a full one queued. */
        private void pump() {
            while (true) {
                List<Pending<?>> batch;
                synchronized (this) {
                    int full = fullCall();
                    if (queue.isEmpty() || inFlight >= maxInFlight && queue.size() < full) {
                        return;
                    }
                    inFlight++;
                    calls++;
                    int n = Math.min(queue.size(), full);
                    batch = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        batch.add(queue.poll());
                    }
                }
                send(batch);
            }
        }

        /** The tasks of a full call: about {@link #CALL_WORK_NANOS} of work, from 1 to {@link #MAX_BATCH}. */
        private int fullCall() {
            return taskNanos <= 0 ? MAX_BATCH : (int) Math.max(1, Math.min(MAX_BATCH, CALL_WORK_NANOS / taskNanos));
        }

        private void send(List<Pending<?>> batch) {
            Batch call;
            try {
                call = batchOf(batch);
            } catch (RuntimeException e) {
                lost(batch, e);
                return;
            }
            try {
                Future<Batch.Outcomes> answer = executor.submitToMember(call, member);
                // Hazelcast's futures are CompletionStages: their answer is taken on this engine's
                // thread, not on a thread Hazelcast would start for the callback
                ((CompletionStage<Batch.Outcomes>) answer).whenCompleteAsync((outcomes, t) -> {
                    if (t != null) {
                        lost(batch, unwrap(t));
                    } else {
                        answered(batch, outcomes);
                    }
                }, answers);
            } catch (RuntimeException e) {
                lost(batch, e);
            }
        }

        /**
         * The batch for {@code tasks}: each function goes along the first time this member needs
         * it, and again for a task whose member said it did not know it.
         */
        private Batch batchOf(List<Pending<?>> tasks) {
            List<Batch.Call> calls = new ArrayList<>(tasks.size());
            List<Batch.Function> functions = new ArrayList<>(1);
            synchronized (this) {
                for (Pending<?> p : tasks) {
                    Batch.Call c = callOf(p);
                    calls.add(c);
                    if (c.byId() && (sent.add(c.function()) || p.withFunction)
                            && functions.stream().noneMatch(f -> f.id() == c.function())) {
                        functions.add(new Batch.Function(c.function(), p.function));
                    }
                }
            }
            return new Batch(id, calls, functions);
        }

        /**
         * The member answered: the next call goes first (it may have been waiting for this one's
         * slot), then the results complete their futures, which runs {@code gather} on this thread.
         */
        private void answered(List<Pending<?>> batch, Batch.Outcomes answer) {
            List<Batch.Outcome> outcomes = answer.list();
            List<Pending<?>> done = new ArrayList<>(batch.size());
            synchronized (this) {
                inFlight--;
                maxInFlight = Math.max(1, answer.threads()) + 1;
                for (int i = 0; i < batch.size(); i++) {
                    Pending<?> p = batch.get(i);
                    if (outcomes.get(i).kind() == Batch.Outcome.MISSING) {
                        p.withFunction = true;   // the member joined or restarted after the function was sent
                        queue.add(p);
                    } else {
                        done.add(p);
                    }
                }
                tasks += done.size();
                busyNanos += answer.busyNanos();
                waitedNanos += answer.waitedNanos();
                if (!done.isEmpty()) {
                    long ran = answer.busyNanos() / done.size();
                    taskNanos = taskNanos <= 0 ? ran : taskNanos + (ran - taskNanos) / 4;
                }
            }
            pump();
            for (int i = 0, j = 0; i < batch.size(); i++) {
                if (outcomes.get(i).kind() != Batch.Outcome.MISSING) {
                    done.get(j++).complete(outcomes.get(i));
                }
            }
        }

        /** The whole batch failed (its member left, or it could not be sent): each task on its own. */
        private void lost(List<Pending<?>> batch, Throwable t) {
            if (memberLost(t)) {
                lanes.remove(member.getUuid(), this);
            }
            synchronized (this) {
                inFlight--;
            }
            batch.forEach(p -> failed(p, member, t));
            pump();
        }

        /**
         * One debug line: how long the member ran this engine's tasks and how long it ran none
         * before one of this engine's calls, against the lane's age.
         */
        synchronized void log() {
            LOG.debug("{}: member {} ran {} tasks in {} calls, busy {} ms, idle {} ms, of {} ms",
                    HazelcastEngine.this, member.getAddress(), tasks, calls, TimeUnit.NANOSECONDS.toMillis(busyNanos),
                    TimeUnit.NANOSECONDS.toMillis(waitedNanos), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - born));
        }
    }

    /** How {@code p}'s task travels: its function's id (the same for every task of a node) and its element. */
    private Batch.Call callOf(Pending<?> p) {
        if (p.call == null) {
            p.call = Batch.Call.of(p.task, f -> {
                p.function = f;
                return functionIds.computeIfAbsent(f, k -> nextFunctionId.incrementAndGet());
            });
        }
        return p.call;
    }

    /** No data member to run a task on right now (all left, or only lite members). */
    private static final class NoMember extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NoMember() {
            super("HazelcastEngine: the cluster has no data member to run tasks on");
        }
    }
}
