package io.streamz.files;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * JSON lines: exactly one JSON value per line; blank lines are skipped. A line with a second
 * value or trailing text, a {@code null} line and a number too large for a {@code double}
 * ({@code 1e400}) are malformed.
 */
final class JsonLinesFormat<R> implements RecordFormat<R> {
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final Class<R> type;

    JsonLinesFormat(Class<R> type) {
        this.type = type;
    }

    @Override
    public boolean isComplete(CharSequence record) {
        return true;
    }

    @Override
    public List<R> parse(String record) throws Exception {
        if (record.isBlank()) {
            return List.of();
        }
        JsonNode tree = mapper.readTree(record);
        if (tree == null || tree.isNull()) {
            throw new IllegalArgumentException("null is not an element");
        }
        requireFinite(tree);
        return Collections.singletonList(mapper.treeToValue(tree, type));
    }

    /** Rejects numbers that a {@code double} holds as infinity ({@code 1e400}). */
    private static void requireFinite(JsonNode root) {
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            JsonNode n = todo.pop();
            if (n.isFloatingPointNumber() && !Double.isFinite(n.doubleValue())) {
                throw new IllegalArgumentException("a number is out of the range of a double");
            }
            n.forEach(todo::push);
        }
    }
}
