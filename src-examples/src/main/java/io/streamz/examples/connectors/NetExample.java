package io.streamz.examples.connectors;

import io.streamz.net.HttpServerSource;
import io.streamz.net.Net;
import io.streamz.net.WebsocketSink;
import io.streamz.net.WebsocketSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * HTTP in, WebSocket out and in (streamz {@code from_http_server}, {@code to_websocket},
 * {@code from_websocket}), all on 127.0.0.1 with ports the system picks: bodies POSTed to
 * {@code /ingest} are shouted to a WebSocket server, which prints them.
 */
public final class NetExample {
    private NetExample() {
    }

    /** Starts both servers, posts three bodies, and stops everything. */
    public static void main(String[] args) throws Exception {
        // docs:start
        List<String> received = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        WebsocketSource shouts = Net.fromWebsocket(0);
        shouts.sink(s -> {
            received.add(s);
            three.countDown();
        });
        shouts.start();

        HttpServerSource ingest = Net.fromHttpServer(0, "/ingest");
        WebsocketSink<String> out = ingest.map(String::toUpperCase)
                .as(Net.toWebsocket("ws://127.0.0.1:" + shouts.port() + "/"));
        ingest.start();

        HttpClient http = HttpClient.newHttpClient();
        for (String body : List.of("hello", "streamz", "")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ingest.port() + "/ingest"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("POST \"" + body + "\" -> " + r.statusCode());
        }
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + ingest.port() + "/ingest")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("GET -> " + wrong.statusCode() + " " + wrong.body().strip());

        three.await(10, TimeUnit.SECONDS);
        System.out.println("the WebSocket server got " + received);
        out.destroy();
        ingest.stop();
        shouts.stop();
        // docs:end
    }
}
