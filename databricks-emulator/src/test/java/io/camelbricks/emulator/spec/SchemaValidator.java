package io.camelbricks.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A small OpenAPI schema checker for tests (the subset the Databricks documents use: $ref, allOf, enum, type, format,
 * properties, additionalProperties, items). The documents record no required fields, so nothing is required.
 */
public final class SchemaValidator {

    private final OpenApiSpec spec;
    private final boolean allowUnknownFields;

    /** @param allowUnknownFields false: a field the schema does not declare is an error */
    public SchemaValidator(OpenApiSpec spec, boolean allowUnknownFields) {
        this.spec = spec;
        this.allowUnknownFields = allowUnknownFields;
    }

    /** The problems found, each naming its JSON path; empty when the value fits the schema. */
    public List<String> validate(JsonNode value, JsonNode schema) {
        List<String> errors = new ArrayList<>();
        check(value, schema, "$", errors, 0);
        return errors;
    }

    private void check(JsonNode value, JsonNode schema, String at, List<String> errors, int depth) {
        if (schema == null || depth > 64) {
            return;
        }
        if (schema.has("$ref")) {
            JsonNode target = spec.schema(schema.get("$ref").asText());
            if (target == null) {
                errors.add(at + ": unresolvable " + schema.get("$ref").asText());
                return;
            }
            check(value, target, at, errors, depth + 1);
            return;
        }
        for (JsonNode part : schema.path("allOf")) {
            check(value, part, at, errors, depth + 1);
        }
        if (value == null || value.isNull()) {
            return;
        }
        JsonNode enumeration = schema.get("enum");
        if (enumeration != null) {
            boolean found = false;
            for (JsonNode e : enumeration) {
                found |= e.equals(value);
            }
            if (!found) {
                errors.add(at + ": " + value + " is not one of " + enumeration);
            }
        }
        String type = schema.path("type").asText("");
        if (type.isEmpty() && (schema.has("properties") || schema.has("additionalProperties"))) {
            type = "object";
        }
        switch (type) {
            case "string" -> expect(value.isTextual(), at, "a string", value, errors);
            case "integer" -> expect(value.isIntegralNumber(), at, "an integer", value, errors);
            case "number" -> expect(value.isNumber(), at, "a number", value, errors);
            case "boolean" -> expect(value.isBoolean(), at, "a boolean", value, errors);
            case "array" -> {
                if (expect(value.isArray(), at, "an array", value, errors)) {
                    for (int i = 0; i < value.size(); i++) {
                        check(value.get(i), schema.get("items"), at + "[" + i + "]", errors, depth + 1);
                    }
                }
            }
            case "object" -> {
                if (!expect(value.isObject(), at, "an object", value, errors)) {
                    return;
                }
                JsonNode properties = schema.path("properties");
                JsonNode additional = schema.get("additionalProperties");
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    JsonNode declared = properties.get(field.getKey());
                    if (declared != null) {
                        check(field.getValue(), declared, at + "." + field.getKey(), errors, depth + 1);
                    } else if (additional != null && additional.isObject()) {
                        check(field.getValue(), additional, at + "." + field.getKey(), errors, depth + 1);
                    } else if (additional == null && !allowUnknownFields && properties.size() > 0) {
                        errors.add(at + "." + field.getKey() + ": not declared by the schema");
                    }
                }
            }
            default -> {
            }
        }
    }

    private static boolean expect(boolean ok, String at, String what, JsonNode value, List<String> errors) {
        if (!ok) {
            errors.add(at + ": expected " + what + ", got " + abbreviate(value.toString()));
        }
        return ok;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
