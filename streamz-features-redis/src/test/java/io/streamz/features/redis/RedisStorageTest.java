package io.streamz.features.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamz.Stream;
import io.streamz.features.AggregateOptions;
import io.streamz.features.FeatureTable;
import io.streamz.features.Features;
import io.streamz.features.FieldAggregator;
import io.streamz.features.SlidingWindows;
import io.streamz.features.Table;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/**
 * The Redis storage against a real {@code redis-server} that the test starts on 127.0.0.1 and a
 * free port. Skipped with a message when {@code redis-server} is not on the PATH, except under
 * {@code STREAMZ_CI=1}, where {@code .ci/run} has installed it and a missing server fails.
 */
class RedisStorageTest {
    private static Process server;
    private static int port;

    @BeforeAll
    static void startRedis(@TempDir Path dir) throws IOException {
        boolean onPath = System.getenv().getOrDefault("PATH", "").isEmpty() ? false
                : java.util.Arrays.stream(System.getenv("PATH").split(File.pathSeparator))
                        .anyMatch(p -> new File(p, "redis-server").canExecute());
        if (!onPath) {
            String message = "redis-server is not on the PATH: install it (Debian: apt-get install redis-server) "
                    + "to run the Redis storage tests";
            if ("1".equals(System.getenv("STREAMZ_CI"))) {
                throw new AssertionError(message + "; .ci/run installs it, so under STREAMZ_CI=1 this fails");
            }
            Assumptions.abort(message);
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (JedisPooled ping = new JedisPooled("127.0.0.1", port)) {
                return ping.ping().equals("PONG");
            }
        });
    }

    @AfterAll
    static void stopRedis() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void entriesWrittenByOneClientAreReadByAnother() {
        try (Table writer = Table.of(RedisStorage.connect("127.0.0.1", port, "t1:"));
                Table reader = Table.of(RedisStorage.connect("127.0.0.1", port, "t1:"));
                Table other = Table.of(RedisStorage.connect("127.0.0.1", port, "t2:"))) {
            writer.put("ann", Map.of("country", "NZ", "seen", Instant.EPOCH));
            writer.update("ann", Map.of("plan", "pro"));
            writer.put(List.of("bob", "uk"), Map.of("n", 1L));
            assertThat(reader.get("ann")).isEqualTo(Map.of("country", "NZ", "seen", Instant.EPOCH, "plan", "pro"));
            assertThat(reader.keys()).containsExactlyInAnyOrder("ann", "bob.uk");
            assertThat(other.keys()).isEmpty();
            reader.delete("ann");
            assertThat(writer.get("ann")).isNull();
        }
    }

    @Test
    void oneProcessAggregatesAndAnotherServesTheCommittedFeatures() {
        List<FieldAggregator> aggregators = List.of(FieldAggregator.of("clicks", "click", List.of("count"),
                SlidingWindows.of(List.of("1h"), "10m")));
        Instant t0 = Instant.parse("2024-05-01T10:00:00Z");
        try (Table aggregating = Table.of(RedisStorage.connect("127.0.0.1", port, "f:"));
                Table serving = Table.of(RedisStorage.connect("127.0.0.1", port, "f:"))) {
            FeatureTable table = FeatureTable.of(aggregators, aggregating);
            Stream<Map<String, Object>> source = Stream.create();
            Features.aggregateByKey(source, "user", "time", table, AggregateOptions.defaults());
            for (int i = 0; i < 3; i++) {
                source.emit(Map.of("user", "ann", "click", 1, "time", t0.plusSeconds(60L * i)));
            }
            table.commit(Map.of("$offsets", Map.of("next", 3L)));
            FeatureTable served = FeatureTable.of(aggregators, serving);
            assertThat(served.query("ann", t0.plusSeconds(600))).containsEntry("clicks_count_1h", 3L);
            assertThat(serving.get("$offsets")).isEqualTo(Map.of("next", 3L));
        }
    }
}
