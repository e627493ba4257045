package io.streamz.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Hazelcast members in JVMs of their own, started by the test with its class path (so the test's
 * functions load there, as an application's would); killed with the test at the latest, since
 * each stops when its standard input closes.
 */
final class MemberProcesses implements AutoCloseable {
    private final TestCluster cluster;
    private final List<Process> processes = new ArrayList<>();

    MemberProcesses(TestCluster cluster) {
        this.cluster = cluster;
    }

    /** Starts {@code n} members at once and waits until each is up. */
    MemberProcesses start(int n, int threadsEach) throws IOException {
        List<CompletableFuture<String>> ready = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ready.add(startOne(threadsEach));
        }
        for (CompletableFuture<String> r : ready) {
            assertThat(r.orTimeout(90, TimeUnit.SECONDS).join()).startsWith("member ready");
        }
        return this;
    }

    private CompletableFuture<String> startOne(int threads) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        TestCluster.PROPERTIES.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), HazelcastMember.class.getName(),
                "--cluster", cluster.name, "--port", String.valueOf(cluster.port), "--members", "127.0.0.1",
                "--interface", "127.0.0.1", "--threads", String.valueOf(threads), "--exit-on-stdin-eof"));
        File log = Files.createTempFile("streamz-member-", ".log").toFile();
        log.deleteOnExit();
        Process p = new ProcessBuilder(command).redirectErrorStream(false).redirectError(log).start();
        processes.add(p);
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.startsWith("member ready")) {
                        ready.complete(line);
                    }
                }
                ready.completeExceptionally(new IllegalStateException("member exited before it was ready; see " + log));
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
        }, "member-stdout");
        reader.setDaemon(true);
        reader.start();
        return ready;
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
