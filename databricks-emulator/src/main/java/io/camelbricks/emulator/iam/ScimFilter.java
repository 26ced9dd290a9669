package io.camelbricks.emulator.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * SCIM filters (RFC 7644 3.4.2.2) as the workspace SCIM API takes them: {@code attr op "value"} with
 * {@code eq ne co sw ew gt ge lt le}, {@code attr pr}, {@code and}, {@code or}, {@code not (...)} and parentheses.
 * Attribute names and string comparisons are case-insensitive; a multi-valued attribute ({@code emails},
 * {@code members}, {@code groups}) matches when any of its values does ({@code emails.value}, or the plain name for
 * {@code value}).
 */
final class ScimFilter {

    /** A filter the parser rejects. */
    static final class InvalidFilter extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidFilter(String message) {
            super(message, null, false, false);
        }
    }

    private final List<String> tokens;
    private int i;

    private ScimFilter(String filter) {
        this.tokens = tokenize(filter);
    }

    static Predicate<JsonNode> parse(String filter) {
        ScimFilter p = new ScimFilter(filter);
        Predicate<JsonNode> result = p.or();
        if (p.i != p.tokens.size()) {
            throw new InvalidFilter("Unexpected '" + p.tokens.get(p.i) + "' in filter: " + filter);
        }
        return result;
    }

    private Predicate<JsonNode> or() {
        Predicate<JsonNode> left = and();
        while (peekWord("or")) {
            i++;
            Predicate<JsonNode> right = and();
            Predicate<JsonNode> l = left;
            left = n -> l.test(n) || right.test(n);
        }
        return left;
    }

    private Predicate<JsonNode> and() {
        Predicate<JsonNode> left = factor();
        while (peekWord("and")) {
            i++;
            Predicate<JsonNode> right = factor();
            Predicate<JsonNode> l = left;
            left = n -> l.test(n) && right.test(n);
        }
        return left;
    }

    private Predicate<JsonNode> factor() {
        if (peekWord("not")) {
            i++;
            Predicate<JsonNode> inner = factor();
            return inner.negate();
        }
        if (i < tokens.size() && "(".equals(tokens.get(i))) {
            i++;
            Predicate<JsonNode> inner = or();
            expect(")");
            return inner;
        }
        String attribute = next("an attribute name");
        String op = next("an operator").toLowerCase(Locale.ROOT);
        if ("pr".equals(op)) {
            return n -> values(n, attribute).stream().anyMatch(v -> !v.isNull() && !v.isMissingNode());
        }
        if (!List.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le").contains(op)) {
            throw new InvalidFilter("Unsupported operator '" + op + "'");
        }
        String raw = next("a value");
        Object value = literal(raw);
        Predicate<JsonNode> any = n -> values(n, attribute).stream().anyMatch(v -> compare(v, op, value));
        return "ne".equals(op) ? n -> values(n, attribute).stream().noneMatch(v -> compare(v, "eq", value)) : any;
    }

    private static boolean compare(JsonNode node, String op, Object value) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return value == null && "eq".equals(op);
        }
        if (value instanceof Boolean b) {
            return "eq".equals(op) && node.isBoolean() && node.booleanValue() == b;
        }
        if (value == null) {
            return false;
        }
        String actual = node.asText().toLowerCase(Locale.ROOT);
        String expected = value.toString().toLowerCase(Locale.ROOT);
        return switch (op) {
            case "eq" -> actual.equals(expected);
            case "co" -> actual.contains(expected);
            case "sw" -> actual.startsWith(expected);
            case "ew" -> actual.endsWith(expected);
            case "gt" -> actual.compareTo(expected) > 0;
            case "ge" -> actual.compareTo(expected) >= 0;
            case "lt" -> actual.compareTo(expected) < 0;
            case "le" -> actual.compareTo(expected) <= 0;
            default -> false;
        };
    }

    /** The values an attribute path selects, case-insensitively, looking into arrays. */
    static List<JsonNode> values(JsonNode resource, String attribute) {
        List<JsonNode> current = new ArrayList<>();
        current.add(resource);
        String[] parts = attribute.split("\\.");
        for (String part : parts) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : current) {
                JsonNode child = field(n, part);
                if (child == null) {
                    continue;
                }
                if (child.isArray()) {
                    child.forEach(next::add);
                } else {
                    next.add(child);
                }
            }
            current = next;
        }
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode n : current) {
            result.add(n.isObject() && n.has("value") ? n.get("value") : n);
        }
        return result;
    }

    private static JsonNode field(JsonNode n, String name) {
        if (!n.isObject()) {
            return null;
        }
        var it = n.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (f.equalsIgnoreCase(name)) {
                return n.get(f);
            }
        }
        return null;
    }

    private static Object literal(String raw) {
        if (raw.startsWith("\"")) {
            return raw.substring(1, raw.length() - 1).replace("\\\"", "\"");
        }
        if ("true".equalsIgnoreCase(raw) || "false".equalsIgnoreCase(raw)) {
            return Boolean.parseBoolean(raw.toLowerCase(Locale.ROOT));
        }
        if ("null".equalsIgnoreCase(raw)) {
            return null;
        }
        return raw;
    }

    private boolean peekWord(String w) {
        return i < tokens.size() && tokens.get(i).equalsIgnoreCase(w);
    }

    private String next(String what) {
        if (i >= tokens.size()) {
            throw new InvalidFilter("Expected " + what + " at the end of the filter");
        }
        return tokens.get(i++);
    }

    private void expect(String t) {
        if (i >= tokens.size() || !tokens.get(i).equals(t)) {
            throw new InvalidFilter("Expected '" + t + "'");
        }
        i++;
    }

    private static List<String> tokenize(String filter) {
        List<String> out = new ArrayList<>();
        int k = 0;
        while (k < filter.length()) {
            char c = filter.charAt(k);
            if (Character.isWhitespace(c)) {
                k++;
            } else if (c == '(' || c == ')') {
                out.add(String.valueOf(c));
                k++;
            } else if (c == '"') {
                int end = k + 1;
                while (end < filter.length() && (filter.charAt(end) != '"' || filter.charAt(end - 1) == '\\')) {
                    end++;
                }
                if (end >= filter.length()) {
                    throw new InvalidFilter("Unterminated string in filter");
                }
                out.add(filter.substring(k, end + 1));
                k = end + 1;
            } else {
                int end = k;
                while (end < filter.length() && !Character.isWhitespace(filter.charAt(end))
                        && filter.charAt(end) != '(' && filter.charAt(end) != ')') {
                    end++;
                }
                out.add(filter.substring(k, end));
                k = end;
            }
        }
        return out;
    }
}
