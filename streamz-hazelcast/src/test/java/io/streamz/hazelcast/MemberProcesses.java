package io.streamz.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Hazelcast members in JVMs of their own, started with the test's class path (so the test's
 * functions load there, as an application's would); each stops with the test JVM at the latest.
 */
final class MemberProcesses implements AutoCloseable {
    private final TestCluster cluster;
    private final List<Process> processes = new ArrayList<>();

    MemberProcesses(TestCluster cluster) {
        this.cluster = cluster;
    }

    /** Starts {@code n} members at once and waits until each is up. */
    MemberProcesses start(int n, int threadsEach) {
        List<CompletableFuture<Process>> starting = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            starting.add(CompletableFuture.supplyAsync(() -> launch(threadsEach)));
        }
        starting.forEach(s -> processes.add(s.join()));
        return this;
    }

    private Process launch(int threads) {
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        TestCluster.PROPERTIES.forEach((k, v) -> jvm.add("-D" + k + "=" + v));
        try {
            return HazelcastMember.launch(jvm, List.of("--cluster", cluster.name, "--port", String.valueOf(cluster.port),
                    "--members", "127.0.0.1", "--interface", "127.0.0.1", "--threads", String.valueOf(threads)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The member processes started so far, killed ones included. */
    List<Process> processes() {
        return processes;
    }

    /** Kills member {@code i} as {@code kill -9} would. */
    void kill(int i) throws InterruptedException {
        Process p = processes.get(i);
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
        }
        for (Process p : processes) {
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
