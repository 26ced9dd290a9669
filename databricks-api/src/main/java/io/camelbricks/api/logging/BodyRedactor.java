package io.camelbricks.api.logging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.camelbricks.api.generated.SensitiveFieldNames;

/**
 * Makes a body safe and short for a debug log: keys sorted, secret-bearing values replaced by
 * {@code **REDACTED**}, long strings cut at {@code debug_truncate_bytes} as {@code "<first N>... (K more bytes)"},
 * arrays shown while a 1,024-character budget lasts then {@code "... (N additional elements)"}; non-JSON bodies cut
 * at 1,024 bytes.
 */
public final class BodyRedactor {
    static final String REDACTED = "**REDACTED**";
    private static final int BUDGET = 1024;
    /** The keys the Python and Java SDKs redact, plus every field our models treat as sensitive. */
    private static final Set<String> SENSITIVE_KEYS;

    static {
        Set<String> keys = new HashSet<>(SensitiveFieldNames.WIRE_NAMES);
        keys.addAll(List.of("bytes_value", "string_value", "token_value", "value", "content", "token",
                "access_token", "refresh_token", "id_token", "client_secret", "password"));
        SENSITIVE_KEYS = Collections.unmodifiableSet(keys);
    }

    private final ObjectMapper mapper;
    private final int truncateBytes;

    public BodyRedactor(ObjectMapper mapper, int truncateBytes) {
        this.mapper = mapper;
        this.truncateBytes = truncateBytes;
    }

    /** Whether a JSON key's value is hidden in logs. */
    public static boolean isSensitiveKey(String key) {
        return SENSITIVE_KEYS.contains(key);
    }

    /** The body as it may be logged. */
    public String render(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree != null && (tree.isObject() || tree.isArray())) {
                return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(redact(tree, new int[] {BUDGET}));
            }
        } catch (Exception notJson) {
            // fall through to the raw rendering
        }
        String text = new String(body, 0, Math.min(body.length, BUDGET), StandardCharsets.UTF_8);
        return body.length > BUDGET ? text + "... (" + (body.length - BUDGET) + " more bytes)" : text;
    }

    private JsonNode redact(JsonNode node, int[] budget) {
        if (node.isObject()) {
            ObjectNode out = mapper.createObjectNode();
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            Collections.sort(keys);
            for (String key : keys) {
                JsonNode value = node.get(key);
                out.set(key, isSensitiveKey(key) && !value.isContainerNode() ? TextNode.valueOf(REDACTED)
                        : redact(value, budget));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = mapper.createArrayNode();
            Iterator<JsonNode> items = node.elements();
            int shown = 0;
            while (items.hasNext()) {
                JsonNode item = items.next();
                if (shown > 0 && budget[0] <= 0) {
                    out.add("... (" + (node.size() - shown) + " additional elements)");
                    break;
                }
                JsonNode rendered = redact(item, budget);
                budget[0] -= rendered.toString().length();
                out.add(rendered);
                shown++;
            }
            return out;
        }
        if (node.isTextual()) {
            String s = node.asText();
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > truncateBytes) {
                String head = new String(bytes, 0, truncateBytes, StandardCharsets.UTF_8);
                return TextNode.valueOf(head + "... (" + (bytes.length - truncateBytes) + " more bytes)");
            }
        }
        return node;
    }

    /** Whether a header's value is hidden in logs (credentials of any kind). */
    public static boolean isSensitiveHeader(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.equals("authorization") || n.equals("proxy-authorization") || n.equals("cookie")
                || n.equals("set-cookie") || (n.startsWith("x-databricks-") && n.contains("token"));
    }

    static String headerValue(Map.Entry<String, String> header) {
        return isSensitiveHeader(header.getKey()) ? REDACTED : header.getValue();
    }
}
