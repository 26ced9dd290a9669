package io.camelbricks.codegen.types;

import java.util.List;

/**
 * A (possibly parameterised) Java class type as the generated code spells it.
 *
 * @param packageName e.g. {@code java.util}
 * @param simpleName  e.g. {@code List}
 * @param typeArgs    type arguments, empty for non-generic use
 */
public record JavaType(String packageName, String simpleName, List<JavaType> typeArgs) {

    public static final JavaType STRING = lang("String");
    public static final JavaType LONG = lang("Long");
    public static final JavaType INTEGER = lang("Integer");
    public static final JavaType DOUBLE = lang("Double");
    public static final JavaType BOOLEAN = lang("Boolean");
    public static final JavaType OBJECT = lang("Object");
    public static final JavaType VOID = lang("Void");
    public static final JavaType INPUT_STREAM = of("java.io", "InputStream");

    public JavaType {
        typeArgs = List.copyOf(typeArgs);
    }

    public static JavaType of(String packageName, String simpleName) {
        return new JavaType(packageName, simpleName, List.of());
    }

    public static JavaType lang(String simpleName) {
        return of("java.lang", simpleName);
    }

    public static JavaType listOf(JavaType element) {
        return new JavaType("java.util", "List", List.of(element));
    }

    public static JavaType mapOf(JavaType value) {
        return new JavaType("java.util", "Map", List.of(STRING, value));
    }

    public String fqn() {
        return packageName + "." + simpleName;
    }

    /** The type without type arguments (what a class literal names). */
    public JavaType raw() {
        return typeArgs.isEmpty() ? this : of(packageName, simpleName);
    }

    public boolean isVoid() {
        return equals(VOID);
    }

    public boolean isList() {
        return packageName.equals("java.util") && simpleName.equals("List");
    }

    @Override
    public String toString() {
        if (typeArgs.isEmpty()) {
            return fqn();
        }
        StringBuilder sb = new StringBuilder(fqn()).append('<');
        for (int i = 0; i < typeArgs.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(typeArgs.get(i));
        }
        return sb.append('>').toString();
    }
}
