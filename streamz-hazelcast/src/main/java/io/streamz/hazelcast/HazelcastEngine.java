package io.streamz.hazelcast;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.spi.exception.RetryableException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import io.streamz.distributed.Engine;
import io.streamz.distributed.Task;
import io.streamz.internal.util.Checks;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link Engine} on a Hazelcast cluster: each task goes to a data member, in turn, through the
 * cluster's {@code IExecutorService}; a task whose member left before answering runs again on
 * another member (at-least-once). At most two calls per member are in flight for an engine; the
 * tasks that arrive for a member meanwhile go together in its next call, so that a task costs a
 * fraction of a call when many are in flight.
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
 * <p>Functions and elements travel with Java serialisation: the members need the classes of the
 * functions (the application's jar and streamz's) on their class path.
 */
public final class HazelcastEngine implements Engine {
    /** The name of the cluster's executor service the tasks run on. */
    public static final String EXECUTOR = "streamz";
    private static final int MAX_ATTEMPTS = 10;
    /** Batches one member runs at once for this engine; more tasks wait and go together. */
    private static final int BATCHES_IN_FLIGHT = 2;
    private static final int MAX_BATCH = 64;

    private final HazelcastInstance hazelcast;
    private final IExecutorService executor;
    private final boolean owned;
    private final AtomicInteger turn = new AtomicInteger();
    private final Map<UUID, Lane> lanes = new ConcurrentHashMap<>();

    private HazelcastEngine(HazelcastInstance hazelcast, boolean owned) {
        this.hazelcast = hazelcast;
        this.executor = hazelcast.getExecutorService(EXECUTOR);
        this.owned = owned;
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
            member = nextMember();
        } catch (NoMember e) {
            failed(p, e);
            return;
        }
        lanes.computeIfAbsent(member.getUuid(), id -> new Lane(member)).add(p);
    }

    private void failed(Pending<?> p, Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (memberLost(cause) && p.attempt < MAX_ATTEMPTS && hazelcast.getLifecycleService().isRunning()) {
            // the member went away before answering: run the task again elsewhere, after the
            // cluster had a moment to notice
            p.attempt++;
            Executor later = CompletableFuture.delayedExecutor(20L * p.attempt, TimeUnit.MILLISECONDS);
            later.execute(() -> dispatch(p));
        } else {
            p.out.completeExceptionally(cause);
        }
    }

    private static boolean memberLost(Throwable t) {
        return t instanceof RetryableException || t instanceof TargetDisconnectedException || t instanceof NoMember;
    }

    private Member nextMember() {
        List<Member> members = new ArrayList<>();
        for (Member m : hazelcast.getCluster().getMembers()) {
            if (!m.isLiteMember()) {
                members.add(m);
            }
        }
        if (members.isEmpty()) {
            throw new NoMember();
        }
        return members.get(Math.floorMod(turn.getAndIncrement(), members.size()));
    }

    /** Shuts down the member or client this engine started; one given to {@link #on} stays up. */
    @Override
    public void close() {
        if (owned) {
            hazelcast.shutdown();
        }
    }

    /** {@code hazelcast(instance name)}. */
    @Override
    public String toString() {
        return "hazelcast(" + hazelcast.getName() + ")";
    }

    /** A task, the future of its result, and how often it was sent. */
    private static final class Pending<R> {
        final Task<R> task;
        final CompletableFuture<R> out;
        int attempt = 1;

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
     * The tasks for one member: up to {@link #BATCHES_IN_FLIGHT} batches run there at once, and
     * the tasks that arrive meanwhile wait to go together in the next one.
     */
    private final class Lane {
        private final Member member;
        private final ArrayDeque<Pending<?>> queue = new ArrayDeque<>();
        private int inFlight;

        Lane(Member member) {
            this.member = member;
        }

        void add(Pending<?> p) {
            List<Pending<?>> batch;
            synchronized (this) {
                queue.add(p);
                if (inFlight >= BATCHES_IN_FLIGHT) {
                    return;
                }
                inFlight++;
                batch = take();
            }
            send(batch);
        }

        /** The next batch, or an empty list (then one fewer is in flight). */
        private List<Pending<?>> take() {
            List<Pending<?>> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
            while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
                batch.add(queue.poll());
            }
            if (batch.isEmpty()) {
                inFlight--;
            }
            return batch;
        }

        private void send(List<Pending<?>> batch) {
            List<Task<?>> tasks = new ArrayList<>(batch.size());
            batch.forEach(p -> tasks.add(p.task));
            try {
                executor.submitToMember(new Batch(tasks), member, new ExecutionCallback<List<Batch.Outcome>>() {
                    @Override
                    public void onResponse(List<Batch.Outcome> outcomes) {
                        for (int i = 0; i < batch.size(); i++) {
                            batch.get(i).complete(outcomes.get(i));
                        }
                        next();
                    }

                    @Override
                    public void onFailure(Throwable t) {
                        lost(batch, t);
                    }
                });
            } catch (RuntimeException e) {
                lost(batch, e);
            }
        }

        /** The whole batch failed (its member left, or it could not be sent): each task on its own. */
        private void lost(List<Pending<?>> batch, Throwable t) {
            if (memberLost(t)) {
                lanes.remove(member.getUuid(), this);
            }
            batch.forEach(p -> failed(p, t));
            next();
        }

        private void next() {
            List<Pending<?>> batch;
            synchronized (this) {
                batch = take();
            }
            if (!batch.isEmpty()) {
                send(batch);
            }
        }
    }

    /** No data member to run a task on right now (all left, or only lite members). */
    private static final class NoMember extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NoMember() {
            super("HazelcastEngine: the cluster has no data member to run tasks on");
        }
    }
}
