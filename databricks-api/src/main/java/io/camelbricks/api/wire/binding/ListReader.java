package io.camelbricks.api.wire.binding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;

/**
 * A JSON array as an {@code ArrayList} (what Jackson gives a {@code List} field); JSON {@code null} elements stay null.
 * A single value where an array belongs is one element only if the mapper accepts that
 * ({@link DeserializationFeature#ACCEPT_SINGLE_VALUE_AS_ARRAY}); otherwise it is Jackson's error for the token.
 */
final class ListReader<E> implements ValueReader<List<E>> {

    private final ValueReader<E> element;

    ListReader(ValueReader<E> element) {
        this.element = element;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<E> read(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_ARRAY) {
            if (ctxt.isEnabled(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)) {
                List<E> one = new ArrayList<>(1);
                one.add(element.read(p, ctxt));
                return one;
            }
            return (List<E>) ctxt.handleUnexpectedToken(List.class, p);
        }
        List<E> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            try {
                list.add(element.read(p, ctxt));
            } catch (IOException | RuntimeException e) {
                throw FailurePath.at(e, list, list.size(), ctxt);
            }
        }
        return list;
    }
}
