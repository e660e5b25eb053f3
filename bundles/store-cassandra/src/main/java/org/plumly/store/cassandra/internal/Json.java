package org.plumly.store.cassandra.internal;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.CollectionType;

/** Lists of small records (participants, evidence) kept as JSON text in one column. */
final class Json {
    private final ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    String write(List<?> values) {
        try {
            return mapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + values.getClass(), e);
        }
    }

    <T> List<T> readList(String json, Class<T> type) {
        if (json == null) {
            return List.of();
        }
        CollectionType listType = mapper.getTypeFactory().constructCollectionType(List.class, type);
        try {
            return mapper.readValue(json, listType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " list is not valid JSON", e);
        }
    }
}
