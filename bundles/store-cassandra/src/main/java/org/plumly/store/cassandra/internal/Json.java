package org.plumly.store.cassandra.internal;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Lists and maps of small records (participants, evidence, a run's counts) kept as JSON text in one column. */
final class Json {
    private final ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass(), e);
        }
    }

    <T> List<T> readList(String json, Class<T> type) {
        return json == null ? List.of() : read(json, mapper.getTypeFactory().constructCollectionType(List.class, type), type);
    }

    <V> Map<String, V> readMap(String json, Class<V> valueType) {
        return json == null ? Map.of() : read(json, mapper.getTypeFactory().constructMapType(Map.class, String.class, valueType), valueType);
    }

    private <R> R read(String json, JavaType type, Class<?> element) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + element.getSimpleName() + " values are not valid JSON", e);
        }
    }
}
