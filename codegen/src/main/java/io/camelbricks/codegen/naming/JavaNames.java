package io.camelbricks.codegen.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How spec names become Java identifiers. All rules are pure functions of the spec name (documented in
 * codegen/README.md).
 */
public final class JavaNames {

    /** Java keywords, literals and restricted identifiers. */
    public static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "var",
            "record", "yield", "sealed", "permits", "non-sealed", "_");

    /**
     * Field names that would obscure the first segment of a qualified name used by generated code ({@code io.…},
     * {@code java.…}, {@code com.…}), plus the names generated classes use for their own members.
     */
    private static final Set<String> RESERVED_FIELD_NAMES = Set.of("io", "java", "com", "additionalProperties");

    /** java.lang types a generated class must not be named after (it would shadow them in its package). */
    private static final Set<String> JAVA_LANG_NAMES = Set.of(
            "AutoCloseable", "Boolean", "Byte", "CharSequence", "Character", "Class", "Cloneable", "Comparable",
            "Deprecated", "Double", "Enum", "Error", "Exception", "Float", "FunctionalInterface", "Integer",
            "Iterable", "Long", "Math", "Module", "Number", "Object", "Override", "Package", "Process", "Record",
            "Runnable", "Runtime", "RuntimeException", "SafeVarargs", "Short", "String", "StringBuilder",
            "SuppressWarnings", "System", "Thread", "Throwable", "Void");

    /** Package of generated code for spec schemas that have no package (e.g. {@code Error}). */
    public static final String COMMON_PACKAGE = "common";

    public static final String SERVICE_PACKAGE_ROOT = "io.camelbricks.api.service";

    private JavaNames() {
    }

    /** The words of a wire name: split on anything but letters and digits ({@code snake_case}, {@code kebab-case}). */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        for (String w : name.split("[^A-Za-z0-9]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no letters or digits in name '" + name + "'");
        }
        return out;
    }

    /**
     * The lowerCamel form of a wire name: {@code run_name} → {@code runName}, {@code displayName} stays,
     * {@code Resources} → {@code resources}, {@code $ref} → {@code ref}, {@code content-length} →
     * {@code contentLength}, {@code ID} → {@code id}. The result may be a keyword or start with a digit; see
     * {@link #fieldName}.
     */
    public static String camel(String wireName) {
        List<String> words = words(wireName);
        StringBuilder sb = new StringBuilder();
        String first = words.get(0);
        sb.append(isAllUpper(first) ? first.toLowerCase(Locale.ROOT) : decapitalize(first));
        for (int i = 1; i < words.size(); i++) {
            sb.append(capitalize(words.get(i)));
        }
        return sb.toString();
    }

    /** UpperCamel: {@code getRun} → {@code GetRun}, {@code run_name} → {@code RunName}. */
    public static String pascal(String name) {
        return capitalize(camel(name));
    }

    /** The Java field name for a lowerCamel name: keywords and reserved names get a trailing {@code _}, a leading
     * digit a leading {@code _}. */
    public static String fieldName(String camel) {
        if (Character.isDigit(camel.charAt(0))) {
            return "_" + camel;
        }
        if (KEYWORDS.contains(camel) || RESERVED_FIELD_NAMES.contains(camel)) {
            return camel + "_";
        }
        return camel;
    }

    /**
     * UPPER_SNAKE for constants: camel humps and every run of non-alphanumerics become {@code _}
     * ({@code getRun} → {@code GET_RUN}, {@code gitHubEnterprise} → {@code GIT_HUB_ENTERPRISE},
     * {@code chat.completion} → {@code CHAT_COMPLETION}); a leading digit gets a leading {@code _}; nothing usable
     * gives {@code EMPTY}.
     */
    public static String upperSnake(String name) {
        String s = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
                .replaceAll("[^A-Za-z0-9]+", "_")
                .replaceAll("^_+|_+$", "")
                .toUpperCase(Locale.ROOT);
        if (s.isEmpty()) {
            return "EMPTY";
        }
        return Character.isDigit(s.charAt(0)) ? "_" + s : s;
    }

    /** The Java package of a spec package: {@code jobs} → {@code io.camelbricks.api.service.jobs}. */
    public static String servicePackage(String specPackage) {
        String segment = specPackage == null ? COMMON_PACKAGE : specPackage.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        if (Character.isDigit(segment.charAt(0))) {
            segment = "_" + segment;
        }
        if (KEYWORDS.contains(segment)) {
            segment = segment + "_";
        }
        return SERVICE_PACKAGE_ROOT + "." + segment;
    }

    /**
     * The Java class name of a schema's simple name: invalid characters dropped (camel-joined), first letter upper
     * case, and names of java.lang types suffixed with {@code Model} ({@code Error} → {@code ErrorModel}).
     */
    public static String className(String simpleName) {
        String name = simpleName.matches("[A-Z][A-Za-z0-9]*") ? simpleName : pascal(simpleName);
        if (Character.isDigit(name.charAt(0))) {
            name = "_" + name;
        }
        return JAVA_LANG_NAMES.contains(name) ? name + "Model" : name;
    }

    /** A method name from an operation's method ({@code getRun}); keywords get a trailing {@code _}. */
    public static String methodName(String specMethod) {
        String m = camel(specMethod);
        if (Character.isDigit(m.charAt(0))) {
            throw new IllegalArgumentException("method name starts with a digit: " + specMethod);
        }
        return KEYWORDS.contains(m) ? m + "_" : m;
    }

    public static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public static String decapitalize(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static boolean isAllUpper(String word) {
        boolean letters = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letters |= Character.isLetter(c);
        }
        return letters && word.length() > 1;
    }
}
