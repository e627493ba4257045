package io.streamz.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.List;

/** JSON lines: one JSON value per line; blank lines are skipped. */
final class JsonLinesFormat<R> implements RecordFormat<R> {
    private final ObjectMapper mapper = new ObjectMapper();
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
        return Collections.singletonList(mapper.readValue(record, type));
    }
}
