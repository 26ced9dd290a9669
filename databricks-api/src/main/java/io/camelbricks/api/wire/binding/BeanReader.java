package io.camelbricks.api.wire.binding;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * The base of the JSON reader codegen writes into every generated bean ({@code Job.FromJson}, named by the bean's
 * {@code @JsonDeserialize}): it walks the object's fields and hands each to the generated
 * {@link #readField}, a {@code switch} on the wire name that calls the field's setter with the field's
 * {@link ValueReader}.
 * <p>
 * Why not Jackson's bean binding: Jackson builds the deserializer of a class together with those of every class its
 * properties can reach, by reflection, on the first read. A first {@code jobs/get} built about 180 of them (the whole
 * {@code Job} graph) and spent 35-40 % of a new client's first call doing so. Here nothing is introspected and a class
 * is loaded only when a field of its type is present in the JSON. The result is the one Jackson's binding gives:
 * fields by wire name through the same setters, unknown fields kept ({@code additionalProperties()}) or handled as the
 * mapper says, {@code null}s as nulls, other tokens through Jackson's deserializers, and failures carrying the path
 * ({@code Job["settings"]->JobSettings["tasks"]->...}).
 *
 * @param <T> the bean
 */
public abstract class BeanReader<T> extends StdDeserializer<T> implements ValueReader<T> {

    protected BeanReader(Class<T> type) {
        super(type);
    }

    /** A new, empty bean. */
    protected abstract T newBean();

    /**
     * Reads the value of the field {@code name} into {@code bean}; the parser is on the value's first token.
     *
     * @return false when the bean has no field of that name (nothing has been read)
     */
    protected abstract boolean readField(T bean, String name, JsonParser p, DeserializationContext ctxt)
            throws IOException;

    /**
     * A field the bean does not declare: by default what the mapper does with unknown properties (skipped unless
     * {@link DeserializationFeature#FAIL_ON_UNKNOWN_PROPERTIES}). Beans that keep unknown fields override this.
     */
    protected void readUnknown(T bean, String name, JsonParser p, DeserializationContext ctxt) throws IOException {
        ctxt.handleUnknownProperty(p, this, bean, name);
    }

    @Override
    public T read(JsonParser p, DeserializationContext ctxt) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : deserialize(p, ctxt);
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT) {
            return readInto(newBean(), p, ctxt);
        }
        if (t == JsonToken.VALUE_EMBEDDED_OBJECT && handledType().isInstance(p.getEmbeddedObject())) {
            return cast(p.getEmbeddedObject());
        }
        return cast(ctxt.handleUnexpectedToken(handledType(), p));
    }

    /** {@code ObjectMapper.updateValue} and {@code readerForUpdating}: the fields present are set on {@code bean}. */
    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt, T bean) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT) {
            return readInto(bean, p, ctxt);
        }
        return deserialize(p, ctxt);
    }

    @Override
    public Boolean supportsUpdate(com.fasterxml.jackson.databind.DeserializationConfig config) {
        return Boolean.TRUE;
    }

    @Override
    public boolean isCachable() {
        return true;
    }

    private T readInto(T bean, JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        // nextFieldName: the parser's fast path for names (no token object per name)
        String name = t == JsonToken.START_OBJECT ? p.nextFieldName()
                : t == JsonToken.FIELD_NAME ? p.currentName() : null;
        for (; name != null; name = p.nextFieldName()) {
            p.nextToken();
            try {
                if (!readField(bean, name, p, ctxt)) {
                    readUnknown(bean, name, p, ctxt);
                }
            } catch (IOException | RuntimeException e) {
                throw FailurePath.at(e, bean, name, ctxt);
            }
        }
        return bean;
    }

    @SuppressWarnings("unchecked")
    private T cast(Object value) {
        return (T) value;
    }
}
