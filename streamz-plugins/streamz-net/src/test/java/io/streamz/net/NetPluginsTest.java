package io.streamz.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.streamz.Stream;
import io.streamz.spi.NodeProvider;
import io.streamz.spi.SourceProvider;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NetPluginsTest {
    private static SourceProvider source(String name) {
        return ServiceLoader.load(SourceProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyConnectorIsAPluginByItsStreamzName() {
        List<String> sources = ServiceLoader.load(SourceProvider.class).stream().map(p -> p.get().name())
                .collect(Collectors.toList());
        List<String> nodes = ServiceLoader.load(NodeProvider.class).stream().map(p -> p.get().name())
                .collect(Collectors.toList());
        assertThat(sources).contains("from_http_server", "from_websocket", "from_tcp");
        assertThat(nodes).contains("to_websocket");
        assertThat(source("from_http_server").create(0)).isInstanceOf(HttpServerSource.class);
        assertThat(((HttpServerSource) source("from_http_server").create(0)).path()).isEqualTo("/");
        assertThat(source("from_websocket").create(0, NetOptions.defaults())).isInstanceOf(WebsocketSource.class);
        NodeProvider toWebsocket = ServiceLoader.load(NodeProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("to_websocket")).findFirst().orElseThrow();
        assertThat(toWebsocket.create(Stream.create(), "ws://127.0.0.1:1/")).isInstanceOf(WebsocketSink.class);
        assertThat(Stream.create().plugin("to_websocket", "ws://127.0.0.1:1/")).isInstanceOf(WebsocketSink.class);
        assertThat(Stream.plugins()).containsKeys("from_http_server", "from_websocket", "from_tcp", "to_websocket");
    }

    @Test
    void fromTcpPluginCutsAtNewlinesByDefault() throws Exception {
        TcpSource in = (TcpSource) Stream.<String>source("from_tcp", 0);
        List<String> out = in.sinkToList();
        in.start();
        try (Socket s = new Socket("127.0.0.1", in.port())) {
            OutputStream o = s.getOutputStream();
            o.write("a\nb\n".getBytes(StandardCharsets.UTF_8));
            o.flush();
            await().atMost(Duration.ofSeconds(20)).until(() -> out.size() == 2);
        } finally {
            in.stop();
        }
        assertThat(out).containsExactly("a", "b");
    }

    @Test
    void wrongPluginArgumentsNameThePlugin() {
        assertThatThrownBy(() -> source("from_tcp").create("9000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Plugin \"from_tcp\": argument 1 must be an Integer, was String 9000");
        assertThatThrownBy(() -> source("from_websocket").create())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Plugin \"from_websocket\" takes 1 to 2 arguments, got 0: []");
        assertThatThrownBy(() -> Stream.source("from_tcp", 0, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from_tcp").hasMessageContaining("delimiter must not be empty");
    }
}
