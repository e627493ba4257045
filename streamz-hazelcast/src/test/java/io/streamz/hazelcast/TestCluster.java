package io.streamz.hazelcast;

import static org.awaitility.Awaitility.await;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Settings of the test clusters: a cluster name of their own, loopback only, ports from a free
 * range, no multicast or phone-home, and short failure detection, so that a killed member is
 * noticed within seconds.
 */
final class TestCluster {
    static final int PORTS = 8;
    /** Hazelcast properties of every test member, embedded or in a process of its own. */
    static final Map<String, String> PROPERTIES = Map.of(
            "hazelcast.logging.type", "none",
            "hazelcast.phone.home.enabled", "false",
            "hazelcast.wait.seconds.before.join", "0",
            "hazelcast.heartbeat.interval.seconds", "1",
            "hazelcast.max.no.heartbeat.seconds", "5",
            "hazelcast.partition.count", "7",
            "hazelcast.tcp.join.port.try.count", String.valueOf(PORTS),
            "hazelcast.socket.bind.any", "false");

    final String name = "streamz-test-" + UUID.randomUUID();
    final int port = freeRange();

    Config memberConfig(int threads) {
        Config config = HazelcastEngine.memberConfig(name, port, List.of("127.0.0.1"));
        PROPERTIES.forEach(config::setProperty);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.getExecutorConfig(HazelcastEngine.EXECUTOR).setPoolSize(threads);
        return config;
    }

    ClientConfig clientConfig() {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < PORTS; i++) {
            addresses.add("127.0.0.1:" + (port + i));
        }
        ClientConfig config = HazelcastEngine.clientConfig(name, addresses);
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.client.heartbeat.interval", "1000");
        config.setProperty("hazelcast.client.heartbeat.timeout", "5000");
        return config;
    }

    /** A client engine of this cluster, once it sees {@code members} members. */
    HazelcastEngine client(int members) {
        HazelcastEngine client = HazelcastEngine.client(clientConfig());
        await().atMost(Duration.ofSeconds(120)).until(() -> client.hazelcast().getCluster().getMembers().size() == members);
        return client;
    }

    /** The start of {@link #PORTS} ports that are free on the loopback address now. */
    private static int freeRange() {
        for (;;) {
            int base = 20_000 + ThreadLocalRandom.current().nextInt(40_000);
            if (free(base)) {
                return base;
            }
        }
    }

    private static boolean free(int base) {
        for (int p = base; p < base + PORTS; p++) {
            try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
