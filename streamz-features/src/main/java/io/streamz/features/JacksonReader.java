package io.streamz.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Map;

/** Reads {@link FeatureConfig}s with Jackson, loaded only when JSON or YAML is read. */
final class JacksonReader {
    private JacksonReader() {
    }

    static List<FieldAggregator> read(String text, boolean yaml) {
        if (text == null) {
            throw new NullPointerException("FeatureConfig: " + (yaml ? "yaml" : "json") + " is null");
        }
        ObjectMapper mapper = yaml ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
        try {
            return FeatureConfig.fromMaps(mapper.readValue(text, new TypeReference<List<Map<String, Object>>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("FeatureConfig: expected a list of aggregators, " + e.getOriginalMessage(), e);
        }
    }
}
