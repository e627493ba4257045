package io.streamz.files;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.streamz.Stream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Implements {@link Csv#sinkToCsv(String, FileOptions)}: appends one CSV row per element (a
 * {@code Map} or an object with properties, such as a record), writing the header first into
 * a new or empty file.
 *
 * <pre>{@code
 * Stream<Map<String, Object>> rows = Stream.create();
 * rows.as(Csv.sinkToCsv("out.csv"));
 * rows.emit(Map.of("symbol", "ACME", "price", 12.5));
 * // out.csv: symbol,price / ACME,12.5  (columns in the Map's order)
 * }</pre>
 *
 * @param <T> the element type
 */
public final class CsvSink<T> extends FileSink<T> {
    private final CsvMapper csv = new CsvMapper();
    private final ObjectMapper values = new ObjectMapper();
    private final FileOptions options;
    private List<String> columns;
    private ObjectWriter writer;
    private boolean headerDue;

    CsvSink(Stream<T> upstream, String path, FileOptions options) {
        super(upstream, "sinkToCsv", path);
        this.options = options;
        this.csv.enable(JsonGenerator.Feature.IGNORE_UNKNOWN);
        this.headerDue = options.header() && wasEmpty();
        if (!options.columns().isEmpty()) {
            useColumns(options.columns());
        }
    }

    @Override
    String format(T x) throws Exception {
        Map<String, Object> row = row(x);
        if (writer == null) {
            useColumns(List.copyOf(row.keySet()));
        }
        String text = writer.writeValueAsString(row);
        if (headerDue) {
            Map<String, Object> header = new LinkedHashMap<>();
            columns.forEach(c -> header.put(c, c));
            text = writer.writeValueAsString(header) + text;
            headerDue = false;
        }
        return text;
    }

    private void useColumns(List<String> cs) {
        columns = cs;
        CsvSchema.Builder b = CsvSchema.builder().setColumnSeparator(options.separator()).setUseHeader(false);
        cs.forEach(b::addColumn);
        writer = csv.writer(b.build());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> row(T x) {
        if (x instanceof Map) {
            Map<String, Object> m = new LinkedHashMap<>();
            ((Map<?, ?>) x).forEach((k, v) -> m.put(String.valueOf(k), v));
            return m;
        }
        if (x == null || x instanceof CharSequence || x instanceof Number || x instanceof Boolean) {
            throw new IllegalArgumentException("a CSV row must be a Map or an object with properties, was "
                    + (x == null ? "null" : x.getClass().getSimpleName()));
        }
        return values.convertValue(x, LinkedHashMap.class);
    }
}
