package io.streamz.examples;

import io.streamz.ErrorPolicy;
import io.streamz.Failure;
import io.streamz.Stream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import reactor.test.scheduler.VirtualTimeScheduler;

/** A flaky asynchronous lookup retried with backoff, and what still fails routed, on a virtual clock. */
public final class RetryAsync {
    private RetryAsync() {
    }

    /** Looks up three users; "bob" succeeds on the third try, "eve" never does. */
    public static void main(String[] args) {
        VirtualTimeScheduler clock = VirtualTimeScheduler.getOrSet();
        try {
            // docs:start
            Map<String, Integer> tries = new ConcurrentHashMap<>();
            Stream<String> users = Stream.create("users");
            Stream<String> profiles = users.<String>mapAsync(name -> {
                int attempt = tries.merge(name, 1, Integer::sum);
                boolean up = name.equals("ann") || name.equals("bob") && attempt == 3;
                return up ? CompletableFuture.completedFuture(name + ": ok after " + attempt)
                          : CompletableFuture.failedFuture(new IllegalStateException("lookup of " + name + " timed out"));
            }).named("lookup").onError(ErrorPolicy.retry(3, "100ms").orElse(ErrorPolicy.route()));
            profiles.sink(System.out::println);
            profiles.errors().map(Failure::toString).sink(System.out::println);

            for (String name : List.of("ann", "bob", "eve")) {
                users.emitAsync(name);
            }
            clock.advanceTimeBy(Duration.ofMillis(300));   // backoffs of 100 and 200 ms
            System.out.println("retried: " + profiles.stats().retried() + ", routed: " + profiles.stats().routed());
            // docs:end
        } finally {
            VirtualTimeScheduler.reset();
        }
    }
}
