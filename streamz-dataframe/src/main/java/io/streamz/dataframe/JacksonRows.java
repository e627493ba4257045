package io.streamz.dataframe;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts beans to rows with Jackson; loaded only when needed, so Jackson stays optional (not
 * API). Instants pass through unchanged, without Jackson's java.time module.
 */
final class JacksonRows {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(
            new SimpleModule("streamz-frames").addSerializer(Instant.class, new JsonSerializer<>() {
                @Override
                public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                    gen.writeEmbeddedObject(value);
                }
            }));

    private JacksonRows() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toRow(Object bean) {
        return MAPPER.convertValue(bean, LinkedHashMap.class);
    }
}
