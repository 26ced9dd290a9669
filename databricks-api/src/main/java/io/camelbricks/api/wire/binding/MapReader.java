package io.camelbricks.api.wire.binding;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;

/** A JSON object as a {@code LinkedHashMap} in field order (what Jackson gives a {@code Map<String, V>} field). */
final class MapReader<V> implements ValueReader<Map<String, V>> {

    private final ValueReader<V> value;

    MapReader(ValueReader<V> value) {
        this.value = value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, V> read(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.START_OBJECT) {
            t = p.nextToken();
        } else if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
            return (Map<String, V>) ctxt.handleUnexpectedToken(Map.class, p);
        }
        Map<String, V> map = new LinkedHashMap<>();
        for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            try {
                map.put(name, value.read(p, ctxt));
            } catch (IOException | RuntimeException e) {
                throw FailurePath.at(e, map, name, ctxt);
            }
        }
        return map;
    }
}
