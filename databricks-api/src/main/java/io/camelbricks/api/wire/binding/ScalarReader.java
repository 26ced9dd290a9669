package io.camelbricks.api.wire.binding;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;

/**
 * The readers of the generated beans' scalar fields ({@code String}, {@code Long}, {@code Integer}, {@code Double},
 * {@code Boolean}) and of free-form ones ({@code Object}). The token a field normally holds is read directly; any other
 * token goes to Jackson's own deserializer of the type, so coercions ({@code "42"} for a {@code Long}), the mapper's
 * settings and the error messages are exactly Jackson's.
 *
 * @param <T> the scalar type
 */
public final class ScalarReader<T> implements ValueReader<T> {

    public static final ScalarReader<String> STRING = new ScalarReader<>(String.class, JsonToken.VALUE_STRING);
    public static final ScalarReader<Long> LONG = new ScalarReader<>(Long.class, JsonToken.VALUE_NUMBER_INT);
    public static final ScalarReader<Integer> INTEGER = new ScalarReader<>(Integer.class, JsonToken.VALUE_NUMBER_INT);
    public static final ScalarReader<Double> DOUBLE = new ScalarReader<>(Double.class, JsonToken.VALUE_NUMBER_FLOAT);
    public static final ScalarReader<Boolean> BOOLEAN = new ScalarReader<>(Boolean.class, null);
    /** Free-form JSON as Jackson's untyped binding gives it: maps, lists, strings, numbers, booleans. */
    public static final ScalarReader<Object> ANY = new ScalarReader<>(Object.class, null);

    private final Class<T> type;
    private final JsonToken direct;

    private ScalarReader(Class<T> type, JsonToken direct) {
        this.type = type;
        this.direct = direct;
    }

    @Override
    public T read(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == direct) {
            return type.cast(direct(p));
        }
        if (type == Boolean.class && (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE)) {
            return type.cast(t == JsonToken.VALUE_TRUE ? Boolean.TRUE : Boolean.FALSE);
        }
        return ctxt.readValue(p, type);
    }

    private Object direct(JsonParser p) throws IOException {
        if (type == String.class) {
            return p.getText();
        }
        if (type == Long.class) {
            return p.getLongValue();
        }
        if (type == Integer.class) {
            return p.getIntValue();
        }
        return p.getDoubleValue();
    }

    @Override
    public String toString() {
        return "ScalarReader[" + type.getSimpleName() + "]";
    }
}
