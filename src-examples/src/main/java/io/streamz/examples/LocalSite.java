package io.streamz.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A web site on 127.0.0.1 serving the files of a folder of the examples' resources, so that the
 * examples that fetch over HTTP run without the network.
 *
 * <pre>{@code
 * try (LocalSite site = LocalSite.serve("data/riko")) {
 *     Source<String> lines = Feeds.fromUrl(site.url("lorem.txt")).text();
 * }
 * }</pre>
 */
public final class LocalSite implements AutoCloseable {
    private final DisposableServer server;

    private LocalSite(DisposableServer server) {
        this.server = server;
    }

    /**
     * Serves the resources under {@code folder} on a free port of 127.0.0.1.
     *
     * @param folder a folder of the class path, such as {@code "data/riko"}
     * @return the running site; close it to stop it
     */
    public static LocalSite serve(String folder) {
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/{name}", (req, res) -> {
                    byte[] body = read(folder + "/" + req.param("name"));
                    return body == null ? res.status(404).send() : res.sendByteArray(Mono.just(body));
                }))
                .bindNow();
        return new LocalSite(server);
    }

    /**
     * The URL of a file of the site.
     *
     * @param name the file's name in the folder
     * @return {@code http://127.0.0.1:PORT/name}
     */
    public String url(String name) {
        return "http://127.0.0.1:" + server.port() + "/" + name;
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    private static byte[] read(String resource) {
        try (InputStream in = LocalSite.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
