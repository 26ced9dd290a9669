package io.camelbricks.api.wire.binding;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;

/**
 * A {@code Map<String, V>} as a JSON object, as Jackson's map serializer writes a map property: entries in the map's
 * order (by key with {@code ORDER_MAP_ENTRIES_BY_KEYS}), {@code null} values left out or written as {@code null} as
 * the mapper's content inclusion for maps says ({@code JsonMapper}'s {@code NON_NULL} leaves them out). Inclusions
 * other than {@code ALWAYS}, {@code NON_NULL} and {@code NON_ABSENT} go through the mapper's own map serializer.
 *
 * @param <V> the value type
 */
final class MapWriter<V> implements ValueWriter<Map<String, V>> {

    private final ValueWriter<? super V> value;

    MapWriter(ValueWriter<? super V> value) {
        this.value = value;
    }

    @Override
    public void write(Map<String, V> map, JsonGenerator gen, SerializerProvider provider) throws IOException {
        Boolean suppressNulls = BeanWriter.suppressNullValues(provider);
        if (suppressNulls == null) {
            provider.defaultSerializeValue(map, gen);
            return;
        }
        gen.writeStartObject(map);
        BeanWriter.writeEntries(map, value, suppressNulls, gen, provider);
        gen.writeEndObject();
    }
}
