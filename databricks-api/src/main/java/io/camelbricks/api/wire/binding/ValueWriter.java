package io.camelbricks.api.wire.binding;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;

/**
 * Writes one non-null Java value as JSON, as Jackson's serializer of its type would. The generated beans write their
 * fields through these ({@link BeanWriter}) instead of Jackson's reflective bean serializer.
 *
 * @param <T> the Java type written
 */
public interface ValueWriter<T> {

    /** Writes {@code value}, which is not null. */
    void write(T value, JsonGenerator gen, SerializerProvider provider) throws IOException;

    /** A list as a JSON array of {@code element}s ({@code null} elements as {@code null}). */
    static <E> ValueWriter<List<E>> listOf(ValueWriter<? super E> element) {
        return new ListWriter<>(element);
    }

    /** A map as a JSON object of {@code value}s (null values as the mapper's content inclusion says). */
    static <V> ValueWriter<Map<String, V>> mapOf(ValueWriter<? super V> value) {
        return new MapWriter<>(value);
    }
}
