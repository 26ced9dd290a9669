package io.camelbricks.api.error;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads an error response body, whatever its shape: the Databricks JSON error ({@code error_code}, {@code message},
 * {@code details}), the API 1.2 {@code error} field, SCIM ({@code detail}, {@code scimType}), plain text
 * {@code ERROR_CODE: message}, HTML ({@code <pre>} or {@code <title>}), or anything else (shown truncated).
 */
public final class ErrorBodyParser {
    private static final Pattern TEXT_ERROR = Pattern.compile("^([A-Z][A-Z_]+): (.*)$", Pattern.DOTALL);
    private static final Pattern PRE = Pattern.compile("<pre>(.*?)</pre>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final int MAX_RAW = 512;

    private final ObjectMapper mapper;

    public ErrorBodyParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** What the status line, headers and body say. */
    public Parsed parse(int status, String reason, byte[] body) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return new Parsed(codeFromReason(status, reason), reasonOrStatus(status, reason), List.of(), null);
        }
        if (text.startsWith("{")) {
            Parsed json = parseJson(status, text);
            if (json != null) {
                return json;
            }
        }
        Matcher plain = TEXT_ERROR.matcher(text);
        if (plain.matches() && !text.startsWith("<")) {
            return new Parsed(plain.group(1), plain.group(2).strip(), List.of(), null);
        }
        Matcher pre = PRE.matcher(text);
        if (pre.find()) {
            return new Parsed(codeFromReason(status, reason), stripHtml(pre.group(1)), List.of(), null);
        }
        Matcher title = TITLE.matcher(text);
        if (title.find()) {
            return new Parsed(codeFromReason(status, reason), stripHtml(title.group(1)), List.of(), null);
        }
        String snippet = text.length() > MAX_RAW ? text.substring(0, MAX_RAW) + "... (" + (text.length() - MAX_RAW)
                + " more bytes)" : text;
        return new Parsed(codeFromReason(status, reason), "Response from server (" + reasonOrStatus(status, reason)
                + "): " + snippet, List.of(), null);
    }

    private Parsed parseJson(int status, String text) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (Exception e) {
            return null;
        }
        if (node == null || !node.isObject()) {
            return null;
        }
        String code = textOf(node, "error_code");
        String message = textOf(node, "message");
        if (isEmpty(message) && node.hasNonNull("error")) {
            JsonNode error = node.get("error");
            message = error.isTextual() ? error.asText() : error.toString();
        }
        if (isEmpty(message) && (node.has("detail") || node.has("scimType") || node.has("schemas"))) {
            String detail = textOf(node, "detail");
            message = isEmpty(detail) || "null".equals(detail) ? "SCIM API Internal Error" : detail;
            String scimType = textOf(node, "scimType");
            if (!isEmpty(scimType)) {
                message = scimType + " " + message;
            }
            if (isEmpty(code)) {
                code = "SCIM_" + status;
            }
        }
        List<Map<String, Object>> details = new ArrayList<>();
        String requestId = null;
        if (node.has("details") && node.get("details").isArray()) {
            for (JsonNode d : node.get("details")) {
                if (d.isObject()) {
                    details.add(mapper.convertValue(d, new TypeReference<Map<String, Object>>() { }));
                    if (d.path("@type").asText("").endsWith("google.rpc.RequestInfo") && d.hasNonNull("request_id")) {
                        requestId = d.get("request_id").asText();
                    }
                }
            }
        }
        return new Parsed(code, isEmpty(message) ? "request failed" : message, details, requestId);
    }

    private static String textOf(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    private static String stripHtml(String s) {
        return s.replaceAll("<[^>]+>", "").strip().replaceAll("^[.\\s]+|[.\\s]+$", "");
    }

    private static String codeFromReason(int status, String reason) {
        if (reason == null || reason.isBlank()) {
            String known = defaultReason(status);
            return "Unknown".equals(known) ? null : known.toUpperCase(Locale.ROOT).replace(' ', '_');
        }
        return reason.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
    }

    private static String reasonOrStatus(int status, String reason) {
        String r = reason == null || reason.isBlank() ? defaultReason(status) : reason.strip();
        return status + " " + r;
    }

    private static String defaultReason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Unknown";
        };
    }

    /** The parts of a parsed body. */
    public record Parsed(String errorCode, String message, List<Map<String, Object>> details, String requestId) {
    }
}
