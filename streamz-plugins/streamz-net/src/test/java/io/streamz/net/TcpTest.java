package io.streamz.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TcpTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private TcpSource in;

    @AfterEach
    void stop() {
        if (in != null) {
            in.stop();
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", in.port());
        s.setSoTimeout((int) PATIENCE.toMillis());
        return s;
    }

    private static void write(Socket s, byte[] bytes) throws IOException {
        OutputStream o = s.getOutputStream();
        o.write(bytes);
        o.flush();
    }

    private static void write(Socket s, String text) throws IOException {
        write(s, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyDelimitedPieceIsAnElement() throws IOException {
        in = Net.fromTcp(0, "\n");
        List<String> out = in.sinkToList();
        in.start();

        try (Socket s = connect()) {
            write(s, "alpha\nbe");
            write(s, "ta\nunfinished");
            await().atMost(PATIENCE).until(() -> out.size() == 2);
        }
        assertThat(out).containsExactly("alpha", "beta");
    }

    @Test
    void eachConnectionKeepsItsOwnOrder() throws IOException {
        in = Net.fromTcp(0, "\n");
        List<String> out = in.sinkToList();
        in.start();

        try (Socket a = connect(); Socket b = connect()) {
            for (int i = 0; i < 20; i++) {
                write(a, "a" + i + "\n");
                write(b, "b" + i + "\n");
            }
            await().atMost(PATIENCE).until(() -> out.size() == 40);
        }
        assertThat(out.stream().filter(s -> s.startsWith("a")))
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "a" + i).toList());
        assertThat(out.stream().filter(s -> s.startsWith("b")))
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "b" + i).toList());
    }

    @Test
    void multiCharacterDelimiters() throws IOException {
        in = Net.fromTcp(0, "\r\n");
        List<String> out = in.sinkToList();
        in.start();

        try (Socket s = connect()) {
            write(s, "a\nstill a\r\nb\r\n");
            await().atMost(PATIENCE).until(() -> out.size() == 2);
        }
        assertThat(out).containsExactly("a\nstill a", "b");
    }

    @Test
    void garbageClosesItsConnectionWithoutReachingTheGraph() throws IOException {
        in = Net.fromTcp(0, "\n", NetOptions.defaults().withMaxSize(16));
        List<String> out = in.sinkToList();
        in.start();

        try (Socket tooLong = connect()) {
            write(tooLong, "x".repeat(100) + "\n");
            assertThat(tooLong.getInputStream().read()).isEqualTo(-1);
        }
        try (Socket notUtf8 = connect()) {
            write(notUtf8, new byte[] {(byte) 0xC3, (byte) 0x28, '\n'});
            assertThat(notUtf8.getInputStream().read()).isEqualTo(-1);
        }
        try (Socket fine = connect()) {
            write(fine, "ok\n");
            await().atMost(PATIENCE).until(() -> out.size() == 1);
        }
        assertThat(out).containsExactly("ok");
    }

    @Test
    void aFailingGraphKeepsTheConnection() throws IOException {
        in = Net.fromTcp(0, "\n");
        List<Integer> out = in.map(Integer::parseInt).sinkToList();
        in.start();

        try (Socket s = connect()) {
            write(s, "1\nnope\n3\n");
            await().atMost(PATIENCE).until(() -> out.size() == 2);
        }
        assertThat(out).containsExactly(1, 3);
    }

    @Test
    void theNextPieceWaitsForTheGraph() throws IOException {
        in = Net.fromTcp(0, "\n");
        Gate<String> gate = new Gate<>(in);
        List<String> after = gate.sinkToList();
        in.start();

        try (Socket s = connect()) {
            write(s, "first\nsecond\n");
            await().atMost(PATIENCE).until(() -> gate.arrived.size() == 1);
            assertThat(gate.arrived).containsExactly("first");

            gate.open.complete(null);
            await().atMost(PATIENCE).until(() -> gate.arrived.size() == 2);
        }
        assertThat(after).containsExactly("first", "second");
    }

    @Test
    void idleConnectionsAreClosed() throws IOException {
        in = Net.fromTcp(0, "\n", NetOptions.defaults().withIdleTimeout("300ms"));
        in.start();

        try (Socket s = connect()) {
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aConnectionWaitingForTheGraphIsNotIdle() throws IOException {
        in = Net.fromTcp(0, "\n", NetOptions.defaults().withIdleTimeout("200ms"));
        Gate<String> gate = new Gate<>(in);
        List<String> after = gate.sinkToList();
        in.start();

        try (Socket s = connect()) {
            write(s, "slow\nnext\n");
            await().atMost(PATIENCE).until(() -> gate.arrived.size() == 1);
            s.setSoTimeout(50);
            await().during(Duration.ofMillis(800)).atMost(PATIENCE).until(() -> isOpen(s));

            gate.open.complete(null);
            await().atMost(PATIENCE).until(() -> after.size() == 2);
            s.setSoTimeout((int) PATIENCE.toMillis());
            assertThat(s.getInputStream().read()).isEqualTo(-1);     // idle for real now
        }
        assertThat(after).containsExactly("slow", "next");
    }

    private static boolean isOpen(Socket s) throws IOException {
        try {
            return s.getInputStream().read() != -1;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return true;
        }
    }

    @Test
    void badArguments() {
        assertThatThrownBy(() -> Net.fromTcp(0, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fromTcp: delimiter must not be empty");
        assertThatThrownBy(() -> Net.fromTcp(0, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("fromTcp: delimiter is null");
        assertThatThrownBy(() -> Net.fromTcp(-1, "\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fromTcp: port must be between 0 and 65535, was -1");
    }

    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            return probe.getLocalPort();
        }
    }
}
