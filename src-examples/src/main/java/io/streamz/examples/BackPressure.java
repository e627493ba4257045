package io.streamz.examples;

import io.streamz.RefCounter;
import io.streamz.Stream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A fast source, a buffer and a slow asynchronous sink: the source never runs far ahead. */
public final class BackPressure {
    private BackPressure() {
    }

    /** Writes 100,000 elements through buffer(100) and reports how far ahead the source ran. */
    public static void main(String[] args) throws Exception {
        ExecutorService disk = Executors.newSingleThreadExecutor();
        try {
            // docs:start
            AtomicInteger written = new AtomicInteger();
            Stream<Integer> source = Stream.create();
            source.buffer(100).sinkAsync(x -> CompletableFuture.runAsync(written::incrementAndGet, disk));

            CompletableFuture<Void> lastWritten = new CompletableFuture<>();
            RefCounter last = new RefCounter(() -> lastWritten.complete(null));
            int n = 100_000;
            int mostAhead = 0;
            for (int i = 0; i < n; i++) {
                mostAhead = Math.max(mostAhead, i + 1 - written.get());
                source.emit(i, i == n - 1 ? List.of(Map.of("ref", last)) : List.of());
            }
            lastWritten.join();   // the last element's refs are released once it is written
            System.out.println("written: " + written.get());
            System.out.println("never more than 102 elements ahead of the disk: " + (mostAhead <= 102));
            // docs:end
        } finally {
            disk.shutdown();
        }
    }
}
