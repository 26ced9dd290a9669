package io.camelbricks.emulator.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of the OpenAPI documents: verb, full path template ({@code /api/2.1/clusters/get},
 * {@code /api/2.0/fs/files{file_path}}, {@code /api/2.0/accounts/{account_id}/workspaces}), request and response
 * shapes, pagination.
 */
public final class SpecOperation {

    private final String operationId;
    private final String method;
    private final String pathTemplate;
    private final boolean account;
    private final JsonNode node;
    private final String primaryOperationId;
    private final Pattern pattern;
    private final List<String> pathParameterNames;
    private final int literalLength;
    private final String literalPrefix;

    SpecOperation(String operationId, String method, String pathTemplate, boolean account, JsonNode node,
                  String primaryOperationId) {
        this.operationId = operationId;
        this.method = method.toUpperCase(Locale.ROOT);
        this.pathTemplate = pathTemplate;
        this.account = account;
        this.node = node;
        this.primaryOperationId = primaryOperationId;
        Map<String, Boolean> multiSegment = new LinkedHashMap<>();
        for (JsonNode p : node.path("parameters")) {
            if ("path".equals(p.path("in").asText())) {
                multiSegment.put(p.path("name").asText(), p.path("x-databricks-multi-segment").asBoolean(false));
            }
        }
        StringBuilder regex = new StringBuilder("^");
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(pathTemplate);
        int last = 0;
        int literal = 0;
        String prefix = null;
        while (m.find()) {
            String lit = pathTemplate.substring(last, m.start());
            if (prefix == null) {
                prefix = lit;
            }
            literal += lit.length();
            regex.append(Pattern.quote(lit));
            String name = m.group(1);
            names.add(name);
            boolean multi = multiSegment.getOrDefault(name, false) || !lit.endsWith("/");
            regex.append(multi ? "(/.+|.+)" : "([^/]+)");
            last = m.end();
        }
        String tail = pathTemplate.substring(last);
        literal += tail.length();
        regex.append(Pattern.quote(tail)).append('$');
        this.pattern = Pattern.compile(regex.toString());
        this.pathParameterNames = List.copyOf(names);
        this.literalLength = literal;
        this.literalPrefix = prefix == null ? pathTemplate : prefix;
    }

    /** {@code <package>.<Service>.<method>}, e.g. {@code jobs.Jobs.submit}. */
    public String operationId() {
        return operationId;
    }

    /** For an operation of {@code x-databricks-shared-path-operations}: the operation that owns the verb and path. */
    public String primaryOperationId() {
        return primaryOperationId;
    }

    /** True for an {@code x-databricks-shared-path-operations} entry (a second operation on the same verb and path). */
    public boolean isShared() {
        return !operationId.equals(primaryOperationId);
    }

    public String method() {
        return method;
    }

    /** The path as the spec writes it, with its version: {@code /api/2.2/jobs/runs/submit}. */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** True for the account-level document ({@code AccountClient}). */
    public boolean isAccount() {
        return account;
    }

    /** The operation object of the OpenAPI document. */
    public JsonNode node() {
        return node;
    }

    public List<String> pathParameterNames() {
        return pathParameterNames;
    }

    /** The parameter objects of the operation ({@code in}: path or query). */
    public JsonNode parameters() {
        return node.path("parameters");
    }

    /** The JSON request schema, or null when the request has no JSON body. */
    public JsonNode requestSchema() {
        JsonNode s = node.path("requestBody").path("content").path("application/json").path("schema");
        return s.isMissingNode() ? null : s;
    }

    /** The request body's content type ({@code application/json}, {@code application/octet-stream}), or null. */
    public String requestContentType() {
        var names = node.path("requestBody").path("content").fieldNames();
        return names.hasNext() ? names.next() : null;
    }

    /** The 200 response's content type, or null when the answer has no body. */
    public String responseContentType() {
        var names = node.path("responses").path("200").path("content").fieldNames();
        return names.hasNext() ? names.next() : null;
    }

    /** The 200 response schema, or null when the answer has no body. */
    public JsonNode responseSchema() {
        String type = responseContentType();
        if (type == null) {
            return null;
        }
        JsonNode s = node.path("responses").path("200").path("content").path(type).path("schema");
        return s.isMissingNode() ? null : s;
    }

    /** {@code x-databricks-pagination}, or null. */
    public JsonNode pagination() {
        JsonNode p = node.get("x-databricks-pagination");
        return p == null || p.isNull() ? null : p;
    }

    /** {@code x-databricks-body-field}: the HTTP body is this one field of the request; null otherwise. */
    public String bodyField() {
        JsonNode f = node.get("x-databricks-body-field");
        return f == null ? null : f.asText();
    }

    /** The values of the path parameters when {@code rawPath} (still percent-encoded) matches, or null. */
    public Map<String, String> match(String rawPath) {
        if (!rawPath.startsWith(literalPrefix)) {
            return null;
        }
        Matcher m = pattern.matcher(rawPath);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pathParameterNames.size(); i++) {
            values.put(pathParameterNames.get(i), percentDecode(m.group(i + 1)));
        }
        return values;
    }

    /** Characters of the template outside its parameters: the more, the more specific. */
    int literalLength() {
        return literalLength;
    }

    /** The template without its version segment, e.g. {@code /jobs/runs/submit}; null outside {@code /api/<v>/}. */
    String versionlessTemplate() {
        Matcher m = VERSIONED.matcher(pathTemplate);
        return m.matches() ? m.group(1) : null;
    }

    static final Pattern VERSIONED = Pattern.compile("^/api/\\d+\\.\\d+(/.*)$");

    private static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(raw.length());
        byte[] bytes = raw.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length) {
                int hi = Character.digit(bytes[i + 1], 16);
                int lo = Character.digit(bytes[i + 2], 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            out.write(bytes[i]);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + pathTemplate + " (" + operationId + ")";
    }
}
