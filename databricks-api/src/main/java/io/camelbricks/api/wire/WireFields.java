package io.camelbricks.api.wire;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * A new model with some fields set by wire name ({@code run_id}) through its setters, when every value is a scalar
 * (text, number, boolean, open enum) of the setter's type: what a waiter builds for every wait (the {@code runs/get} request of a submitted run), without
 * writing the values into a JSON tree and binding it. Anything else (a value that needs converting, a name that is
 * not a settable property, a class without a public no-argument constructor) is left to the caller, which binds it
 * as JSON: the result is then the same either way.
 */
public final class WireFields {
    /** A class's settable properties by wire name, and how to make one (computed once per class). */
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private WireFields() {
    }

    /** A new {@code type} with {@code names[i] = values[i]}, or empty when that cannot be done through its setters. */
    public static <T> Optional<T> set(Class<T> type, List<String> names, List<Object> values) {
        Shape shape = SHAPES.get(type);
        if (shape.constructor == null) {
            return Optional.empty();
        }
        for (int i = 0; i < names.size(); i++) {
            Setter setter = shape.setters.get(names.get(i));
            Object value = values.get(i);
            if (setter == null || !isImmutableScalar(value) || !setter.type.isInstance(value)) {
                return Optional.empty();
            }
        }
        try {
            Object bean = shape.constructor.newInstance();
            for (int i = 0; i < names.size(); i++) {
                shape.setters.get(names.get(i)).member.setValue(bean, values.get(i));
            }
            return Optional.of(type.cast(bean));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Values that can be shared with the model they came from (a model or a list would be aliased, not copied). */
    private static boolean isImmutableScalar(Object value) {
        return value instanceof String || value instanceof Long || value instanceof Integer || value instanceof Double
                || value instanceof Boolean || value instanceof OpenEnum;
    }

    private record Setter(AnnotatedMember member, Class<?> type) {
    }

    private record Shape(Constructor<?> constructor, Map<String, Setter> setters) {
        static Shape of(Class<?> type) {
            ObjectMapper mapper = JsonMapper.shared();
            BeanDescription description = mapper.getDeserializationConfig().introspect(mapper.constructType(type));
            Map<String, Setter> setters = new HashMap<>();
            for (BeanPropertyDefinition property : description.findProperties()) {
                AnnotatedMember mutator = property.getMutator();
                if (mutator != null && !property.getPrimaryType().isPrimitive()) {
                    if (mutator.getMember() instanceof AccessibleObject member) {
                        member.trySetAccessible();
                    }
                    setters.put(property.getName(), new Setter(mutator, property.getRawPrimaryType()));
                }
            }
            return new Shape(noArgumentConstructor(type), Collections.unmodifiableMap(setters));
        }

        private static Constructor<?> noArgumentConstructor(Class<?> type) {
            if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
                return null;
            }
            try {
                Constructor<?> constructor = type.getConstructor();
                return constructor.trySetAccessible() ? constructor : null;
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    }
}
