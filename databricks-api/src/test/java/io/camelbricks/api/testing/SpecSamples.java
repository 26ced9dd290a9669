package io.camelbricks.api.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the project's OpenAPI documents (codegen/spec) and builds schema-valid sample JSON for any schema: every
 * property filled, arrays and maps with one element, enums with their first value, recursion cut at a fixed depth.
 */
public final class SpecSamples {
    private static final int MAX_DEPTH = 6;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Map<String, JsonNode> operations = new HashMap<>();
    private final Map<String, JsonNode> schemas = new HashMap<>();
    private final Map<String, String> paths = new HashMap<>();
    private final Map<String, String> verbs = new HashMap<>();

    public SpecSamples(Path specDir) {
        ObjectMapper mapper = new ObjectMapper();
        for (String file : new String[] {"databricks-workspace-openapi.json", "databricks-account-openapi.json"}) {
            JsonNode doc;
            try {
                doc = mapper.readTree(specDir.resolve(file).toFile());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file, e);
            }
            doc.path("components").path("schemas").properties().forEach(e -> schemas.put(e.getKey(), e.getValue()));
            doc.path("paths").properties().forEach(p -> p.getValue().properties().forEach(v -> {
                if (v.getKey().equals("x-databricks-shared-path-operations")) {
                    for (JsonNode shared : v.getValue()) {
                        index(p.getKey(), shared.path("x-databricks-verb").asText(), shared);
                    }
                } else if (!v.getKey().startsWith("x-")) {
                    index(p.getKey(), v.getKey(), v.getValue());
                }
            }));
        }
    }

    private void index(String path, String verb, JsonNode op) {
        String id = op.path("operationId").asText();
        operations.put(id, op);
        paths.put(id, path);
        verbs.put(id, verb.toUpperCase());
    }

    public JsonNode operation(String id) {
        return operations.get(id);
    }

    public int operationCount() {
        return operations.size();
    }

    public String verb(String id) {
        return verbs.get(id);
    }

    /** A sample of the operation's JSON request body schema, or null when it has none. */
    public JsonNode requestBodySample(String id) {
        JsonNode schema = operations.get(id).path("requestBody").path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? null : sample(schema, 0, "body");
    }

    /** A sample of the operation's JSON 200 response schema, or null. */
    public JsonNode responseSample(String id) {
        JsonNode schema = operations.get(id).path("responses").path("200").path("content").path("application/json")
                .path("schema");
        return schema.isMissingNode() ? null : sample(schema, 0, "response");
    }

    /** A sample value for a parameter's schema. */
    public JsonNode paramSample(JsonNode param) {
        String name = param.path("name").asText();
        if (param.path("x-databricks-multi-segment").asBoolean(false)) {
            return F.textNode("/Volumes/main/my dir/file #1.csv");
        }
        return sample(param.path("schema"), 0, name);
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10; i++) {
            if (s.has("$ref")) {
                s = schemas.get(s.get("$ref").asText().substring("#/components/schemas/".length()));
            } else if (s.has("allOf") && s.get("allOf").size() == 1) {
                s = s.get("allOf").get(0);
            } else {
                return s;
            }
        }
        return s;
    }

    JsonNode sample(JsonNode rawSchema, int depth, String name) {
        JsonNode s = resolve(rawSchema);
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        String type = s.path("type").asText("");
        switch (type) {
            case "string":
                return "binary".equals(s.path("format").asText()) ? null : F.textNode("v-" + name + " /ü");
            case "integer":
                return F.numberNode(7L);
            case "number":
                return F.numberNode(1.5);
            case "boolean":
                return F.booleanNode(true);
            case "array": {
                ArrayNode array = F.arrayNode();
                if (depth < MAX_DEPTH) {
                    JsonNode item = sample(s.path("items"), depth + 1, name);
                    if (item != null) {
                        array.add(item);
                    }
                }
                return array;
            }
            case "object":
            default: {
                ObjectNode object = F.objectNode();
                if (depth >= MAX_DEPTH) {
                    return object;
                }
                if (s.has("properties")) {
                    s.get("properties").properties().forEach(p -> {
                        JsonNode v = sample(p.getValue(), depth + 1, p.getKey());
                        if (v != null) {
                            object.set(p.getKey(), v);
                        }
                    });
                } else if (s.has("additionalProperties") && s.get("additionalProperties").isObject()) {
                    JsonNode v = sample(s.get("additionalProperties"), depth + 1, name);
                    if (v != null) {
                        object.set("k", v);
                    }
                } else if (!s.has("type")) {
                    object.put("any", 1);
                }
                return object;
            }
        }
    }
}
