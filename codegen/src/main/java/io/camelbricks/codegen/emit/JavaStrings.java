package io.camelbricks.codegen.emit;

/** Java string literal escaping for values taken from the spec. */
final class JavaStrings {

    private JavaStrings() {
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Lines of generated code are wrapped before this column where a list allows it. */
    static final int WIDTH = 120;

    /**
     * {@code items} joined with {@code ", "}, breaking the line (and continuing at {@code indent}) before an item
     * that would pass {@link #WIDTH}, given that the text starts at column {@code column}.
     */
    static String joinWrapped(java.util.List<String> items, int column, String indent) {
        StringBuilder sb = new StringBuilder();
        int col = column;
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            String sep = i == 0 ? "" : ", ";
            if (i > 0 && col + sep.length() + item.length() + 2 > WIDTH) {
                sb.append(",\n").append(indent);
                col = indent.length();
            } else {
                sb.append(sep);
                col += sep.length();
            }
            sb.append(item);
            col += item.length();
        }
        return sb.toString();
    }

    /** A quoted literal. */
    static String literal(String s) {
        return s == null ? "null" : "\"" + escape(s) + "\"";
    }

    /** Text safe inside a Javadoc comment ({@code *}{@code /} and {@code @} neutralised). */
    static String javadoc(String s) {
        return s.replace("*/", "*&#47;").replace("@", "&#64;");
    }
}
