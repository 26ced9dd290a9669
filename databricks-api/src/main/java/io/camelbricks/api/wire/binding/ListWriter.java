package io.camelbricks.api.wire.binding;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;

/**
 * A list as a JSON array, as Jackson's list serializer writes it: {@code null} elements as the mapper's null,
 * a one-element list unwrapped when the mapper has {@link SerializationFeature#WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED}.
 *
 * @param <E> the element type
 */
final class ListWriter<E> implements ValueWriter<List<E>> {

    private final ValueWriter<? super E> element;

    ListWriter(ValueWriter<? super E> element) {
        this.element = element;
    }

    @Override
    public void write(List<E> list, JsonGenerator gen, SerializerProvider provider) throws IOException {
        int size = list.size();
        if (size == 1 && provider.isEnabled(SerializationFeature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED)) {
            writeElement(list.get(0), gen, provider);
            return;
        }
        gen.writeStartArray(list, size);
        for (E e : list) {
            writeElement(e, gen, provider);
        }
        gen.writeEndArray();
    }

    private void writeElement(E e, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (e == null) {
            provider.defaultSerializeNull(gen);
        } else {
            element.write(e, gen, provider);
        }
    }
}
