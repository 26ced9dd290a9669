package io.camelbricks.api.wire.binding;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.type.TypeFactory;

import io.camelbricks.api.wire.OpenEnum;

/**
 * The writers of the generated beans' scalar fields ({@code String}, {@code Long}, {@code Integer}, {@code Double},
 * {@code Boolean}), open enums (their wire value, what their {@code @JsonValue} gives) and free-form values
 * ({@code Object}, through the mapper's own serializers). Each writes what Jackson's serializer of the type writes.
 */
public final class ScalarWriter {

    public static final ValueWriter<String> STRING = (v, gen, provider) -> gen.writeString(v);
    public static final ValueWriter<Long> LONG = (v, gen, provider) -> gen.writeNumber(v.longValue());
    public static final ValueWriter<Integer> INTEGER = (v, gen, provider) -> gen.writeNumber(v.intValue());
    public static final ValueWriter<Double> DOUBLE = (v, gen, provider) -> gen.writeNumber(v.doubleValue());
    public static final ValueWriter<Boolean> BOOLEAN = (v, gen, provider) -> gen.writeBoolean(v.booleanValue());
    /** A generated open enum: its wire value as a JSON string. */
    public static final ValueWriter<OpenEnum> OPEN_ENUM = ScalarWriter::writeOpenEnum;
    /** Free-form JSON (maps, lists, strings, numbers, booleans) and anything else: the mapper's serializer. */
    public static final ValueWriter<Object> ANY = ScalarWriter::writeAny;

    private static final JavaType OBJECT = TypeFactory.defaultInstance().constructType(Object.class);

    private ScalarWriter() {
    }

    /**
     * As a property declared {@code Object}: the serializer of the value's class, with type information when the
     * mapper's default typing covers {@code Object}.
     */
    private static void writeAny(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        TypeSerializer typeSer = BeanWriter.defaultTyping(provider) ? provider.findTypeSerializer(OBJECT) : null;
        if (typeSer == null) {
            provider.defaultSerializeValue(value, gen);
        } else {
            provider.findPrimaryPropertySerializer(value.getClass(), null).serializeWithType(value, gen, provider, typeSer);
        }
    }

    private static void writeOpenEnum(OpenEnum value, JsonGenerator gen, SerializerProvider provider)
            throws IOException {
        String wire = value.value();
        if (wire == null) {
            provider.defaultSerializeNull(gen);
        } else {
            gen.writeString(wire);
        }
    }
}
