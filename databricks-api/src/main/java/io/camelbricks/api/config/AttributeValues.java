package io.camelbricks.api.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.camelbricks.api.DatabricksException;

/** Converts attribute values given as text (environment, profile file, URI options) or objects to their typed form. */
public final class AttributeValues {
    private AttributeValues() {
    }

    public static Object convert(ConfigAttribute attribute, Object value) {
        if (value == null) {
            return null;
        }
        return switch (attribute.type()) {
            case STRING -> value.toString();
            case INTEGER -> toInteger(attribute, value);
            case BOOLEAN -> toBoolean(attribute, value);
            case LIST -> toList(value);
        };
    }

    private static Integer toInteger(ConfigAttribute attribute, Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        String text = value.toString().strip();
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new DatabricksException("invalid value for " + attribute.attributeName() + ": '" + text
                    + "' is not a whole number");
        }
    }

    private static Boolean toBoolean(ConfigAttribute attribute, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "1", "yes", "on" -> Boolean.TRUE;
            case "false", "0", "no", "off", "" -> Boolean.FALSE;
            default -> throw new DatabricksException("invalid value for " + attribute.attributeName() + ": '"
                    + value + "' is not a boolean (true or false)");
        };
    }

    private static List<String> toList(Object value) {
        Collection<?> items = value instanceof Collection<?> c ? c : Arrays.asList(value.toString().split(","));
        List<String> list = new ArrayList<>();
        for (Object item : items) {
            String s = item == null ? "" : item.toString().strip();
            if (!s.isEmpty()) {
                list.add(s);
            }
        }
        return List.copyOf(list);
    }

    /** True when a value counts as unset: null, an empty string or an empty list. */
    public static boolean isEmpty(Object value) {
        return value == null
                || (value instanceof String s && s.isEmpty())
                || (value instanceof Collection<?> c && c.isEmpty());
    }

    /** The value as it appears in the debug string. */
    public static String display(Object value) {
        if (value instanceof Collection<?> c) {
            return String.join(",", c.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }
}
