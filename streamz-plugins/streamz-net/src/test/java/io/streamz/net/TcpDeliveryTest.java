package io.streamz.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a TCP server has read reaches the graph, also when the client has closed meanwhile. */
class TcpDeliveryTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private TcpSource in;

    @AfterEach
    void stop() {
        if (in != null) {
            in.stop();
        }
    }

    private static String lines(String prefix, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(prefix).append(i).append('\n');
        }
        return b.toString();
    }

    private void sendAndClose(String text) throws IOException {
        try (Socket s = new Socket("127.0.0.1", in.port())) {
            OutputStream o = s.getOutputStream();
            o.write(text.getBytes(StandardCharsets.UTF_8));
            o.flush();
        }
    }

    @Test
    void linesSentBeforeTheClientClosedAllReachASlowGraph() throws IOException {
        in = Net.fromTcp(0, "\n");
        Gate<String> gate = new Gate<>(in);
        List<String> out = gate.sinkToList();
        in.start();

        sendAndClose(lines("line", 1_000));
        await().atMost(PATIENCE).until(() -> gate.arrived.size() == 1);
        await().atMost(PATIENCE).until(() -> in.openConnections() == 0);   // the server saw the close
        gate.open.complete(null);

        await().atMost(PATIENCE).until(() -> out.size() == 1_000);
        assertThat(out).containsExactly(lines("line", 1_000).split("\n"));
    }

    @Test
    void manyClientsClosingAtOnceLoseNothing() throws Exception {
        in = Net.fromTcp(0, "\n");
        Gate<String> gate = new Gate<>(in);
        List<String> out = gate.sinkToList();
        in.start();

        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int c = 0; c < 300; c++) {
                String text = lines("c" + c + "-", 100);
                sent.add(clients.submit(() -> {
                    sendAndClose(text);
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
        await().atMost(PATIENCE).until(() -> in.openConnections() == 0);
        gate.open.complete(null);

        await().atMost(PATIENCE).until(() -> out.size() == 30_000);
        assertThat(out).doesNotHaveDuplicates();
        for (int c = 0; c < 300; c += 37) {
            String prefix = "c" + c + "-";
            assertThat(out.stream().filter(s -> s.startsWith(prefix)))
                    .containsExactly(lines(prefix, 100).split("\n"));
        }
    }

    @Test
    void aFastSenderIntoAStuckGraphIsHeldBackByTcpNotBufferedInTheServer() throws Exception {
        in = Net.fromTcp(0, "\n", NetOptions.defaults().withMaxQueuedBytes(256 * 1024));
        Gate<String> gate = new Gate<>(in);
        List<String> out = gate.sinkToList();
        in.start();
        String line = "x".repeat(1_000) + "\n";
        int lines = 32_000;                                  // 32 MB, more than the kernel buffers hold

        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> sent = writer.submit(() -> {
                sendAndClose(line.repeat(lines));
                return null;
            });
            await().atMost(PATIENCE).until(() -> gate.arrived.size() == 1);
            // the graph holds the first line; the server stops reading once a read's worth is queued
            await().during(Duration.ofMillis(500)).atMost(PATIENCE)
                    .until(() -> !sent.isDone() && in.budget().used() <= Feed.HIGH_WATER + 128 * 1024);

            gate.open.complete(null);
            sent.get();
        } finally {
            writer.shutdownNow();
        }
        await().atMost(PATIENCE).until(() -> out.size() == lines);
        assertThat(in.budget().used()).isZero();
    }

    @Test
    void connectionsPastTheLimitAreClosedBeforeAnythingIsRead() throws IOException {
        in = Net.fromTcp(0, "\n", NetOptions.defaults().withMaxConnections(2));
        List<String> out = in.sinkToList();
        in.start();

        try (Socket a = new Socket("127.0.0.1", in.port()); Socket b = new Socket("127.0.0.1", in.port())) {
            a.getOutputStream().write("a\n".getBytes(StandardCharsets.UTF_8));
            b.getOutputStream().write("b\n".getBytes(StandardCharsets.UTF_8));
            await().atMost(PATIENCE).until(() -> out.size() == 2);
            try (Socket third = new Socket("127.0.0.1", in.port())) {
                third.setSoTimeout((int) PATIENCE.toMillis());
                assertThat(third.getInputStream().read()).isEqualTo(-1);
            }
        }
        await().atMost(PATIENCE).until(() -> in.openConnections() == 0);
        sendAndClose("again\n");
        await().atMost(PATIENCE).until(() -> out.size() == 3);
        assertThat(out).containsExactlyInAnyOrder("a", "b", "again");
    }
}
