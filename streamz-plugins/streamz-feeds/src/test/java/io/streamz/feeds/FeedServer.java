package io.streamz.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** A Reactor Netty HTTP server on 127.0.0.1 serving the files of the test resources' feeds/. */
final class FeedServer implements AutoCloseable {
    private final DisposableServer server;
    private final AtomicInteger requests = new AtomicInteger();

    FeedServer() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/{name}", (req, res) -> {
                    requests.incrementAndGet();
                    byte[] body = read(req.param("name"));
                    if (body == null) {
                        return res.status(404).send();
                    }
                    return res.header("Content-Type", type(req.param("name"))).sendByteArray(Mono.just(body));
                }))
                .bindNow();
    }

    /** The URL of a file of feeds/. */
    String url(String name) {
        return "http://127.0.0.1:" + server.port() + "/" + name;
    }

    /** The requests answered so far. */
    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    private static byte[] read(String name) {
        try (InputStream in = FeedServer.class.getResourceAsStream("/feeds/" + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String type(String name) {
        if (name.endsWith(".json")) {
            return "application/json";
        } else if (name.endsWith(".rss")) {
            return "application/rss+xml; charset=UTF-8";
        } else if (name.endsWith(".atom")) {
            return "application/atom+xml; charset=UTF-8";
        } else if (name.endsWith(".html")) {
            return "text/html; charset=UTF-8";
        }
        return "text/plain; charset=UTF-8";
    }
}
