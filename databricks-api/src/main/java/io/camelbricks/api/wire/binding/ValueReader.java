package io.camelbricks.api.wire.binding;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;

/**
 * Reads one JSON value into a Java value: the parser is on the value's first token, and is left on its last one.
 * JSON {@code null} reads as {@code null}. The generated beans read their fields through these
 * ({@link BeanReader}) instead of Jackson's reflective bean binding.
 *
 * @param <T> the Java type read
 */
public interface ValueReader<T> {

    T read(JsonParser p, DeserializationContext ctxt) throws IOException;

    /** A JSON array as an {@code ArrayList} of {@code element}s. */
    static <E> ValueReader<java.util.List<E>> listOf(ValueReader<E> element) {
        return new ListReader<>(element);
    }

    /** A JSON object as a {@code LinkedHashMap} from its field names to {@code value}s. */
    static <V> ValueReader<java.util.Map<String, V>> mapOf(ValueReader<V> value) {
        return new MapReader<>(value);
    }
}
