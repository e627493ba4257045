package io.streamz.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.streamz.NodeException;
import io.streamz.RefCounter;
import io.streamz.Stream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebsocketTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Runnable> cleanup = new ArrayList<>();
    private WebsocketSource in;

    @AfterEach
    void stop() {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).run();
        }
    }

    private WebsocketSource server(NetOptions options) {
        in = Net.fromWebsocket(0, options);
        cleanup.add(in::stop);
        return in;
    }

    private String address() {
        return "ws://127.0.0.1:" + in.port() + "/feed";
    }

    /** A JDK WebSocket client that remembers how the server closed. */
    private static final class Client implements WebSocket.Listener {
        final CompletableFuture<Integer> closedWith = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedWith.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closedWith.completeExceptionally(error);
        }
    }

    private WebSocket connect(Client listener) {
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(address()), listener).join();
        cleanup.add(ws::abort);
        return ws;
    }

    @Test
    void receivedMessagesAreElementsInOrder() {
        List<String> out = server(NetOptions.defaults()).sinkToList();
        in.start();

        WebSocket ws = connect(new Client());
        ws.sendText("one", true).join();
        ws.sendText("tw", false).join();
        ws.sendText("o", true).join();
        ws.sendBinary(ByteBuffer.wrap("three".getBytes()), true).join();

        await().atMost(PATIENCE).until(() -> out.size() == 3);
        assertThat(out).containsExactly("one", "two", "three");
    }

    @Test
    void toWebsocketSendsEveryElementAndEmitWaitsForTheWrite() {
        List<String> out = server(NetOptions.defaults()).sinkToList();
        in.start();
        Stream<Object> events = Stream.create();
        WebsocketSink<Object> sink = events.as(Net.toWebsocket(address()));
        cleanup.add(sink::destroy);

        RefCounter ref = new RefCounter();
        events.emit("a", List.of(Map.of("ref", ref)));
        assertThat(ref.count()).isZero();
        events.emit(2);
        events.emit("ü".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        await().atMost(PATIENCE).until(() -> out.size() == 3);
        assertThat(out).containsExactly("a", "2", "ü");
        assertThat(sink.isConnected()).isTrue();
    }

    @Test
    void aMessageOverTheLimitClosesWith1009AndNeverReachesTheGraph() throws Exception {
        List<String> out = server(NetOptions.defaults().withMaxSize(16)).sinkToList();
        in.start();

        Client client = new Client();
        WebSocket ws = connect(client);
        ws.sendText("fits", true).join();
        ws.sendText("x".repeat(17), true).join();

        assertThat(client.closedWith.get()).isEqualTo(1009);
        await().atMost(PATIENCE).until(() -> !out.isEmpty());
        assertThat(out).containsExactly("fits");
    }

    @Test
    void aBinaryMessageThatIsNotUtf8ClosesWith1007() throws Exception {
        List<String> out = server(NetOptions.defaults()).sinkToList();
        in.start();

        Client client = new Client();
        WebSocket ws = connect(client);
        ws.sendBinary(ByteBuffer.wrap(new byte[] {(byte) 0xC3, (byte) 0x28}), true).join();

        assertThat(client.closedWith.get()).isEqualTo(1007);
        assertThat(out).isEmpty();
    }

    @Test
    void aFragmentedMessageOverTheLimitClosesTheConnection() throws Exception {
        List<String> out = server(NetOptions.defaults().withMaxSize(16)).sinkToList();
        in.start();

        Client client = new Client();
        WebSocket ws = connect(client);
        ws.sendText("x".repeat(10), false).join();
        ws.sendText("x".repeat(10), true).join();

        assertThat(client.closedWith.get()).isEqualTo(1009);
        assertThat(out).isEmpty();
    }

    @Test
    void aBearerTokenIsRequiredWhenConfiguredAndToWebsocketSendsIt() {
        NetOptions secured = NetOptions.defaults().withBearerToken("s3cret");
        List<String> out = server(secured).sinkToList();
        in.start();

        assertThatThrownBy(() -> http.newWebSocketBuilder().buildAsync(URI.create(address()), new Client()).join())
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(401));
        Stream<String> events = Stream.create();
        cleanup.add(events.as(Net.toWebsocket(address(), secured))::destroy);
        events.emit("authorized");
        Stream<String> anonymous = Stream.create();
        cleanup.add(anonymous.as(Net.toWebsocket(address()))::destroy);
        assertThatThrownBy(() -> anonymous.emit("anonymous")).isInstanceOf(NodeException.class)
                .hasMessageContaining("toWebsocket(uri=" + address() + ") failed on element \"anonymous\"");

        await().atMost(PATIENCE).until(() -> out.size() == 1);
        assertThat(out).containsExactly("authorized");
    }

    @Test
    void plainHttpGets426AndAFailingGraphKeepsTheConnection() throws Exception {
        List<Integer> out = server(NetOptions.defaults()).map(Integer::parseInt).sinkToList();
        in.start();

        int status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + in.port() + "/")).build(),
                BodyHandlers.ofString()).statusCode();
        WebSocket ws = connect(new Client());
        ws.sendText("not a number", true).join();
        ws.sendText("7", true).join();

        assertThat(status).isEqualTo(426);
        await().atMost(PATIENCE).until(() -> out.size() == 1);
        assertThat(out).containsExactly(7);
    }

    @Test
    void idleConnectionsAreClosedWith1001() throws Exception {
        server(NetOptions.defaults().withIdleTimeout("300ms")).sinkToList();
        in.start();

        Client client = new Client();
        connect(client);

        assertThat(client.closedWith.get()).isEqualTo(1001);
    }

    @Test
    void toWebsocketFailsTheElementWhenNobodyListensAndRejectsBadUris() throws Exception {
        int closed = TcpTest.freePort();
        Stream<String> events = Stream.create();
        WebsocketSink<String> sink = events.as(Net.toWebsocket("ws://127.0.0.1:" + closed + "/"));
        cleanup.add(sink::destroy);

        assertThatThrownBy(() -> events.emit("lost")).isInstanceOf(NodeException.class)
                .hasMessageStartingWith("toWebsocket(uri=ws://127.0.0.1:" + closed + "/) failed on element \"lost\"");
        assertThatThrownBy(() -> Net.toWebsocket("http://x/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("toWebsocket: uri must start with ws:// or wss://, was \"http://x/\"");
    }

    @Test
    void reconnectsAfterTheServerRestarts() throws ExecutionException, InterruptedException {
        List<String> out = server(NetOptions.defaults()).sinkToList();
        in.start();
        int port = in.port();
        Stream<String> events = Stream.create();
        WebsocketSink<String> sink = events.as(Net.toWebsocket(address()));
        cleanup.add(sink::destroy);
        events.emit("before");
        await().atMost(PATIENCE).until(() -> out.size() == 1);

        in.stop();
        await().atMost(PATIENCE).until(() -> !sink.isConnected());
        WebsocketSource again = Net.fromWebsocket(port);
        cleanup.add(again::stop);
        List<String> later = again.sinkToList();
        again.start();
        events.emit("after");

        await().atMost(PATIENCE).until(() -> later.size() == 1);
        assertThat(later).containsExactly("after");
    }
}
