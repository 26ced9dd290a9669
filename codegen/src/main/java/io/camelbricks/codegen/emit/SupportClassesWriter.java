package io.camelbricks.codegen.emit;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.camelbricks.codegen.plan.SensitiveFieldRule;

/**
 * Writes the two runtime classes the generated models use: {@code SensitiveFieldNames} (the sensitive-field rule
 * and the sensitive wire names of the spec) and {@code ModelToString} (the {@code toString} builder that masks them).
 */
public final class SupportClassesWriter {

    public JavaSourceFile sensitiveFieldNames(Set<String> wireNames) {
        JavaSourceFile f = GeneratedPackage.file("SensitiveFieldNames");
        String set = f.name("java.util", "Set");
        String list = f.name("java.util", "List");
        StringBuilder out = f.body();
        out.append("/**\n")
                .append(" * Wire names whose values are secrets: never printed by {@code toString()}, to be redacted from logs.\n")
                .append(" * The rule (codegen/README.md): a name, compared in snake_case, is sensitive unless it is one of\n")
                .append(" * {@link #EXCLUDED}, when it is one of {@link #EXACT} or ends with one of {@link #SUFFIXES}.\n */\n")
                .append("public final class SensitiveFieldNames {\n")
                .append("    /** Every wire name of the spec the rule matches, plus the exact names. */\n")
                .append("    public static final ").append(set).append("<String> WIRE_NAMES = ").append(set).append(".of(")
                .append(literals(wireNames, "            ")).append(");\n\n")
                .append("    public static final ").append(set).append("<String> EXACT = ").append(set).append(".of(")
                .append(literals(SensitiveFieldRule.EXACT, "            ")).append(");\n\n")
                .append("    public static final ").append(list).append("<String> SUFFIXES = ").append(list).append(".of(")
                .append(literals(SensitiveFieldRule.SUFFIXES, "            ")).append(");\n\n")
                .append("    public static final ").append(set).append("<String> EXCLUDED = ").append(set).append(".of(")
                .append(literals(SensitiveFieldRule.EXCLUDED, "            ")).append(");\n\n")
                .append("    private SensitiveFieldNames() {\n    }\n\n")
                .append("    /** Whether a field, parameter or header of this name holds a secret (also for names not in the spec). */\n")
                .append("    public static boolean isSensitive(String wireName) {\n")
                .append("        if (wireName == null) {\n            return false;\n        }\n")
                .append("        if (WIRE_NAMES.contains(wireName)) {\n            return true;\n        }\n")
                .append("        String n = wireName.replaceAll(\"([a-z0-9])([A-Z])\", \"$1_$2\").replace('-', '_')\n")
                .append("                .toLowerCase(").append(f.name("java.util", "Locale")).append(".ROOT);\n")
                .append("        if (EXCLUDED.contains(n)) {\n            return false;\n        }\n")
                .append("        if (EXACT.contains(n)) {\n            return true;\n        }\n")
                .append("        for (String suffix : SUFFIXES) {\n")
                .append("            if (n.endsWith(suffix)) {\n                return true;\n            }\n        }\n")
                .append("        return false;\n    }\n}\n");
        return f;
    }

    public JavaSourceFile modelToString() {
        JavaSourceFile f = GeneratedPackage.file("ModelToString");
        String map = f.name("java.util", "Map");
        f.body().append("/**\n")
                .append(" * Builds the {@code toString()} of generated classes: {@code Name{field=value, ...}} with null fields left\n")
                .append(" * out and sensitive values printed as {@code ***}.\n */\n")
                .append("public final class ModelToString {\n")
                .append("    private final StringBuilder text;\n")
                .append("    private boolean first = true;\n\n")
                .append("    public ModelToString(String className) {\n")
                .append("        this.text = new StringBuilder(className).append('{');\n    }\n\n")
                .append("    /** Appends {@code name=value} unless the value is null. */\n")
                .append("    public ModelToString add(String name, Object value) {\n")
                .append("        if (value != null) {\n            next(name).append(value);\n        }\n")
                .append("        return this;\n    }\n\n")
                .append("    /** Appends {@code name=***} unless the value is null. */\n")
                .append("    public ModelToString masked(String name, Object value) {\n")
                .append("        if (value != null) {\n            next(name).append(\"***\");\n        }\n")
                .append("        return this;\n    }\n\n")
                .append("    /** Appends unknown fields by wire name, masking those {@link SensitiveFieldNames} names. */\n")
                .append("    public ModelToString unknown(").append(map).append("<String, Object> fields) {\n")
                .append("        for (").append(map).append(".Entry<String, Object> e : fields.entrySet()) {\n")
                .append("            if (SensitiveFieldNames.isSensitive(e.getKey())) {\n")
                .append("                masked(e.getKey(), e.getValue());\n")
                .append("            } else {\n                add(e.getKey(), e.getValue());\n            }\n")
                .append("        }\n        return this;\n    }\n\n")
                .append("    private StringBuilder next(String name) {\n")
                .append("        if (!first) {\n            text.append(\", \");\n        }\n")
                .append("        first = false;\n        return text.append(name).append('=');\n    }\n\n")
                .append("    @Override\n    public String toString() {\n")
                .append("        return text + \"}\";\n    }\n}\n");
        return f;
    }

    private static String literals(Collection<String> values, String indent) {
        List<String> quoted = values.stream().map(JavaStrings::literal).toList();
        return "\n" + indent + JavaStrings.joinWrapped(quoted, indent.length(), indent);
    }
}
