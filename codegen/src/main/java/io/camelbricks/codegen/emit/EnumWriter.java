package io.camelbricks.codegen.emit;

import io.camelbricks.codegen.naming.ClassNames;
import io.camelbricks.codegen.plan.EnumClass;

/**
 * Writes an open enum: a final class with a constant per known value, {@code of(String)} that returns the constant
 * or a new instance for a value this version does not know, {@code value()} as the JSON form, equality by value.
 * (A Java {@code enum} could not hold a value added to the API later.)
 */
public final class EnumWriter {

    private final ClassNames classNames;

    public EnumWriter(ClassNames classNames) {
        this.classNames = classNames;
    }

    /** The nested {@code FromJson}: an {@code OpenEnumReader} over {@code of(String)}. */
    private static void reader(JavaSourceFile file, String self) {
        BeanReaderEmitter.openReaderClass(file, self, "OpenEnumReader",
                "Reads a {@code " + self + "} from JSON through {@link #of(String)}.");
        file.body().append("        @Override\n        protected ").append(self).append(" of(String value) {\n")
                .append("            return ").append(self).append(".of(value);\n        }\n    }\n");
    }

    public JavaSourceFile write(EnumClass e) {
        String pkg = e.type().packageName();
        String self = e.type().simpleName();
        JavaSourceFile file = new JavaSourceFile(pkg, self, classNames.classesIn(pkg));
        String jsonCreator = file.name(BeanEmitter.JACKSON, "JsonCreator");
        String list = file.name("java.util", "List");
        String map = file.name("java.util", "Map");
        StringBuilder out = file.body();
        out.append("/**\n * {@code ").append(e.schemaName())
                .append("}: an open enum. Values this version does not know are kept, compare unequal to every\n")
                .append(" * constant and serialise back unchanged ({@link #isKnown()} tells them apart).\n */\n")
                .append(BeanReaderEmitter.annotation(file, self))
                .append("public final class ").append(self).append(" implements ")
                .append(file.name("io.camelbricks.api.wire", "OpenEnum")).append(" {\n");
        java.util.List<String> names = new java.util.ArrayList<>();
        for (EnumClass.Constant c : e.constants()) {
            out.append("    public static final ").append(self).append(' ').append(c.name()).append(" = new ")
                    .append(self).append('(').append(JavaStrings.literal(c.value())).append(");\n");
            names.add(c.name());
        }
        out.append('\n')
                .append("    private static final ").append(list).append('<').append(self).append("> KNOWN = ")
                .append(list).append(".of(")
                .append(JavaStrings.joinWrapped(names, 40 + 2 * self.length(), "            ")).append(");\n")
                .append("    private static final ").append(map).append("<String, ").append(self).append("> BY_VALUE = new ")
                .append(file.name("java.util", "HashMap")).append("<>();\n\n")
                .append("    static {\n        for (").append(self).append(" known : KNOWN) {\n")
                .append("            BY_VALUE.put(known.value, known);\n        }\n    }\n\n")
                .append("    private final String value;\n\n")
                .append("    private ").append(self).append("(String value) {\n        this.value = value;\n    }\n\n")
                .append("    /** The constant for a known value, otherwise a new instance holding it; null for null. */\n")
                .append("    @").append(jsonCreator).append("(mode = ").append(jsonCreator).append(".Mode.DELEGATING)\n")
                .append("    public static ").append(self).append(" of(String value) {\n")
                .append("        if (value == null) {\n            return null;\n        }\n")
                .append("        ").append(self).append(" known = BY_VALUE.get(value);\n")
                .append("        return known != null ? known : new ").append(self).append("(value);\n    }\n\n")
                .append("    /** The wire value. */\n")
                .append("    @Override\n")
                .append("    @").append(file.name(BeanEmitter.JACKSON, "JsonValue")).append('\n')
                .append("    public String value() {\n        return value;\n    }\n\n")
                .append("    /** Whether this value is one of the constants of this version. */\n")
                .append("    public boolean isKnown() {\n        return BY_VALUE.containsKey(value);\n    }\n\n")
                .append("    /** The constants, in spec order. */\n")
                .append("    public static ").append(list).append('<').append(self).append("> knownValues() {\n")
                .append("        return KNOWN;\n    }\n\n")
                .append("    @Override\n    public boolean equals(Object o) {\n")
                .append("        return this == o || o instanceof ").append(self).append(" other && value.equals(other.value);\n")
                .append("    }\n\n")
                .append("    @Override\n    public int hashCode() {\n        return value.hashCode();\n    }\n\n")
                .append("    @Override\n    public String toString() {\n        return value;\n    }\n\n");
        reader(file, self);
        out.append("}\n");
        return file;
    }
}
