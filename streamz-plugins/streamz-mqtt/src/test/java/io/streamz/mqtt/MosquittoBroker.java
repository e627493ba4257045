package io.streamz.mqtt;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * A Mosquitto broker on 127.0.0.1 run by the test from the {@code mosquitto} on the PATH, that can
 * be stopped (gracefully, so that a persistent broker saves its sessions) and started again on
 * the same port.
 */
final class MosquittoBroker implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The most QoS 1 and 2 messages the broker sends a client before it acknowledged them. */
    static final int MAX_INFLIGHT = 20;

    final int port;
    private final Path binary;
    private final Path dir;
    private final Path config;
    private Process process;

    /**
     * Writes the configuration and starts the broker.
     *
     * @param dir where the configuration, log and (if {@code persistent}) saved sessions go
     * @param persistent whether sessions and queued messages survive a restart
     */
    MosquittoBroker(Path dir, boolean persistent) throws IOException {
        this.binary = binary().orElseThrow(() -> new IllegalStateException("no mosquitto on the PATH"));
        this.dir = dir;
        this.port = MqttTest.freePort();
        this.config = dir.resolve("mosquitto.conf");
        String persistence = persistent
                ? "persistence true\npersistence_location " + dir + File.separator + "\nmax_queued_messages 100000\n"
                        + "user " + System.getProperty("user.name") + "\n"
                : "persistence false\n";
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\nmax_inflight_messages "
                + MAX_INFLIGHT + "\n" + persistence);
        start();
    }

    /** The {@code mosquitto} program on the PATH, if there is one. */
    static Optional<Path> binary() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator)).map(d -> Path.of(d, "mosquitto"))
                .filter(Files::isExecutable).findFirst();
    }

    void start() {
        try {
            process = new ProcessBuilder(binary.toString(), "-c", config.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            }
        });
    }

    /** Stops the broker with SIGTERM, so that a persistent one saves its state, and waits until it is gone. */
    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            stop();
        }
    }
}
