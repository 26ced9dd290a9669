package io.camelbricks.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * Deterministic sample values for OpenAPI schemas: the same schema and ordinal always give the same JSON.
 *
 * <ul>
 *   <li>string: {@code <field name>-<ordinal>} ({@code "cluster_id-1"}); an enum's first value; binary {@code "sample"}</li>
 *   <li>integer: the ordinal; number: ordinal + 0.5; boolean: true</li>
 *   <li>array: one element; object: every property, a map ({@code additionalProperties}) one entry
 *       {@code "key-<ordinal>"}</li>
 *   <li>nesting stops at {@code maxDepth} (deeper objects are {@code {}}, deeper arrays {@code []}) and at a schema
 *       already being expanded (recursive types): such properties are left out, which the schemas allow (the
 *       documents record no required fields)</li>
 * </ul>
 * The ordinal tells items of a list apart (ids {@code id-1}, {@code id-2}, ...).
 */
public final class SampleGenerator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final OpenApiSpec spec;
    private final int maxDepth;

    public SampleGenerator(OpenApiSpec spec, int maxDepth) {
        this.spec = spec;
        this.maxDepth = maxDepth;
    }

    /** A sample of {@code schema}, or null when the schema allows nothing definite (an untyped value). */
    public JsonNode sample(JsonNode schema, int ordinal) {
        return value(schema, null, ordinal, 0, new ArrayDeque<>());
    }

    private JsonNode value(JsonNode schema, String name, int ordinal, int depth, Deque<String> expanding) {
        if (schema == null || schema.isMissingNode() || schema.isNull() || schema.isBoolean()) {
            return null;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (expanding.contains(ref)) {
                return null;
            }
            expanding.push(ref);
            try {
                return value(spec.schema(ref), name, ordinal, depth, expanding);
            } finally {
                expanding.pop();
            }
        }
        JsonNode allOf = schema.get("allOf");
        if (allOf != null && allOf.size() > 0) {
            if (allOf.size() == 1) {
                return value(allOf.get(0), name, ordinal, depth, expanding);
            }
            ObjectNode merged = NODES.objectNode();
            for (JsonNode part : allOf) {
                JsonNode v = value(part, name, ordinal, depth, expanding);
                if (v instanceof ObjectNode o) {
                    merged.setAll(o);
                } else if (v != null) {
                    return v;
                }
            }
            return merged;
        }
        for (String alternatives : new String[] {"oneOf", "anyOf"}) {
            JsonNode alt = schema.get(alternatives);
            if (alt != null && alt.size() > 0) {
                return value(alt.get(0), name, ordinal, depth, expanding);
            }
        }
        JsonNode enumeration = schema.get("enum");
        if (enumeration != null && enumeration.size() > 0) {
            return enumeration.get(0).deepCopy();
        }
        String type = schema.path("type").asText("");
        if (type.isEmpty() && (schema.has("properties") || schema.has("additionalProperties"))) {
            type = "object";
        }
        switch (type) {
            case "string":
                return "binary".equals(schema.path("format").asText()) ? NODES.textNode("sample")
                        : NODES.textNode((name == null ? "string" : name) + "-" + ordinal);
            case "integer":
                return NODES.numberNode((long) ordinal);
            case "number":
                return NODES.numberNode(ordinal + 0.5);
            case "boolean":
                return NODES.booleanNode(true);
            case "array": {
                ArrayNode array = NODES.arrayNode();
                if (depth < maxDepth) {
                    JsonNode item = value(schema.get("items"), name, ordinal, depth + 1, expanding);
                    if (item != null) {
                        array.add(item);
                    }
                }
                return array;
            }
            case "object": {
                ObjectNode object = NODES.objectNode();
                if (depth >= maxDepth) {
                    return object;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    JsonNode v = value(p.getValue(), p.getKey(), ordinal, depth + 1, expanding);
                    if (v != null) {
                        object.set(p.getKey(), v);
                    }
                }
                JsonNode additional = schema.get("additionalProperties");
                if (additional != null && additional.isObject() && !schema.has("properties")) {
                    JsonNode v = value(additional, name, ordinal, depth + 1, expanding);
                    if (v != null) {
                        object.set("key-" + ordinal, v);
                    }
                }
                return object;
            }
            default:
                return null;
        }
    }
}
