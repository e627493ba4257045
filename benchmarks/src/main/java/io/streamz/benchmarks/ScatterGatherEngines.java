package io.streamz.benchmarks;

import com.hazelcast.config.Config;
import io.streamz.distributed.Engine;
import io.streamz.distributed.LocalEngine;
import io.streamz.hazelcast.HazelcastEngine;
import io.streamz.hazelcast.HazelcastMember;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The engines the scatter/gather benchmarks compare, by name: {@code local} (a local engine of
 * {@code threads} threads), {@code member} (one embedded Hazelcast member), {@code processesN}
 * (N member processes with a client in the benchmark's JVM). Members run {@code threads} tasks at
 * once each, bind to 127.0.0.1, and have multicast and phone-home off.
 */
final class ScatterGatherEngines implements AutoCloseable {
    /**
     * The driver's JVM option, as docs/scale-out.md advises on 2 cores: with the common pool's
     * parallelism at 1, Hazelcast's client starts a thread for every call (JFR: 6,655 threads in
     * 81 s of {@code ScatterGather processes2}; 40 with this option).
     */
    static final String DRIVER_JVM = "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2";

    private static final Map<String, String> PROPERTIES = Map.of(
            "hazelcast.logging.type", "none",
            "hazelcast.phone.home.enabled", "false",
            "hazelcast.wait.seconds.before.join", "0",
            "hazelcast.partition.count", "7",
            "hazelcast.tcp.join.port.try.count", "8",
            "hazelcast.socket.bind.any", "false");

    final Engine engine;
    private final List<Process> processes = new ArrayList<>();

    ScatterGatherEngines(String name, int threads) {
        String cluster = "streamz-bench-" + UUID.randomUUID();
        int port = freePort();
        if (name.equals("local")) {
            engine = LocalEngine.threads(threads);
        } else if (name.equals("member")) {
            Config config = HazelcastEngine.memberConfig(cluster, port, List.of("127.0.0.1"));
            PROPERTIES.forEach(config::setProperty);
            config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
            config.getExecutorConfig(HazelcastEngine.EXECUTOR).setPoolSize(threads);
            engine = HazelcastEngine.member(config);
        } else if (name.startsWith("processes")) {
            int n = Integer.parseInt(name.substring("processes".length()));
            List<CompletableFuture<Process>> starting = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                starting.add(CompletableFuture.supplyAsync(() -> launch(cluster, port, threads)));
            }
            starting.forEach(s -> processes.add(s.join()));
            List<String> addresses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                addresses.add("127.0.0.1:" + (port + i));
            }
            var client = HazelcastEngine.clientConfig(cluster, addresses);
            client.setProperty("hazelcast.logging.type", "none");
            HazelcastEngine e = HazelcastEngine.client(client);
            while (e.hazelcast().getCluster().getMembers().size() < n) {
                Thread.onSpinWait();
            }
            engine = e;
        } else {
            throw new IllegalArgumentException("engine must be local, member or processesN, was \"" + name + "\"");
        }
    }

    private static Process launch(String cluster, int port, int threads) {
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
        PROPERTIES.forEach((k, v) -> jvm.add("-D" + k + "=" + v));
        try {
            return HazelcastMember.launch(jvm, List.of("--cluster", cluster, "--port", String.valueOf(port),
                    "--members", "127.0.0.1", "--interface", "127.0.0.1", "--threads", String.valueOf(threads)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        engine.close();
        // closing their input stops the members in order, so that a recording they were started
        // with (-XX:StartFlightRecording in JAVA_TOOL_OPTIONS) is written
        for (Process p : processes) {
            try {
                p.getOutputStream().close();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (IOException e) {
                p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}
