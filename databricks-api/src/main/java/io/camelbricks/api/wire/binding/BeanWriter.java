package io.camelbricks.api.wire.binding;

import java.io.IOException;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.BeanSerializerFactory;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * The base of the JSON writer codegen writes into every generated bean ({@code SubmitRun.ToJson}, named by the bean's
 * {@code @JsonSerialize}): the generated {@link #writeFields} writes each non-null field under its wire name through
 * the field's {@link ValueWriter}, then the unknown fields kept in {@code additionalProperties()}.
 * <p>
 * Why not Jackson's reflective {@code BeanSerializer}: it reads every property through {@code Method.invoke}, the
 * largest client-side CPU item when sending a request body. The output is the one it writes, byte for byte, with
 * the wire mapper ({@code GeneratedWritersTest}): the fields in its order (a superclass's first, then the class's own,
 * each in declaration order), {@code null} fields left out ({@code @JsonInclude(NON_NULL)} on the bean), empty lists
 * and maps written, {@code null} list elements as {@code null}, {@code null} map values as the mapper's content
 * inclusion says, {@code @JsonIgnore} fields (streams) never, the unknown fields last. Free-form values and anything
 * unusual go through the mapper's own serializers. A subclass the generator did not write (which inherits the
 * annotation), and any bean when the mapper writes type ids by default, are written by Jackson's reflective bean
 * serializer, as before.
 *
 * @param <T> the bean
 */
public abstract class BeanWriter<T> extends StdSerializer<T> implements ValueWriter<T> {

    private static final Comparator<String> KEYS = Comparator.nullsFirst(Comparator.naturalOrder());

    protected BeanWriter(Class<T> type) {
        super(type);
    }

    /** Writes the bean's fields (names and values) into the object the caller opened. */
    protected abstract void writeFields(T bean, JsonGenerator gen, SerializerProvider provider) throws IOException;

    @Override
    public void serialize(T bean, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (bean.getClass() != handledType() || defaultTyping(provider)) {
            reflective(bean.getClass(), provider).serialize(bean, gen, provider);
            return;
        }
        gen.writeStartObject(bean);
        writeFields(bean, gen, provider);
        gen.writeEndObject();
    }

    @Override
    public void serializeWithType(T bean, JsonGenerator gen, SerializerProvider provider, TypeSerializer typeSer)
            throws IOException {
        if (bean.getClass() != handledType() || defaultTyping(provider)) {
            reflective(bean.getClass(), provider).serializeWithType(bean, gen, provider, typeSer);
            return;
        }
        gen.assignCurrentValue(bean);
        WritableTypeId typeId = typeSer.writeTypePrefix(gen, typeSer.typeId(bean, JsonToken.START_OBJECT));
        writeFields(bean, gen, provider);
        typeSer.writeTypeSuffix(gen, typeId);
    }

    /** A field of this bean's type: a subclass (a request extending its body) goes to its own serializer. */
    @Override
    public void write(T bean, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (bean.getClass() != handledType()) {
            provider.findValueSerializer(bean.getClass(), null).serialize(bean, gen, provider);
        } else {
            serialize(bean, gen, provider);
        }
    }

    protected static void writeField(JsonGenerator gen, SerializableString name, String value) throws IOException {
        if (value != null) {
            gen.writeFieldName(name);
            gen.writeString(value);
        }
    }

    protected static void writeField(JsonGenerator gen, SerializableString name, Long value) throws IOException {
        if (value != null) {
            gen.writeFieldName(name);
            gen.writeNumber(value.longValue());
        }
    }

    protected static void writeField(JsonGenerator gen, SerializableString name, Integer value) throws IOException {
        if (value != null) {
            gen.writeFieldName(name);
            gen.writeNumber(value.intValue());
        }
    }

    protected static void writeField(JsonGenerator gen, SerializableString name, Double value) throws IOException {
        if (value != null) {
            gen.writeFieldName(name);
            gen.writeNumber(value.doubleValue());
        }
    }

    protected static void writeField(JsonGenerator gen, SerializableString name, Boolean value) throws IOException {
        if (value != null) {
            gen.writeFieldName(name);
            gen.writeBoolean(value.booleanValue());
        }
    }

    /** A field of any other type (open enums, beans, lists, maps, free-form values), left out when null. */
    protected static <V> void writeField(JsonGenerator gen, SerializerProvider provider, SerializableString name,
                                         V value, ValueWriter<? super V> writer) throws IOException {
        if (value != null) {
            gen.writeFieldName(name);
            writer.write(value, gen, provider);
        }
    }

    /**
     * The unknown fields ({@code @JsonAnyGetter additionalProperties()}), after the declared ones, as Jackson's
     * any-getter writes them: each value through the mapper, {@code null}s as its content inclusion for maps says.
     */
    protected static void writeUnknown(JsonGenerator gen, SerializerProvider provider, Map<String, Object> unknown)
            throws IOException {
        if (!unknown.isEmpty()) {
            Boolean suppressNulls = suppressNullValues(provider);
            writeEntries(unknown, ScalarWriter.ANY, suppressNulls, gen, provider);
        }
    }

    /**
     * Whether the mapper leaves {@code null} map values out ({@code NON_NULL}, {@code NON_ABSENT}: true;
     * {@code ALWAYS}: false), or null for the other content inclusions (which leave out more than nulls).
     */
    static Boolean suppressNullValues(SerializerProvider provider) {
        JsonInclude.Value inclusion = provider.getConfig().getDefaultInclusion(Map.class, Map.class);
        JsonInclude.Include content = inclusion == null ? null : inclusion.getContentInclusion();
        if (content == null) {
            return Boolean.FALSE;
        }
        switch (content) {
            case ALWAYS:
            case USE_DEFAULTS:
                return Boolean.FALSE;
            case NON_NULL:
            case NON_ABSENT:
                return Boolean.TRUE;
            default:
                return null;
        }
    }

    /**
     * The entries of a map as fields of the open object: in the map's order, or by key with
     * {@code ORDER_MAP_ENTRIES_BY_KEYS}; {@code suppressNulls} null: also values Jackson calls empty are left out.
     */
    static <V> void writeEntries(Map<String, V> map, ValueWriter<? super V> writer, Boolean suppressNulls,
                                 JsonGenerator gen, SerializerProvider provider) throws IOException {
        Map<String, V> entries = map;
        if (map.size() > 1 && provider.isEnabled(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)) {
            entries = new TreeMap<>(KEYS);
            entries.putAll(map);
        }
        for (Map.Entry<String, V> e : entries.entrySet()) {
            V value = e.getValue();
            if (value == null) {
                if (suppressNulls == null || suppressNulls) {
                    continue;
                }
                fieldName(e.getKey(), gen, provider);
                provider.defaultSerializeNull(gen);
            } else {
                if (suppressNulls == null
                        && provider.findValueSerializer(value.getClass(), null).isEmpty(provider, value)) {
                    continue;
                }
                fieldName(e.getKey(), gen, provider);
                writer.write(value, gen, provider);
            }
        }
    }

    private static void fieldName(String key, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (key == null) {
            provider.findNullKeySerializer(provider.constructType(String.class), null).serialize(null, gen, provider);
        } else {
            gen.writeFieldName(key);
        }
    }

    /**
     * Whether the mapper writes type ids by default ({@code activateDefaultTyping}): then a field's declared type
     * decides which values get one, which only Jackson's own bean serializer knows; the bean is left to it.
     */
    static boolean defaultTyping(SerializerProvider provider) {
        return provider.getConfig().getDefaultTyper(null) != null;
    }

    /**
     * Jackson's reflective bean serializer of {@code type} (not its {@code @JsonSerialize}), built for this call
     * (user subclasses and default typing only).
     */
    private static JsonSerializer<Object> reflective(Class<?> type, SerializerProvider provider)
            throws JsonMappingException {
        return Reflective.INSTANCE.beanSerializer(type, provider);
    }

    /** Builds Jackson's own {@code BeanSerializer} for a class, ignoring the {@code @JsonSerialize} it inherits. */
    private static final class Reflective extends BeanSerializerFactory {
        private static final long serialVersionUID = 1L;
        static final Reflective INSTANCE = new Reflective();

        private Reflective() {
            super(null);
        }

        JsonSerializer<Object> beanSerializer(Class<?> type, SerializerProvider provider) throws JsonMappingException {
            JavaType javaType = provider.constructType(type);
            JsonSerializer<Object> ser = constructBeanOrAddOnSerializer(provider, javaType,
                    provider.getConfig().introspect(javaType), false);
            if (ser == null) {
                return provider.getUnknownTypeSerializer(type);
            }
            if (ser instanceof ResolvableSerializer) {
                ((ResolvableSerializer) ser).resolve(provider);
            }
            return ser;
        }
    }
}
