package io.camelbricks.api.wire;

import java.lang.reflect.AccessibleObject;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * A dotted path of wire names ({@code state.life_cycle_state}) read from a typed model through its getters, without
 * writing the model into a JSON tree first: what a waiter reads on every poll. The text is what the same path of the
 * model's JSON gives ({@code JsonNode.asText()} of a scalar; null for a missing field, {@code null} or an object or
 * array). A name that is not a declared property (a field the model keeps as unknown, a map key) is read from the
 * JSON of what holds it, so the answer is always that of the JSON.
 */
public final class WirePath {
    /** The serialisable properties of a class, by wire name (computed once per class). */
    private static final ClassValue<Map<String, AnnotatedMember>> PROPERTIES = new ClassValue<>() {
        @Override
        protected Map<String, AnnotatedMember> computeValue(Class<?> type) {
            ObjectMapper mapper = JsonMapper.shared();
            BeanDescription description = mapper.getSerializationConfig().introspect(mapper.constructType(type));
            Map<String, AnnotatedMember> byName = new HashMap<>();
            for (BeanPropertyDefinition property : description.findProperties()) {
                AnnotatedMember accessor = property.getAccessor();
                if (accessor != null && property.couldSerialize()) {
                    byName.put(property.getName(), withoutAccessChecks(accessor));
                }
            }
            return Collections.unmodifiableMap(byName);
        }
    };

    /**
     * The accessor, made accessible where the module system allows it: a reflective call then skips the caller
     * access check it otherwise makes every time (a waiter reads a path on every poll).
     */
    private static AnnotatedMember withoutAccessChecks(AnnotatedMember accessor) {
        if (accessor.getMember() instanceof AccessibleObject member) {
            member.trySetAccessible();
        }
        return accessor;
    }

    /** The names of each dotted path seen (a waiter makes its paths on every wait; there are few distinct ones). */
    private static final Map<String, List<String>> SPLIT = new ConcurrentHashMap<>();
    /** Paths beyond this many distinct ones are split each time (the spec has a few dozen). */
    private static final int MAX_SPLIT = 1024;

    private final ObjectMapper mapper;
    private final List<String> names;

    private WirePath(ObjectMapper mapper, List<String> names) {
        this.mapper = mapper;
        this.names = names;
    }

    /** The path {@code dotted} (wire names joined by dots), read as {@code mapper} would write the model. */
    public static WirePath of(ObjectMapper mapper, String dotted) {
        if (dotted == null || dotted.isEmpty() || dotted.startsWith(".") || dotted.endsWith(".")
                || dotted.contains("..")) {
            throw new IllegalArgumentException("a wire path is wire names joined by dots (state.life_cycle_state), not '"
                    + dotted + "'");
        }
        List<String> names = SPLIT.get(dotted);
        if (names == null) {
            names = List.of(dotted.split("\\."));
            if (SPLIT.size() < MAX_SPLIT) {
                SPLIT.put(dotted, names);
            }
        }
        return new WirePath(mapper, names);
    }

    /** The text at this path of {@code model}'s JSON, or null (missing, JSON null, object or array). */
    public String textIn(Object model) {
        Object value = valueIn(model);
        return value == null ? null : leafText(value);
    }

    /**
     * The value at this path of {@code model}: what its getter returns ({@code Long}, {@code String}, an open enum,
     * a model), or a {@link JsonNode} where the path went through a field the model keeps as unknown or a map; null
     * when a field on the way is missing.
     */
    public Object valueIn(Object model) {
        Object node = model;
        for (int i = 0; i < names.size() && node != null; i++) {
            if (node instanceof JsonNode json) {
                return at(json, i);
            }
            AnnotatedMember getter = node instanceof Map || node instanceof Collection ? null
                    : PROPERTIES.get(node.getClass()).get(names.get(i));
            if (getter == null) {
                return at(mapper.valueToTree(node), i);
            }
            node = getter.getValue(node);
        }
        return node;
    }

    private JsonNode at(JsonNode json, int from) {
        JsonNode node = json;
        for (int i = from; i < names.size() && node != null; i++) {
            node = node.get(names.get(i));
        }
        return node;
    }

    private String leafText(Object leaf) {
        if (leaf instanceof String text) {
            return text;
        }
        if (leaf instanceof Number || leaf instanceof Boolean) {
            return leaf.toString();
        }
        if (leaf instanceof JsonNode json) {
            return textOf(json);
        }
        if (leaf instanceof OpenEnum constant) {
            return constant.value(); // every generated class written as a value is an open enum
        }
        return textOf(mapper.valueToTree(leaf));
    }

    private static String textOf(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    @Override
    public String toString() {
        return String.join(".", names);
    }
}
