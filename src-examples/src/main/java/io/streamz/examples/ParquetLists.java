package io.streamz.examples;

import io.streamz.Source;
import io.streamz.Stream;
import io.streamz.features.Event;
import io.streamz.parquet.Parquet;
import io.streamz.parquet.ParquetSourceOptions;
import io.streamz.parquet.ParquetTargetOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * storey's ParquetTarget with list bodies: the values of the index columns, then of the columns,
 * in order, the key from the event; then the file read back with the Parquet source.
 */
public final class ParquetLists {
    private ParquetLists() {
    }

    /** Writes rows of lists into one Parquet file and prints what the source reads. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("clicks");
        try {
            // docs:start
            Path file = dir.resolve("clicks.parquet");
            Stream<Event<List<Object>>> rows = Stream.create("rows");
            Parquet.parquetTarget(rows, file, ParquetTargetOptions.defaults()
                    .withIndexColumns(List.of("user=$key")).withColumns(List.of("clicks", "page")));
            rows.emit(Event.of(List.of(3L, "/"), "ann", null));
            rows.emit(Event.of(List.of(1L, "/cart"), "bob", null));
            rows.emitEnd();

            Source<Event<Map<String, Object>>> back = Parquet.parquetSource(file, ParquetSourceOptions.defaults());
            back.sink(e -> System.out.println(e.body()));
            back.start();
            // docs:end
        } finally {
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
