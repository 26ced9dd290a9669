package io.camelbricks.camel;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;

import io.camelbricks.api.wire.OpenEnum;
import io.camelbricks.api.wire.binding.BeanWriter;

/**
 * Reads the scalar at a dotted path of wire names ({@code state.life_cycle_state}) from a response, polled entity or
 * listed item as its JSON would show it, without writing the value as JSON: a typed model through the accessors
 * Jackson would serialize (its unknown fields included), a {@code Map}, or a JSON tree. What the JSON would hold as
 * text, a number or a boolean comes back as a {@code String}, {@code Number} or {@code Boolean}; an absent, null or
 * container value as null. The accessors of each model class are looked up once per mapper.
 */
final class ResultFields {
    /**
     * A model class's readable properties by wire name, its any-getter (the unknown fields) if any, and whether
     * its JSON is an object (not a value written by a {@code @JsonValue} accessor or a custom serializer).
     */
    private record BeanFields(Map<String, AnnotatedMember> properties, AnnotatedMember anyGetter, boolean object) {
    }

    private final ObjectMapper mapper;
    private final ClassValue<BeanFields> beans = new ClassValue<>() {
        @Override
        protected BeanFields computeValue(Class<?> type) {
            return introspect(type);
        }
    };
    private final Map<Enum<?>, String> enumTexts = new ConcurrentHashMap<>();
    /** Paths split once: the same name strings each time, so their hash codes are computed once. */
    private final Map<String, String[]> splitPaths = new ConcurrentHashMap<>();

    ResultFields(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** The scalar at {@code dottedPath} of {@code value}, or null when absent, null or not a scalar. */
    Object at(Object value, String dottedPath) {
        return at(value, splitPaths.computeIfAbsent(dottedPath, p -> p.split("\\.")));
    }

    /** As {@link #at(Object, String)}, the path split at its dots. */
    Object at(Object value, String[] path) {
        Object node = value;
        for (String part : path) {
            node = field(node, part);
            if (node == null) {
                return null;
            }
        }
        return scalar(node);
    }

    /** The field {@code name} of an object value (a model, a Map or an object node); null for anything else. */
    private Object field(Object object, String name) {
        if (object instanceof JsonNode json) {
            JsonNode child = json.isObject() ? json.get(name) : null;
            return child == null || child.isNull() ? null : child;
        }
        if (object instanceof Map<?, ?> map) {
            return map.get(name);
        }
        if (object == null || isScalar(object) || object instanceof Collection<?> || object.getClass().isArray()) {
            return null;
        }
        BeanFields fields = beans.get(object.getClass());
        if (!fields.object()) {
            return field(mapper.valueToTree(object), name);
        }
        AnnotatedMember accessor = fields.properties().get(name);
        if (accessor != null) {
            return accessor.getValue(object);
        }
        if (fields.anyGetter() != null && fields.anyGetter().getValue(object) instanceof Map<?, ?> unknown) {
            return unknown.get(name);
        }
        return null;
    }

    private BeanFields introspect(Class<?> type) {
        BeanDescription description = mapper.getSerializationConfig().introspect(mapper.constructType(type));
        Map<String, AnnotatedMember> properties = new HashMap<>();
        boolean unwrapped = false;
        for (BeanPropertyDefinition property : description.findProperties()) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor != null && accessor.hasAnnotation(JsonUnwrapped.class)) {
                unwrapped = true; // its fields are the parent's in the JSON: read through the JSON instead
            }
            if (accessor != null && property.couldSerialize()) {
                accessor.fixAccess(true);
                properties.put(property.getName(), accessor);
            }
        }
        AnnotatedMember anyGetter = description.findAnyGetter();
        if (anyGetter != null) {
            anyGetter.fixAccess(true);
        }
        boolean object = !unwrapped && description.findJsonValueAccessor() == null
                && (!properties.isEmpty() || anyGetter != null) && writtenAsBean(type);
        return new BeanFields(Map.copyOf(properties), anyGetter, object);
    }

    /**
     * Whether {@code type} is written property by property, as read here: by Jackson's bean serializer, or by the
     * generated writer of a generated model ({@link BeanWriter}, byte for byte what the bean serializer writes).
     */
    private boolean writtenAsBean(Class<?> type) {
        try {
            JsonSerializer<Object> writer = mapper.getSerializerProviderInstance().findValueSerializer(type);
            return writer instanceof BeanSerializerBase || writer instanceof BeanWriter;
        } catch (JsonMappingException e) {
            return false;
        }
    }

    private static boolean isScalar(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof Character;
    }

    /** A leaf as its JSON scalar would read: text, number or boolean; null for a container. */
    private Object scalar(Object leaf) {
        if (leaf instanceof CharSequence || leaf instanceof Number || leaf instanceof Boolean) {
            return leaf instanceof CharSequence text ? text.toString() : leaf;
        }
        if (leaf instanceof OpenEnum constant) {
            return constant.value(); // a generated open enum: its wire value
        }
        if (leaf instanceof Enum<?> constant) {
            return enumTexts.computeIfAbsent(constant, c -> mapper.valueToTree(c).asText());
        }
        if (leaf instanceof Map<?, ?> || leaf instanceof Collection<?> || leaf.getClass().isArray()
                || !(leaf instanceof JsonNode) && beans.get(leaf.getClass()).object()) {
            return null; // an object or array in the JSON
        }
        JsonNode json = leaf instanceof JsonNode node ? node : mapper.valueToTree(leaf);
        if (json == null || json.isNull() || json.isMissingNode() || json.isContainerNode()) {
            return null;
        }
        if (json.isNumber()) {
            return json.numberValue();
        }
        return json.isBoolean() ? json.booleanValue() : json.asText();
    }
}
