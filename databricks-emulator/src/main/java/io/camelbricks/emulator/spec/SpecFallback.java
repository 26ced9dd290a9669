package io.camelbricks.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelbricks.emulator.server.ApiException;
import io.camelbricks.emulator.server.ApiRequest;
import io.camelbricks.emulator.server.ApiResponse;
import io.camelbricks.emulator.server.Json;
import io.camelbricks.emulator.server.PageSizes;
import io.camelbricks.emulator.server.Paging;
import io.camelbricks.emulator.server.Router;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers every operation of the OpenAPI documents that no service handler claims, so any endpoint can be exercised:
 * <ul>
 *   <li>matches verb and full path against the spec's templates (path parameters, multi-segment file paths,
 *       {@code /api/2.0/accounts/{account_id}/...}); the most specific template wins;</li>
 *   <li>checks what the spec makes checkable: a JSON body must be an object (400 MALFORMED_REQUEST), integer and
 *       boolean query parameters must parse (400 INVALID_PARAMETER_VALUE);</li>
 *   <li>answers 200 with a deterministic sample of the response schema ({@link SampleGenerator}), with scalar fields
 *       named like a path parameter, a query parameter or a body field echoing the request's value (a {@code get} of
 *       {@code catalogs/main} answers {@code "name": "main"}); {@code {}} when the spec has no response body;</li>
 *   <li>lists hold {@code listSize} items and page as the spec says ({@link Paging}: token, SCIM offset, legacy page,
 *       cluster events' next_page), with {@link PageSizes} applied.</li>
 * </ul>
 * Nothing is stored: a {@code create} followed by a {@code get} answers two samples, not the created object.
 */
public final class SpecFallback implements Router.Fallback {

    /** Default page size of fallback lists when the client asks for none. */
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;
    private static final Set<String> PAGING_FIELDS = Set.of("page_token", "next_page_token", "prev_page_token",
            "page_size", "max_results", "limit", "offset", "count", "startIndex", "page");

    private final OpenApiSpec spec;
    private final SampleGenerator samples;
    private final PageSizes pageSizes;
    private final int listSize;
    private final Map<String, JsonNode> cache = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> answered = new ConcurrentHashMap<>();

    /**
     * @param listSize how many items a fallback list holds (1: "arrays with one element")
     * @param maxDepth nesting depth of samples
     */
    public SpecFallback(OpenApiSpec spec, PageSizes pageSizes, int listSize, int maxDepth) {
        if (listSize < 0) {
            throw new IllegalArgumentException("listSize must not be negative");
        }
        this.spec = spec;
        this.samples = new SampleGenerator(spec, maxDepth);
        this.pageSizes = pageSizes;
        this.listSize = listSize;
    }

    @Override
    public Router.Match resolve(ApiRequest request) {
        Optional<OpenApiSpec.Match> match = find(request.method(), request.path());
        if (match.isEmpty()) {
            return null;
        }
        SpecOperation op = match.get().operation();
        String version = request.isApiCall() ? request.version() : "";
        String path = request.isApiCall() ? request.apiPath() : request.path();
        Map<String, String> parameters = match.get().pathParameters();
        return new Router.Match(new Router.Route(request.method(), Set.of(version), path,
                r -> answer(op, parameters, r)), parameters);
    }

    @Override
    public Set<String> methods(ApiRequest request) {
        return spec.methods(request.path());
    }

    private Optional<OpenApiSpec.Match> find(String method, String path) {
        Optional<OpenApiSpec.Match> match = spec.find(method, path);
        if (match.isEmpty() && "HEAD".equalsIgnoreCase(method)) {
            match = spec.find("GET", path);
        }
        return match;
    }

    /** How many requests the fallback answered, per operationId. */
    public Map<String, Long> answered() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        answered.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    public void reset() {
        answered.clear();
    }

    // ---- the answer

    private ApiResponse answer(SpecOperation op, Map<String, String> pathParameters, ApiRequest request) {
        validate(op, request);
        answered.computeIfAbsent(op.operationId(), k -> new AtomicLong()).incrementAndGet();
        String type = op.responseContentType();
        if (type == null) {
            return ApiResponse.ok(Json.object());
        }
        if (!type.contains("json")) {
            byte[] sample = "sample".getBytes(StandardCharsets.UTF_8);
            return ApiResponse.bytes(200, type.startsWith("text/") ? type + "; charset=utf-8" : type, sample, Map.of());
        }
        JsonNode schema = op.responseSchema();
        JsonNode resolved = spec.resolve(schema);
        if (resolved != null && "array".equals(resolved.path("type").asText())) {
            ArrayNode array = Json.array();
            for (JsonNode item : items(op, resolved.get("items"), listSize)) {
                array.add(item);
            }
            return ApiResponse.ok(array);
        }
        JsonNode base = cache.computeIfAbsent(op.operationId(), k -> {
            JsonNode s = samples.sample(schema, 1);
            return s == null ? Json.object() : s;
        });
        if (!(base instanceof ObjectNode)) {
            return ApiResponse.ok(base.deepCopy());
        }
        ObjectNode json = ((ObjectNode) base).deepCopy();
        echo(op, pathParameters, request, resolved, json);
        page(op, request, resolved, json);
        return ApiResponse.ok(json);
    }

    private void validate(SpecOperation op, ApiRequest request) {
        String contentType = op.requestContentType();
        if (contentType != null && contentType.contains("json") && request.bodyBytes().length > 0) {
            request.body();   // 400 MALFORMED_REQUEST unless a JSON object
        }
        for (JsonNode p : op.parameters()) {
            if (!"query".equals(p.path("in").asText())) {
                continue;
            }
            String name = p.path("name").asText();
            List<String> values = request.queryParameters().get(name);
            if (values == null || values.isEmpty()) {
                continue;
            }
            JsonNode s = spec.resolve(p.path("schema"));
            String t = s == null ? "" : s.path("type").asText();
            for (String v : values) {
                if ("integer".equals(t) && !isLong(v) || "boolean".equals(t) && !isBoolean(v)) {
                    throw ApiException.invalidParameter("Invalid value '" + v + "' for parameter " + name
                            + ": expected " + ("integer".equals(t) ? "an integer." : "true or false."));
                }
            }
        }
    }

    /** Scalar response fields named like a path or query parameter or a body field take the request's value. */
    private void echo(SpecOperation op, Map<String, String> pathParameters, ApiRequest request,
                      JsonNode responseSchema, ObjectNode json) {
        Map<String, JsonNode> given = new LinkedHashMap<>();
        if (op.requestSchema() != null && request.bodyBytes().length > 0) {
            request.body().fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    given.put(e.getKey(), e.getValue());
                }
            });
        }
        request.queryParameters().forEach((k, v) -> {
            if (!v.isEmpty()) {
                given.put(k, Json.MAPPER.getNodeFactory().textNode(v.get(0)));
            }
        });
        pathParameters.forEach((name, v) -> given.put(name, Json.MAPPER.getNodeFactory().textNode(v)));
        JsonNode properties = responseSchema == null ? null : responseSchema.get("properties");
        if (properties == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : given.entrySet()) {
            String name = e.getKey();
            if (PAGING_FIELDS.contains(name) || !json.has(name) || !json.get(name).isValueNode()) {
                continue;
            }
            JsonNode converted = convert(e.getValue(), leaf(properties.get(name)));
            if (converted != null) {
                json.set(name, converted);
            }
        }
    }

    /** Lists: {@code listSize} items, cut into the page the request asks for, as the operation pages. */
    private void page(SpecOperation op, ApiRequest request, JsonNode responseSchema, ObjectNode json) {
        JsonNode pagination = op.pagination();
        if (pagination == null || responseSchema == null) {
            return;
        }
        String itemsField = itemsField(responseSchema, pagination.path("items_field").asText(null));
        if (itemsField == null) {
            return;
        }
        JsonNode arraySchema = leaf(responseSchema.path("properties").get(itemsField));
        List<JsonNode> all = items(op, arraySchema == null ? null : arraySchema.get("items"), listSize);
        String kind = pagination.path("kind").asText();
        String versionless = request.apiPath();
        switch (kind) {
            case "token": {
                String requestField = pagination.path("request_field").asText("page_token");
                String responseField = pagination.path("response_field").asText("next_page_token");
                int size = pageSizes.resolve(requestedSize(request, "page_size", "max_results", "limit", "maxResults"),
                        DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, op.operationId(), versionless);
                Paging.TokenPage<JsonNode> page = Paging.token(op.operationId(), all,
                        request.optionalString(requestField).orElse(null), size);
                for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    if (f.endsWith("page_token") || f.equals(responseField)) {
                        it.remove();
                    }
                }
                page.writeTo(json, itemsField, responseField, n -> n);
                if (json.has("has_more") && json.get("has_more").isBoolean()) {
                    json.put("has_more", page.hasMore());
                }
                break;
            }
            case "offset": {
                long start = request.optionalLong("startIndex").orElse(request.optionalLong("start_index").orElse(1));
                int count = pageSizes.resolve(request.optionalLong("count"), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE,
                        op.operationId(), versionless);
                json.remove(itemsField);
                Paging.scim(all, start, count).writeTo(json, n -> n);
                break;
            }
            case "page": {
                long number = request.optionalLong("page").orElse(1);
                int size = pageSizes.resolve(request.optionalLong("page_size"), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE,
                        op.operationId(), versionless);
                Paging.legacyPage(all, number, size).writeTo(json, n -> n);
                break;
            }
            case "next_page_request": {
                ObjectNode body = request.body();
                int size = pageSizes.resolve(request.optionalLong("limit"), 50, 500, op.operationId(), versionless);
                json.remove("next_page_token");
                json.remove("prev_page_token");
                Paging.nextPageRequest(all, body, size).writeTo(json, itemsField, n -> n);
                break;
            }
            default: {
                ArrayNode array = json.putArray(itemsField);
                all.forEach(array::add);
            }
        }
    }

    private List<JsonNode> items(SpecOperation op, JsonNode itemSchema, int count) {
        List<JsonNode> items = new ArrayList<>(count);
        if (itemSchema == null) {
            return items;
        }
        for (int i = 1; i <= count; i++) {
            int ordinal = i;
            JsonNode item = cache.computeIfAbsent(op.operationId() + "#item" + i, k -> {
                JsonNode s = samples.sample(itemSchema, ordinal);
                return s == null ? Json.MAPPER.getNodeFactory().nullNode() : s;
            });
            if (!item.isNull()) {
                items.add(item.deepCopy());
            }
        }
        return items;
    }

    /** The items property: as the spec names it, or case-insensitively ({@code resources}), or the only array. */
    private String itemsField(JsonNode responseSchema, String named) {
        JsonNode properties = responseSchema.path("properties");
        if (named != null && properties.has(named)) {
            return named;
        }
        String array = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (named != null && e.getKey().equalsIgnoreCase(named)) {
                return e.getKey();
            }
            JsonNode leaf = leaf(e.getValue());
            if (array == null && leaf != null && "array".equals(leaf.path("type").asText())
                    && !"schemas".equals(e.getKey())) {
                array = e.getKey();
            }
        }
        return array;
    }

    /** A property schema with {@code $ref} and single-element {@code allOf} followed. */
    private JsonNode leaf(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; s != null && i < 16; i++) {
            if (s.has("$ref")) {
                s = spec.schema(s.get("$ref").asText());
            } else if (s.has("allOf") && s.get("allOf").size() == 1) {
                s = s.get("allOf").get(0);
            } else {
                return s;
            }
        }
        return s;
    }

    private static OptionalLong requestedSize(ApiRequest request, String... names) {
        for (String name : names) {
            OptionalLong v;
            try {
                v = request.optionalLong(name);
            } catch (ApiException e) {
                continue;
            }
            if (v.isPresent()) {
                return v;
            }
        }
        return OptionalLong.empty();
    }

    private static JsonNode convert(JsonNode value, JsonNode schema) {
        if (schema == null) {
            return null;
        }
        JsonNode enumeration = schema.get("enum");
        String text = value.asText();
        if (enumeration != null) {
            for (JsonNode e : enumeration) {
                if (e.asText().equals(text)) {
                    return e.deepCopy();
                }
            }
            return null;
        }
        switch (schema.path("type").asText()) {
            case "string":
                return Json.MAPPER.getNodeFactory().textNode(text);
            case "integer":
                if (value.isIntegralNumber() && value.canConvertToLong()) {
                    return Json.MAPPER.getNodeFactory().numberNode(value.longValue());
                }
                return isLong(text) ? Json.MAPPER.getNodeFactory().numberNode(Long.parseLong(text.trim())) : null;
            case "number":
                if (value.isNumber()) {
                    return value.deepCopy();
                }
                try {
                    return Json.MAPPER.getNodeFactory().numberNode(Double.parseDouble(text));
                } catch (NumberFormatException e) {
                    return null;
                }
            case "boolean":
                if (value.isBoolean()) {
                    return value.deepCopy();
                }
                return isBoolean(text) ? Json.MAPPER.getNodeFactory().booleanNode(Boolean.parseBoolean(text)) : null;
            default:
                return null;
        }
    }

    private static boolean isLong(String s) {
        try {
            Long.parseLong(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isBoolean(String s) {
        String v = s.toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("false");
    }
}
