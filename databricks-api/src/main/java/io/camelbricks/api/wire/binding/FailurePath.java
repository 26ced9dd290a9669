package io.camelbricks.api.wire.binding;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Adds where a read failed to its exception, as Jackson's own deserializers do: a bean's field name, a list's index, a
 * map's key, so the message ends with the reference chain ({@code Job["settings"]->...->ArrayList[1]->...}).
 * With {@link DeserializationFeature#WRAP_EXCEPTIONS} off, runtime failures go out unwrapped; an I/O failure that
 * is not about JSON (the connection) always does.
 */
final class FailurePath {

    private FailurePath() {
    }

    static IOException at(Exception e, Object from, String field, DeserializationContext ctxt) throws IOException {
        throwIfNotWrapped(e, ctxt);
        return JsonMappingException.wrapWithPath(e, from, field);
    }

    static IOException at(Exception e, Object from, int index, DeserializationContext ctxt) throws IOException {
        throwIfNotWrapped(e, ctxt);
        return JsonMappingException.wrapWithPath(e, from, index);
    }

    /** Throws {@code e} itself when Jackson would not wrap it. */
    private static void throwIfNotWrapped(Exception e, DeserializationContext ctxt) throws IOException {
        boolean wrap = ctxt.isEnabled(DeserializationFeature.WRAP_EXCEPTIONS);
        if (e instanceof IOException io && (!wrap || !(e instanceof JsonProcessingException))) {
            throw io;
        }
        if (!wrap && e instanceof RuntimeException re) {
            throw re;
        }
    }
}
