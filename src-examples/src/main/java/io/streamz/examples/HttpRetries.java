package io.streamz.examples;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.streamz.ErrorPolicy;
import io.streamz.Stream;
import io.streamz.features.Flows;
import io.streamz.features.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * storey's SendToHttp with retries: a scoring service on 127.0.0.1 drops the first request of each
 * user; the request is sent again after the backoff, waited on a scheduler of your own.
 */
public final class HttpRetries {
    private HttpRetries() {
    }

    /** Scores a user against a service whose first answer is lost. */
    public static void main(String[] args) {
        Map<String, Integer> requests = new ConcurrentHashMap<>();
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0).route(r -> r.get("/score", (req, res) -> {
            String user = new QueryStringDecoder(req.uri()).parameters().get("user").get(0);
            int n = requests.merge(user, 1, Integer::sum);
            if (n == 1) {   // the connection closes without an answer
                res.withConnection(Connection::dispose);
                return Mono.empty();
            }
            return res.sendString(Mono.just("7 (request " + n + ")"));
        })).bindNow();
        String url = "http://127.0.0.1:" + server.port();
        try {
            // docs:start
            Scheduler retries = Schedulers.newSingle("retries");   // where the backoff waits
            Stream<String> users = Stream.create("users");
            Stream<String> scored = Flows.sendToHttp(users, u -> HttpRequest.get(url + "/score?user=" + u),
                    (u, response) -> u + ": " + response.body(), 8, retries)
                    .onError(ErrorPolicy.retry(3, Duration.ofMillis(100)));
            scored.sink(System.out::println);
            users.emit("ann");   // the first request fails: sent again 100 ms later
            System.out.println("retried " + scored.stats().retried());
            retries.dispose();
            // docs:end
        } finally {
            server.disposeNow();
        }
    }
}
