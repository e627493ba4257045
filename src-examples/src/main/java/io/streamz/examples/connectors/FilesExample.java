package io.streamz.examples.connectors;

import io.streamz.files.Csv;
import io.streamz.files.FileOptions;
import io.streamz.files.FileSource;
import io.streamz.files.JsonLines;
import io.streamz.files.JsonLinesSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * CSV in, JSON lines out ({@code Csv.fromCsv}, {@code JsonLines.sinkToJsonl}) in a temporary
 * directory the example creates and deletes: the expensive rows of a price list become JSON.
 */
public final class FilesExample {
    private FilesExample() {
    }

    /** A price record, as Jackson maps a CSV row onto it. */
    public record Price(String symbol, double price) {
    }

    /** Writes a CSV file, converts it, prints the result, and cleans up. */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("streamz-files");
        try {
            Path csv = dir.resolve("prices.csv");
            Path jsonl = dir.resolve("expensive.jsonl");
            Files.writeString(csv, "symbol,price\nACME,12.5\nINIT,3\n\"BIG, Inc.\",40\n");
            // docs:start
            FileSource<Price> prices = Csv.fromCsv(csv.toString(), Price.class, FileOptions.defaults());
            JsonLinesSink<Price> out = prices.filter(p -> p.price() > 10)
                    .as(JsonLines.sinkToJsonl(jsonl.toString()));
            prices.start();
            prices.finished().join();   // the whole file was read
            out.destroy();              // closes expensive.jsonl
            System.out.print(Files.readString(jsonl));

            FileSource<Map<String, Object>> rows = JsonLines.fromJsonl(jsonl.toString());
            rows.sink(r -> System.out.println(r.get("symbol") + " costs " + r.get("price")));
            rows.start();
            rows.finished().join();
            // docs:end
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }
}
