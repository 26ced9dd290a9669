package io.camelbricks.emulator.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One received request: verb, path (split into API version and versionless API path), query, headers, body.
 *
 * <p>Parameter accessors ({@link #requiredLong}, {@link #optionalString}, ...) look in the query string first and
 * then in the JSON body, so GET and POST operations read their fields the same way; they throw the Databricks
 * errors ({@code INVALID_PARAMETER_VALUE}, {@code MALFORMED_REQUEST}) a real workspace would send.
 */
public final class ApiRequest {

    private static final Pattern API_PATH = Pattern.compile("^/api/(\\d+\\.\\d+)(/.*)$");

    private final String requestId;
    private final String method;
    private final String path;
    private final String rawQuery;
    private final String version;
    private final String apiPath;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private ObjectNode json;
    private Map<String, String> pathParameters = Map.of();
    private volatile String principal;
    private java.io.InputStream bodyStream;

    public ApiRequest(String requestId, String method, String path, String rawQuery,
                      Map<String, List<String>> headers, byte[] body) {
        this.requestId = requestId;
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = path;
        this.rawQuery = rawQuery;
        this.query = parseQuery(rawQuery);
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        this.headers = Collections.unmodifiableMap(lower);
        this.body = body;
        Matcher m = API_PATH.matcher(path);
        this.version = m.matches() ? m.group(1) : null;
        this.apiPath = m.matches() ? m.group(2) : null;
    }

    public String requestId() {
        return requestId;
    }

    public String method() {
        return method;
    }

    /** The request path as received, e.g. {@code /api/2.2/jobs/runs/get}. */
    public String path() {
        return path;
    }

    /** The raw (still encoded) query string, or null. */
    public String rawQuery() {
        return rawQuery;
    }

    /** True for {@code /api/<major.minor>/...} paths. */
    public boolean isApiCall() {
        return version != null;
    }

    /** The API version of an {@code /api/} path, e.g. {@code 2.2}; null otherwise. */
    public String version() {
        return version;
    }

    /** The path without {@code /api/<version>}, e.g. {@code /jobs/runs/get}; null for non-API paths. */
    public String apiPath() {
        return apiPath;
    }

    public Map<String, List<String>> queryParameters() {
        return query;
    }

    /** First value of a header (case-insensitive name), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    public byte[] bodyBytes() {
        return body;
    }

    /**
     * The request body as a stream: for routes registered with {@link Router#addStreaming} the connection's stream,
     * not buffered (and {@link #bodyBytes()} is empty); for other routes the buffered body.
     */
    public java.io.InputStream bodyStream() {
        return bodyStream != null ? bodyStream : new java.io.ByteArrayInputStream(body);
    }

    void attachBodyStream(java.io.InputStream stream) {
        this.bodyStream = stream;
    }

    /**
     * The fields of an {@code application/x-www-form-urlencoded} body (the OAuth endpoints); empty for any other
     * content type. A field sent twice keeps both values, so callers can reject duplicates.
     */
    public Map<String, List<String>> formParameters() {
        String contentType = header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return Map.of();
        }
        return parseQuery(new String(body, StandardCharsets.UTF_8).trim());
    }

    /** Who the request's credentials belong to (a user name or a service principal's application id), or null. */
    public String principal() {
        return principal;
    }

    /** Set by the authentication filter. */
    public void authenticatedAs(String principal) {
        this.principal = principal;
    }

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    void bindPathParameters(Map<String, String> parameters) {
        this.pathParameters = Map.copyOf(parameters);
    }

    /** The JSON body as an object; an empty body reads as {@code {}}. */
    public ObjectNode body() {
        if (json == null) {
            if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
                json = Json.object();
            } else {
                JsonNode node;
                try {
                    node = Json.MAPPER.readTree(body);
                } catch (JsonProcessingException e) {
                    throw ApiException.malformedRequest("failed to parse given JSON");
                } catch (java.io.IOException e) {
                    throw ApiException.malformedRequest("failed to read the request body");
                }
                if (!(node instanceof ObjectNode)) {
                    throw ApiException.malformedRequest("expected a JSON object");
                }
                json = (ObjectNode) node;
            }
        }
        return json;
    }

    // ---- typed parameters: query string first, then JSON body

    public Optional<String> optionalString(String name) {
        String q = firstQuery(name);
        if (q != null) {
            return Optional.of(q);
        }
        JsonNode n = bodyField(name);
        if (n == null) {
            return Optional.empty();
        }
        if (!n.isValueNode()) {
            throw ApiException.malformedRequest("expected a string for field '" + name + "'");
        }
        return Optional.of(n.asText());
    }

    public OptionalLong optionalLong(String name) {
        String q = firstQuery(name);
        if (q != null) {
            try {
                return OptionalLong.of(Long.parseLong(q.trim()));
            } catch (NumberFormatException e) {
                throw ApiException.invalidParameter("Invalid value '" + q + "' for parameter " + name
                        + ": expected an integer.");
            }
        }
        JsonNode n = bodyField(name);
        if (n == null) {
            return OptionalLong.empty();
        }
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return OptionalLong.of(n.longValue());
        }
        if (n.isTextual()) {
            try {
                return OptionalLong.of(Long.parseLong(n.textValue().trim()));
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw ApiException.malformedRequest("expected an integer for field '" + name + "'");
    }

    public long requiredLong(String name) {
        return optionalLong(name).orElseThrow(() -> ApiException.missingField(name));
    }

    public String requiredString(String name) {
        return optionalString(name).filter(s -> !s.isEmpty()).orElseThrow(() -> ApiException.missingField(name));
    }

    public boolean optionalBoolean(String name) {
        String q = firstQuery(name);
        if (q != null) {
            if ("true".equalsIgnoreCase(q)) {
                return true;
            }
            if ("false".equalsIgnoreCase(q)) {
                return false;
            }
            throw ApiException.invalidParameter("Invalid value '" + q + "' for parameter " + name
                    + ": expected true or false.");
        }
        JsonNode n = bodyField(name);
        if (n == null) {
            return false;
        }
        if (!n.isBoolean()) {
            throw ApiException.malformedRequest("expected a boolean for field '" + name + "'");
        }
        return n.booleanValue();
    }

    private String firstQuery(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private JsonNode bodyField(String name) {
        if (body.length == 0) {
            return null;
        }
        JsonNode n = body().get(name);
        return n == null || n.isNull() ? null : n;
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Collections.unmodifiableMap(result);
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            result.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        result.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(result);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter("Malformed query string.");
        }
    }
}
