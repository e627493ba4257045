package io.streamz.examples;

import io.streamz.Stream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * streamz's "emit from another process" example: lines read elsewhere are pushed in one by one
 * and parsed by a map (a tiny parser for flat JSON objects keeps the example dependency-free).
 */
public final class ParseJsonLines {
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"[^\"]*\"|[-\\d.]+)");

    private ParseJsonLines() {
    }

    /** Parses a flat JSON object such as {@code {"name": "Alice", "amount": 100}}. */
    static Map<String, Object> parse(String json) {
        Map<String, Object> m = new LinkedHashMap<>();
        Matcher f = FIELD.matcher(json);
        while (f.find()) {
            String v = f.group(2);
            m.put(f.group(1), v.startsWith("\"") ? v.substring(1, v.length() - 1) : Double.valueOf(v));
        }
        return m;
    }

    /** Prints the parsed records and the total amount. */
    public static void main(String[] args) {
        // docs:start
        List<Map<String, Object>> data = new ArrayList<>();
        Stream<String> source = Stream.create();
        source.map(ParseJsonLines::parse).sink(data::add);

        for (String line : List.of(
                "{\"name\": \"Alice\", \"amount\": 100}",
                "{\"name\": \"Bob\", \"amount\": -200}",
                "{\"name\": \"Alice\", \"amount\": 300}")) {
            source.emit(line);
        }
        data.forEach(System.out::println);
        // docs:end
    }
}
