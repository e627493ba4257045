package io.streamz.features;

import io.streamz.Stream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import reactor.util.annotation.Nullable;

/**
 * Implements {@link Flows#csvTarget(Stream, Path, List, boolean, BatchOptions)}: appends each
 * batch of events to a CSV file as rows of the columns, as storey's {@code CSVTarget} does
 * (comma, {@code "} quotes only where needed, {@code \n} line ends, a missing field or
 * {@code null} as an empty field, the header only into a new or empty file; {@code Map} or
 * {@code List} bodies, see {@link TargetColumns#values}).
 */
final class CsvTarget extends BatchingTarget<Event<?>> {
    private final Path path;
    private final boolean header;
    private TargetColumns columns;

    CsvTarget(Stream<? extends Event<?>> events, Path path, TargetColumns columns, boolean header,
            BatchOptions options) {
        super(events, "csvTarget", options, null);
        this.path = path;
        this.columns = columns;
        this.header = header;
    }

    @Override
    protected String describeParams() {
        return "path=" + path.getFileName() + ", columns=" + columns + (header ? ", header" : "");
    }

    @Override
    protected void check(Event<?> e) {
        if (columns.inferred()) {
            columns = columns.inferFrom(e);
        }
        columns.values(e);
    }

    @Override
    protected void write(@Nullable Object batchKey, List<Event<?>> batch) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Event<?> e : batch) {
            List<String> fields = new ArrayList<>();
            columns.values(e).forEach(v -> fields.add(v == null ? "" : String.valueOf(v)));
            line(text, fields);
        }
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        boolean fresh = !Files.exists(path) || Files.size(path) == 0;
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            if (header && fresh) {
                StringBuilder h = new StringBuilder();
                line(h, columns.names());
                w.write(h.toString());
            }
            w.write(text.toString());
        }
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String f = fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                out.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                out.append(f);
            }
        }
        out.append('\n');
    }
}
