package io.camelbricks.api.wire;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.camelbricks.api.DatabricksException;
import io.camelbricks.api.registry.Operation;

/** Maps a successful JSON body onto the operation's response type; an empty body yields an empty object. */
public final class ResponseDecoder {
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final ObjectMapper mapper;
    /** A reader per response type: it finds the type's deserializer once, not on every answer. */
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    public ResponseDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <R> R decode(Operation<?, R> op, byte[] body) {
        Class<R> type = op.responseType();
        if (type == Void.class) {
            return null;
        }
        byte[] json = body == null || body.length == 0 || isBlank(body) ? EMPTY_OBJECT : body;
        try {
            return readers.computeIfAbsent(type, mapper::readerFor).readValue(json);
        } catch (IOException e) {
            throw new DatabricksException(op.id() + ": the response is not a valid " + type.getSimpleName()
                    + " document: " + e.getMessage(), e);
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }
}
