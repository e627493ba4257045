package io.streamz.dataframe;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Converts beans to rows with Jackson; loaded only when needed, so Jackson stays optional (not API). */
final class JacksonRows {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JacksonRows() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toRow(Object bean) {
        return MAPPER.convertValue(bean, LinkedHashMap.class);
    }
}
