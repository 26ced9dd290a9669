package io.camelbricks.camel;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedConstructor;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The fields of an operation's request type, as the client's Jackson mapper sees them: wire name
 * ({@code run_id}), Java name ({@code runId}) and type. Resolves the names users write (camelCase or snake_case,
 * case-insensitive) and turns option text into JSON of the field's type.
 */
final class RequestFields {
    private static final String PATH_ALIAS = "path";
    private final Class<?> requestType;
    private final Map<String, Field> byWireName;
    private final Map<String, Field> byLooseName;
    private final Method binarySetter;
    /** A setter (or field) Jackson uses to read a field, and the field's type. */
    private record Setter(AnnotatedMember member, Class<?> type) {
    }

    /** Setters of the String, Long, Integer and Boolean fields, by wire name, as Jackson reads them. */
    private final Map<String, Setter> scalarSetters;
    /** The request's no-argument constructor, or null. */
    private final AnnotatedConstructor constructor;
    /** The Java types a value may have to be set without going through JSON: the field's own type. */
    private static final Set<Class<?>> DIRECT_TYPES = Set.of(String.class, Long.class, Integer.class, Boolean.class);

    /** One field of the request. */
    record Field(String wireName, String javaName, JavaType type) {
        /** The type as a user reads it: {@code Long}, {@code List<String>}, {@code JobSettings}. */
        String typeDescription() {
            return TypeNames.describe(type);
        }

        boolean isScalar() {
            Class<?> raw = type.getRawClass();
            return type.isPrimitive() || CharSequence.class.isAssignableFrom(raw) || Number.class.isAssignableFrom(raw)
                    || raw == Boolean.class || raw.isEnum() || TypeNames.isOpenEnum(raw);
        }

        boolean isCollection() {
            return type.isCollectionLikeType() || type.isArrayType();
        }
    }

    private RequestFields(Class<?> requestType, Map<String, Field> byWireName,
                          Map<String, Setter> scalarSetters, AnnotatedConstructor constructor) {
        this.requestType = requestType;
        this.scalarSetters = Map.copyOf(scalarSetters);
        this.constructor = constructor;
        this.byWireName = Collections.unmodifiableMap(byWireName);
        Map<String, Field> loose = new LinkedHashMap<>();
        for (Field f : byWireName.values()) {
            loose.putIfAbsent(loose(f.wireName()), f);
            if (f.javaName() != null) {
                loose.putIfAbsent(loose(f.javaName()), f);
            }
        }
        this.byLooseName = loose;
        this.binarySetter = streamSetter(requestType);
    }

    /** The setter of the stream a binary upload sends (never JSON, so Jackson does not see it), or null. */
    private static Method streamSetter(Class<?> type) {
        if (type == null) {
            return null;
        }
        for (Method m : type.getMethods()) {
            if (m.getName().startsWith("set") && m.getParameterCount() == 1
                    && m.getParameterTypes()[0] == InputStream.class) {
                return m;
            }
        }
        return null;
    }

    /** The fields of {@code requestType} (none for {@code Void}). */
    static RequestFields of(Class<?> requestType, ObjectMapper mapper) {
        Map<String, Field> fields = new LinkedHashMap<>();
        Map<String, Setter> setters = new HashMap<>();
        AnnotatedConstructor constructor = null;
        if (requestType != null && requestType != Void.class) {
            JavaType type = mapper.constructType(requestType);
            BeanDescription reading = mapper.getDeserializationConfig().introspect(type);
            for (BeanPropertyDefinition p : reading.findProperties()) {
                AnnotatedMember setter = p.getNonConstructorMutator();
                if (setter != null && DIRECT_TYPES.contains(p.getRawPrimaryType())) {
                    setter.fixAccess(true);
                    setters.put(p.getName(), new Setter(setter, p.getRawPrimaryType()));
                }
            }
            constructor = reading.findDefaultConstructor();
            if (constructor != null) {
                constructor.fixAccess(true);
            }
            BeanDescription description = mapper.getSerializationConfig().introspect(type);
            for (BeanPropertyDefinition p : description.findProperties()) {
                if (!p.hasField() && !p.hasSetter()) {
                    continue; // read-only: nothing a request can set
                }
                String javaName = p.getInternalName();
                if (javaName != null && javaName.endsWith("_")) {
                    javaName = javaName.substring(0, javaName.length() - 1); // escaped keyword: package_
                }
                fields.put(p.getName(), new Field(p.getName(), javaName, p.getPrimaryType()));
            }
        }
        return new RequestFields(requestType, fields, setters, constructor);
    }

    Class<?> requestType() {
        return requestType;
    }

    Collection<Field> all() {
        return byWireName.values();
    }

    boolean isEmpty() {
        return byWireName.isEmpty();
    }

    /** The field a user-written name designates: wire name or Java name, camelCase or snake_case, any case. */
    Optional<Field> find(String name) {
        Field exact = byWireName.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        Field loose = byLooseName.get(loose(name));
        return loose != null ? Optional.of(loose) : Optional.ofNullable(pathAlias(name));
    }

    /**
     * {@code path} names the request's only {@code *_path} field (files/upload?path=... sets file_path,
     * files/listDirectoryContents?path=... sets directory_path), the way users write paths on every other operation.
     */
    private Field pathAlias(String name) {
        if (!name.equalsIgnoreCase(PATH_ALIAS)) {
            return null;
        }
        List<Field> paths = byWireName.values().stream().filter(f -> f.wireName().endsWith("_path")
                && f.isScalar()).toList();
        return paths.size() == 1 ? paths.get(0) : null;
    }

    /** Whether requests can be built by {@link #newRequest()} and {@link #setDirectly}. */
    boolean buildsDirectly() {
        return constructor != null && !scalarSetters.isEmpty();
    }

    /** A new, empty request (see {@link #buildsDirectly()}). */
    Object newRequest() {
        try {
            return constructor.call();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a " + requestType.getSimpleName(), e);
        }
    }

    /** Whether {@code value} is of the field's own type (String, Long, Integer, Boolean): set as is, no JSON. */
    boolean setsDirectly(Field field, Object value) {
        Setter setter = scalarSetters.get(field.wireName());
        return setter != null && value != null && value.getClass() == setter.type();
    }

    /** Sets a value accepted by {@link #setsDirectly} the way Jackson would set it from its JSON. */
    void setDirectly(Object request, Field field, Object value) {
        scalarSetters.get(field.wireName()).member().setValue(request, value);
    }

    /** Whether the request carries an {@code InputStream} (a binary upload such as files/upload). */
    boolean hasStream() {
        return binarySetter != null;
    }

    /** The request's {@code InputStream}. */
    InputStream streamOf(Object request) {
        try {
            Method getter = requestType.getMethod("g" + binarySetter.getName().substring(1));
            return (InputStream) getter.invoke(request);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return null;
        }
    }

    /** Sets the request's {@code InputStream}. */
    void setStream(Object request, InputStream stream) {
        try {
            binarySetter.invoke(request, stream);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set the contents of " + requestType.getSimpleName(), e);
        }
    }

    /** {@code run_id (runId: Long), ...}, for error messages. */
    String describeAll() {
        if (byWireName.isEmpty()) {
            return "(this operation takes no request fields)";
        }
        List<String> parts = new ArrayList<>();
        for (Field f : byWireName.values()) {
            boolean sameName = f.javaName() == null || f.javaName().equals(f.wireName());
            parts.add(f.wireName() + " (" + (sameName ? "" : f.javaName() + ": ") + f.typeDescription() + ")");
        }
        return String.join(", ", parts);
    }

    /** Names users may write, for "did you mean". */
    List<String> userNames() {
        List<String> names = new ArrayList<>();
        for (Field f : byWireName.values()) {
            names.add(f.wireName());
            if (f.javaName() != null && !f.javaName().equals(f.wireName())) {
                names.add(f.javaName());
            }
        }
        return names;
    }

    /**
     * The JSON form of a value given as text (URI option, String header): a scalar stays text (Jackson coerces
     * {@code "42"} to a number); an object or list field takes JSON text, and a list also a comma-separated list.
     *
     * @throws IllegalArgumentException when an object or list field gets text that is not JSON
     */
    static JsonNode textToJson(Field field, String text, ObjectMapper mapper) {
        if (field.isScalar()) {
            return TextNode.valueOf(text);
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.startsWith("\"")) {
            try {
                return mapper.readTree(trimmed);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("request field " + field.wireName() + " expects "
                        + field.typeDescription() + " as JSON, but the value is not valid JSON: "
                        + e.getOriginalMessage());
            }
        }
        if (field.isCollection()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (String item : trimmed.split(",")) {
                if (!item.isBlank()) {
                    array.add(item.strip());
                }
            }
            return array;
        }
        throw new IllegalArgumentException("request field " + field.wireName() + " expects " + field.typeDescription()
                + " as a JSON object, got text that is not JSON");
    }

    private static String loose(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

}
