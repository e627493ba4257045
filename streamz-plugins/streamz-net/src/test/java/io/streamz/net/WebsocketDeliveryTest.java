package io.streamz.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a WebSocket server has read reaches the graph, however the client closed. */
class WebsocketDeliveryTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<String> MESSAGES = IntStream.range(0, 1_000).mapToObj(i -> "m" + i).toList();
    private final HttpClient http = HttpClient.newHttpClient();
    private WebsocketSource in;

    @AfterEach
    void stop() {
        if (in != null) {
            in.stop();
        }
    }

    private WebSocket connectAndSendAll() {
        WebSocket ws = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + in.port() + "/"), new WebSocket.Listener() { })
                .join();
        for (String m : MESSAGES) {
            ws.sendText(m, true).join();
        }
        return ws;
    }

    @Test
    void messagesBeforeACleanCloseAllReachASlowGraph() {
        in = Net.fromWebsocket(0);
        Gate<String> gate = new Gate<>(in);
        List<String> out = gate.sinkToList();
        in.start();

        connectAndSendAll().sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        await().atMost(PATIENCE).until(() -> in.openConnections() == 0);
        gate.open.complete(null);

        await().atMost(PATIENCE).until(() -> out.size() == MESSAGES.size());
        assertThat(out).containsExactlyElementsOf(MESSAGES);
    }

    @Test
    void messagesBeforeAPlainTcpCloseAllReachASlowGraph() {
        in = Net.fromWebsocket(0);
        Gate<String> gate = new Gate<>(in);
        List<String> out = gate.sinkToList();
        in.start();

        connectAndSendAll().abort();
        await().atMost(PATIENCE).until(() -> in.openConnections() == 0);
        gate.open.complete(null);

        await().atMost(PATIENCE).until(() -> out.size() == MESSAGES.size());
        assertThat(out).containsExactlyElementsOf(MESSAGES);
    }

    @Test
    void aFrameWithReservedBitsSetClosesWith1002() throws IOException {
        in = Net.fromWebsocket(0);
        List<String> out = in.sinkToList();
        in.start();

        try (Socket s = RawWebsocket.upgrade(in.port())) {
            RawWebsocket.sendFrame(s, 0x80 | 0x40 | 0x1, "rsv1".getBytes(StandardCharsets.UTF_8));   // FIN, RSV1, text
            assertThat(RawWebsocket.closeStatus(s)).isEqualTo(1002);
        }
        try (Socket s = RawWebsocket.upgrade(in.port())) {
            RawWebsocket.sendFrame(s, 0x80 | 0x1, "fine".getBytes(StandardCharsets.UTF_8));
            await().atMost(PATIENCE).until(() -> out.size() == 1);
        }
        assertThat(out).containsExactly("fine");
    }

    /** A WebSocket client on a plain socket, to send what well-behaved clients never send. */
    static final class RawWebsocket {
        private RawWebsocket() {
        }

        static Socket upgrade(int port) throws IOException {
            Socket s = new Socket("127.0.0.1", port);
            s.setSoTimeout((int) PATIENCE.toMillis());
            String request = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String head = readHead(s.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 101");
            return s;
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
            return head.toString(StandardCharsets.US_ASCII);
        }

        /** Sends one masked frame (mask 0, so the payload goes as it is) with the given first byte. */
        static void sendFrame(Socket s, int first, byte[] payload) throws IOException {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(first);
            frame.write(0x80 | payload.length);      // masked, short length
            frame.write(new byte[4]);
            frame.write(payload);
            OutputStream o = s.getOutputStream();
            o.write(frame.toByteArray());
            o.flush();
        }

        /** Reads frames until a close frame and returns its status (-1 if the connection just ended). */
        static int closeStatus(Socket s) throws IOException {
            DataInputStream in = new DataInputStream(s.getInputStream());
            while (true) {
                int first = in.read();
                if (first < 0) {
                    return -1;
                }
                int len = in.readUnsignedByte() & 0x7F;
                if (len == 126) {
                    len = in.readUnsignedShort();
                }
                byte[] payload = new byte[len];
                in.readFully(payload);
                if ((first & 0x0F) == 0x8) {
                    return len >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                }
            }
        }
    }
}
