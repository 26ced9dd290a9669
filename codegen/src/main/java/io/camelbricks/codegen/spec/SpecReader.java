package io.camelbricks.codegen.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads {@code databricks-workspace-openapi.json} and {@code databricks-account-openapi.json} into an {@link ApiSpec}.
 * Everything is kept in document order so that the generated output is stable.
 */
public final class SpecReader {

    public static final String WORKSPACE_FILE = "databricks-workspace-openapi.json";
    public static final String ACCOUNT_FILE = "databricks-account-openapi.json";

    private static final String SCHEMA_PREFIX = "#/components/schemas/";
    private static final Set<String> VERBS = Set.of("get", "head", "post", "put", "patch", "delete");
    private static final String SHARED_PATH_OPERATIONS = "x-databricks-shared-path-operations";

    private final ObjectMapper mapper = new ObjectMapper();
    private final SpecCorrections corrections;

    public SpecReader(SpecCorrections corrections) {
        this.corrections = corrections;
    }

    /** Reads both documents of {@code specDir}. */
    public ApiSpec read(Path specDir) throws IOException {
        JsonNode workspace = mapper.readTree(Files.readAllBytes(specDir.resolve(WORKSPACE_FILE)));
        JsonNode account = mapper.readTree(Files.readAllBytes(specDir.resolve(ACCOUNT_FILE)));
        return read(workspace, account);
    }

    /** Reads already parsed documents (tests build small ones). */
    public ApiSpec read(JsonNode workspace, JsonNode account) {
        Map<String, SchemaDef> schemas = new LinkedHashMap<>();
        Map<String, JsonNode> rawSchemas = new LinkedHashMap<>();
        readSchemas(workspace, schemas, rawSchemas);
        readSchemas(account, schemas, rawSchemas);

        List<OperationDef> operations = new ArrayList<>();
        List<ServiceDef> services = new ArrayList<>();
        readDocument(workspace, Scope.WORKSPACE, operations, services);
        readDocument(account, Scope.ACCOUNT, operations, services);
        return new ApiSpec(Collections.unmodifiableMap(schemas), List.copyOf(services), List.copyOf(operations));
    }

    private void readSchemas(JsonNode doc, Map<String, SchemaDef> schemas, Map<String, JsonNode> raw) {
        for (Map.Entry<String, JsonNode> e : fields(doc.path("components").path("schemas"))) {
            String name = e.getKey();
            JsonNode node = e.getValue();
            JsonNode previous = raw.putIfAbsent(name, node);
            if (previous != null) {
                if (!previous.equals(node)) {
                    throw new SpecException("schema " + name + " differs between the workspace and account documents");
                }
                continue;
            }
            schemas.put(name, schema(name, node));
        }
    }

    private SchemaDef schema(String name, JsonNode node) {
        int dot = name.lastIndexOf('.');
        String pkg = dot < 0 ? null : name.substring(0, dot);
        String simple = name.substring(dot + 1);
        String type = node.path("type").asText(null);
        if (node.has("enum")) {
            if (!"string".equals(type)) {
                throw new SpecException("schema " + name + ": enum of type " + type + " is not supported");
            }
            List<String> values = new ArrayList<>();
            node.get("enum").forEach(v -> values.add(v.asText()));
            return new SchemaDef(name, pkg, simple, List.of(), List.copyOf(values));
        }
        if (!"object".equals(type)) {
            throw new SpecException("schema " + name + ": top-level type " + type + " is not supported");
        }
        if (node.has("additionalProperties") || node.has("allOf") || node.has("oneOf") || node.has("anyOf")) {
            throw new SpecException("schema " + name + ": only plain object schemas are supported");
        }
        List<PropertyDef> props = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : fields(node.path("properties"))) {
            props.add(new PropertyDef(p.getKey(), shape(p.getValue(), name + "." + p.getKey())));
        }
        return new SchemaDef(name, pkg, simple, List.copyOf(props), null);
    }

    /** The shape of a property, parameter, header or array item. */
    static TypeShape shape(JsonNode node, String where) {
        if (node.has("$ref")) {
            return new TypeShape.Ref(refName(node.get("$ref").asText(), where));
        }
        if (node.has("allOf")) {
            JsonNode all = node.get("allOf");
            if (all.size() != 1 || !all.get(0).has("$ref") || node.size() != 1) {
                throw new SpecException(where + ": only allOf with a single $ref is supported");
            }
            return new TypeShape.Ref(refName(all.get(0).get("$ref").asText(), where));
        }
        if (node.has("enum")) {
            throw new SpecException(where + ": inline enums are not supported");
        }
        String type = node.path("type").asText(null);
        if (type == null) {
            if (node.has("properties")) {
                throw new SpecException(where + ": inline object schemas are not supported");
            }
            return new TypeShape.FreeForm();
        }
        switch (type) {
            case "string":
                return "binary".equals(node.path("format").asText(null))
                        ? new TypeShape.Binary()
                        : new TypeShape.Scalar(type, node.path("format").asText(null));
            case "integer":
            case "number":
            case "boolean":
                return new TypeShape.Scalar(type, node.path("format").asText(null));
            case "array":
                if (!node.has("items")) {
                    throw new SpecException(where + ": array without items");
                }
                return new TypeShape.ArrayOf(shape(node.get("items"), where + "[]"));
            case "object":
                if (node.has("properties") && node.get("properties").size() > 0) {
                    throw new SpecException(where + ": inline object schemas are not supported");
                }
                JsonNode ap = node.get("additionalProperties");
                if (ap == null || ap.isBoolean()) {
                    return ap == null ? new TypeShape.FreeForm() : new TypeShape.MapOf(new TypeShape.FreeForm());
                }
                return new TypeShape.MapOf(shape(ap, where + "{}"));
            default:
                throw new SpecException(where + ": type " + type + " is not supported");
        }
    }

    private static String refName(String ref, String where) {
        if (!ref.startsWith(SCHEMA_PREFIX)) {
            throw new SpecException(where + ": unsupported $ref " + ref);
        }
        return ref.substring(SCHEMA_PREFIX.length());
    }

    private void readDocument(JsonNode doc, Scope scope, List<OperationDef> operations, List<ServiceDef> services) {
        List<OperationDef> ops = new ArrayList<>();
        for (Map.Entry<String, JsonNode> pathEntry : fields(doc.path("paths"))) {
            String path = pathEntry.getKey();
            for (Map.Entry<String, JsonNode> e : fields(pathEntry.getValue())) {
                String key = e.getKey();
                if (VERBS.contains(key)) {
                    ops.add(operation(scope, path, key, e.getValue(), false));
                } else if (SHARED_PATH_OPERATIONS.equals(key)) {
                    for (JsonNode shared : e.getValue()) {
                        String verb = shared.path("x-databricks-verb").asText(null);
                        if (verb == null || !VERBS.contains(verb)) {
                            throw new SpecException(path + ": shared-path operation without a valid x-databricks-verb");
                        }
                        ops.add(operation(scope, path, verb, shared, true));
                    }
                } else {
                    throw new SpecException(path + ": unsupported path item key " + key);
                }
            }
        }
        operations.addAll(ops);

        Map<String, List<OperationDef>> byTag = new LinkedHashMap<>();
        for (JsonNode tag : doc.path("tags")) {
            String name = tag.path("name").asText();
            if (byTag.put(name, new ArrayList<>()) != null) {
                throw new SpecException("duplicate tag " + name);
            }
        }
        for (OperationDef op : ops) {
            List<OperationDef> list = byTag.get(op.serviceKey());
            if (list == null) {
                throw new SpecException(op.id() + ": tag " + op.serviceKey() + " is not declared");
            }
            list.add(op);
        }
        for (Map.Entry<String, List<OperationDef>> e : byTag.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue; // tags without operations (umbrella services) produce no service
            }
            OperationDef first = e.getValue().get(0);
            services.add(new ServiceDef(first.specPackage(), first.service(), scope, List.copyOf(e.getValue())));
        }
    }

    private OperationDef operation(Scope scope, String path, String verb, JsonNode node, boolean shared) {
        String id = node.path("operationId").asText(null);
        if (id == null) {
            throw new SpecException(verb + " " + path + ": missing operationId");
        }
        String[] parts = id.split("\\.");
        if (parts.length != 3) {
            throw new SpecException(id + ": operationId is not <package>.<Service>.<method>");
        }
        JsonNode tags = node.path("tags");
        if (tags.size() != 1 || !tags.get(0).asText().equals(parts[0] + "." + parts[1])) {
            throw new SpecException(id + ": expected exactly the tag " + parts[0] + "." + parts[1]);
        }

        List<ParamDef> params = new ArrayList<>();
        for (JsonNode p : node.path("parameters")) {
            String name = p.path("name").asText();
            String in = p.path("in").asText();
            if (!in.equals("path") && !in.equals("query") && !in.equals("header")) {
                throw new SpecException(id + ": parameter " + name + " in " + in + " is not supported");
            }
            if (in.equals("path") && !path.contains("{" + name + "}")) {
                throw new SpecException(id + ": path parameter " + name + " is not in " + path);
            }
            for (ParamDef existing : params) {
                if (existing.name().equals(name)) {
                    throw new SpecException(id + ": duplicate parameter " + name);
                }
            }
            params.add(new ParamDef(name, in, shape(p.path("schema"), id + " parameter " + name),
                    p.path("required").asBoolean(false), p.path("x-databricks-multi-segment").asBoolean(false),
                    p.path("x-databricks-from-config").asText(null)));
        }

        RequestBodyDef body = requestBody(id, node.get("requestBody"));
        String bodyField = node.path("x-databricks-body-field").asText(null);
        if (bodyField != null && (body == null || body.kind() != RequestBodyDef.Kind.JSON_REF)) {
            throw new SpecException(id + ": x-databricks-body-field needs a JSON $ref request body");
        }
        ResponseDef response = response(id, node.path("responses").get("200"));

        PaginationDef pagination = null;
        JsonNode pg = node.get("x-databricks-pagination");
        if (pg != null) {
            pagination = new PaginationDef(pg.path("kind").asText(), text(pg, "request_field"),
                    text(pg, "response_field"), text(pg, "items_field"), text(pg, "dedupe_by"),
                    pg.has("first_page") ? pg.get("first_page").asLong() : null);
        }
        WaitDef wait = null;
        JsonNode w = node.get("x-databricks-wait");
        if (w != null) {
            wait = new WaitDef(w.path("poll_operation").asText(), strings(w.path("poll_arguments_from")),
                    w.path("status_path").asText(), strings(w.path("target_states")),
                    strings(w.path("failure_states")), text(w, "message_path"), text(w, "default_timeout"));
        }
        OperationDef op = new OperationDef(id, parts[0], parts[1], parts[2], scope, verb, path, List.copyOf(params),
                body, bodyField, response, pagination, wait, text(node, "x-databricks-auto-idempotency-field"), shared);
        return corrections.apply(op);
    }

    private static RequestBodyDef requestBody(String id, JsonNode rb) {
        if (rb == null) {
            return null;
        }
        JsonNode content = rb.path("content");
        if (content.size() != 1) {
            throw new SpecException(id + ": request body must have exactly one content type");
        }
        Map.Entry<String, JsonNode> e = content.properties().iterator().next();
        JsonNode schema = e.getValue().path("schema");
        switch (e.getKey()) {
            case "application/json":
                if (schema.has("$ref")) {
                    return new RequestBodyDef(RequestBodyDef.Kind.JSON_REF, refName(schema.get("$ref").asText(), id));
                }
                if (schema.isObject() && schema.isEmpty()) {
                    return new RequestBodyDef(RequestBodyDef.Kind.JSON_FREE_FORM, null);
                }
                throw new SpecException(id + ": unsupported JSON request body schema " + schema);
            case "application/octet-stream":
                if (shape(schema, id) instanceof TypeShape.Binary) {
                    return new RequestBodyDef(RequestBodyDef.Kind.BINARY, null);
                }
                throw new SpecException(id + ": octet-stream request body must be format binary");
            default:
                throw new SpecException(id + ": unsupported request content type " + e.getKey());
        }
    }

    private static ResponseDef response(String id, JsonNode ok) {
        if (ok == null) {
            throw new SpecException(id + ": no 200 response");
        }
        Map<String, TypeShape> headers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> h : fields(ok.path("headers"))) {
            headers.put(h.getKey(), shape(h.getValue().path("schema"), id + " header " + h.getKey()));
        }
        JsonNode content = ok.get("content");
        if (content == null || content.isEmpty()) {
            return new ResponseDef(ResponseDef.Kind.NONE, null, headers);
        }
        if (content.size() != 1) {
            throw new SpecException(id + ": response must have exactly one content type");
        }
        Map.Entry<String, JsonNode> e = content.properties().iterator().next();
        JsonNode schema = e.getValue().path("schema");
        switch (e.getKey()) {
            case "application/json": {
                TypeShape shape = shape(schema, id + " response");
                if (shape instanceof TypeShape.Ref ref) {
                    return new ResponseDef(ResponseDef.Kind.JSON_REF, ref.schemaName(), headers);
                }
                if (shape instanceof TypeShape.ArrayOf arr && arr.items() instanceof TypeShape.Ref ref) {
                    return new ResponseDef(ResponseDef.Kind.JSON_ARRAY, ref.schemaName(), headers);
                }
                throw new SpecException(id + ": unsupported JSON response schema " + schema);
            }
            case "application/octet-stream":
            case "text/plain":
                if (shape(schema, id) instanceof TypeShape.Binary) {
                    return new ResponseDef(ResponseDef.Kind.BINARY, null, headers);
                }
                throw new SpecException(id + ": " + e.getKey() + " response must be format binary");
            default:
                throw new SpecException(id + ": unsupported response content type " + e.getKey());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node.properties();
    }
}
