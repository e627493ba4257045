package io.streamz.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Hazelcast member that executes distributed streams' tasks: start one per machine (or
 * per core group), with the application's jar and its dependencies on the class path.
 *
 * <pre>{@code
 * java -cp app.jar:libs/* io.streamz.hazelcast.HazelcastMember \
 *     --cluster streamz --port 5701 --members 10.0.0.1:5701,10.0.0.2:5701 --threads 4
 * }</pre>
 *
 * <p>Options: {@code --cluster NAME} (default {@code streamz}), {@code --port N} (the first port
 * tried, default 5701), {@code --members A,B} (TCP-IP discovery; multicast stays off),
 * {@code --interface IP} (the address to bind and announce, such as {@code 127.0.0.1}),
 * {@code --threads N} (tasks at once, default: the available processors),
 * {@code --exit-on-stdin-eof} (stop when standard input closes: for a parent process that
 * starts members). Once it is up it prints {@code member ready HOST:PORT}.
 */
public final class HazelcastMember {
    private HazelcastMember() {
    }

    /**
     * Starts the member and waits until it is shut down (or standard input closes, with
     * {@code --exit-on-stdin-eof}).
     *
     * @param args the options above
     * @throws InterruptedException if interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        Options o = Options.parse(args);
        Config config = HazelcastEngine.memberConfig(o.cluster, o.port, o.members);
        config.getExecutorConfig(HazelcastEngine.EXECUTOR).setPoolSize(o.threads);
        if (o.bind != null) {
            config.setProperty("hazelcast.socket.bind.any", "false");
            config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(o.bind);
        }
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        System.out.println("member ready " + member.getCluster().getLocalMember().getAddress());
        System.out.flush();
        if (o.exitOnStdinEof) {
            drain(System.in);
            member.getLifecycleService().terminate();
            return;
        }
        CountDownLatch down = new CountDownLatch(1);
        member.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == com.hazelcast.core.LifecycleEvent.LifecycleState.SHUTDOWN) {
                down.countDown();
            }
        });
        down.await();
    }

    /**
     * Starts a member in a JVM of its own, with this JVM's {@code java} and class path (as Dask's
     * {@code LocalCluster} starts worker processes), and returns once it is up. The member stops
     * when this JVM exits (its standard input closes) or when the process is destroyed.
     *
     * <pre>{@code
     * Process member = HazelcastMember.launch(List.of("-Xmx512m"),
     *         List.of("--cluster", "streamz", "--members", "127.0.0.1", "--interface", "127.0.0.1"));
     * }</pre>
     *
     * @param jvmOptions options of the new JVM, such as {@code -Xmx512m} or {@code -Dhazelcast.*}
     *     properties
     * @param memberArgs the options of {@link #main}
     * @return the running member's process; its standard error goes to a temporary file
     * @throws IOException if the JVM cannot be started
     * @throws IllegalStateException if the member exits, or is not up within two minutes
     */
    public static Process launch(List<String> jvmOptions, List<String> memberArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), HazelcastMember.class.getName()));
        command.addAll(memberArgs);
        command.add("--exit-on-stdin-eof");
        File log = Files.createTempFile("streamz-member-", ".log").toFile();
        log.deleteOnExit();
        Process p = new ProcessBuilder(command).redirectError(log).start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.startsWith("member ready")) {   // the JVM may print before (-XX:StartFlightRecording does)
                        ready.complete(line);
                    }
                }
            } catch (IOException e) {
                // the process ended: seen below
            }
            ready.complete(null);
        }, "streamz-member-output");
        reader.setDaemon(true);
        reader.start();
        String line = ready.completeOnTimeout(null, 2, TimeUnit.MINUTES).join();
        if (line == null) {
            p.destroyForcibly();
            throw new IllegalStateException("HazelcastMember: the member process did not start; its log is " + log);
        }
        return p;
    }

    private static void drain(InputStream in) {
        try {
            while (in.read() >= 0) {
                // nothing: waiting for the end of input
            }
        } catch (IOException e) {
            // the parent went away: stop as at the end of input
        }
    }

    /** The parsed command line. */
    private static final class Options {
        String cluster = "streamz";
        int port = 5701;
        List<String> members = List.of();
        String bind;
        int threads = Runtime.getRuntime().availableProcessors();
        boolean exitOnStdinEof;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--cluster" -> o.cluster = value(args, ++i, a);
                    case "--port" -> o.port = Integer.parseInt(value(args, ++i, a));
                    case "--members" -> o.members = Arrays.asList(value(args, ++i, a).split(","));
                    case "--interface" -> o.bind = value(args, ++i, a);
                    case "--threads" -> o.threads = Integer.parseInt(value(args, ++i, a));
                    case "--exit-on-stdin-eof" -> o.exitOnStdinEof = true;
                    default -> throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "HazelcastMember: unknown option \"%s\"; expected --cluster, --port, --members, --interface,"
                                    + " --threads or --exit-on-stdin-eof", a));
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException("HazelcastMember: " + option + " needs a value");
            }
            return args[i];
        }
    }
}
