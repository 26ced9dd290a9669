package io.camelbricks.api.wire.binding;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * The base of the JSON reader of a generated open enum ({@code RunLifeCycleState.FromJson}): the value's text through
 * the enum's {@code of(String)}, which keeps values this version does not know. A non-string scalar is taken as its
 * text, as Jackson's delegating creator over a {@code String} did.
 *
 * @param <T> the open enum
 */
public abstract class OpenEnumReader<T> extends StdDeserializer<T> implements ValueReader<T> {

    protected OpenEnumReader(Class<T> type) {
        super(type);
    }

    /** The enum's {@code of(String)}. */
    protected abstract T of(String value);

    @Override
    public T read(JsonParser p, DeserializationContext ctxt) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : deserialize(p, ctxt);
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return of(p.getText());
        }
        return of(ctxt.readValue(p, String.class));
    }

    @Override
    public boolean isCachable() {
        return true;
    }
}
