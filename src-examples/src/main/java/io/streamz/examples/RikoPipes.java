package io.streamz.examples;

import io.streamz.CollectStream;
import io.streamz.Source;
import io.streamz.Stream;
import io.streamz.files.Csv;
import io.streamz.files.FileOptions;
import io.streamz.files.FileSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * riko's pipes in Java, on small bundled files: two CSV files fetched in parallel, the crimes of
 * one province filtered, sorted, truncated to the top five and joined with the other file by
 * station; then a word count of a text file.
 */
public final class RikoPipes {
    private RikoPipes() {
    }

    /** Prints the five stations of GP with the most incidents, joined with their totals, then word counts. */
    public static void main(String[] args) throws Exception {
        // docs:start
        FileSource<Map<String, Object>> crimes = Csv.fromCsv(data("crimes.csv"),     // fetchdata
                FileOptions.defaults().withColumnType("incidents", Double.class));
        FileSource<Map<String, Object>> stations = Csv.fromCsv(data("station-totals.csv"));

        Map<Object, Map<String, Object>> totals = new ConcurrentHashMap<>();
        stations.sink(s -> totals.put(s.get("station"), s));

        CollectStream<Map<String, Object>> gauteng = crimes
                .filter(r -> r.get("province").equals("GP"))                         // filter
                .collect();
        gauteng.map(rows -> rows.stream()
                        .sorted(Comparator.comparing((Map<String, Object> r) -> (Double) r.get("incidents"))
                                .reversed())                                         // sort
                        .limit(5)                                                    // truncate
                        .toList())
                .<Map<String, Object>>flatten()
                .map(r -> {                                                          // join
                    Map<String, Object> joined = new LinkedHashMap<>(r);
                    joined.putAll(totals.getOrDefault(r.get("police_station"), Map.of()));
                    return joined;
                })
                .sink(System.out::println);

        crimes.start();                                                              // both files are read
        stations.start();                                                            // at the same time
        CompletableFuture.allOf(crimes.finished(), stations.finished()).join();
        gauteng.flush();

        Source<String> text = Stream.fromIterable(Files.readAllLines(Path.of(data("streams.txt"))));  // fetchtext
        AtomicReference<Map<String, Long>> counts = new AtomicReference<>();
        text.map(line -> Arrays.asList(line.split("\\W+")))                           // stringtokenizer
                .<String>flatten()
                .filter(word -> !word.isEmpty())
                .map(String::toLowerCase)                                            // strtransform
                .frequencies()                                                       // count
                .sink(counts::set);
        text.start();
        System.out.println(counts.get().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(8)
                .toList());
        // docs:end
    }

    /**
     * The path of a file bundled in {@code src/main/resources/data}: the file itself when the
     * examples run from their classes directory, else a temporary copy.
     */
    static String data(String name) throws IOException, URISyntaxException {
        URL url = RikoPipes.class.getResource("/data/" + name);
        if (url == null) {
            throw new IOException("no bundled file data/" + name);
        }
        if (url.getProtocol().equals("file")) {
            return Path.of(url.toURI()).toString();
        }
        Path copy = Files.createTempFile("streamz-", "-" + name);
        copy.toFile().deleteOnExit();
        try (InputStream in = url.openStream()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy.toString();
    }
}
