package io.camelbricks.camel;

import com.fasterxml.jackson.databind.JavaType;

/** Short, readable type names for messages and documentation: {@code Long}, {@code List<SubmitTask>}, {@code byte[]}. */
public final class TypeNames {
    private TypeNames() {
    }

    public static String describe(JavaType type) {
        if (type.isPrimitive()) {
            return type.getRawClass().getSimpleName();
        }
        if (type.isArrayType()) {
            return describe(type.getContentType()) + "[]";
        }
        StringBuilder sb = new StringBuilder(type.getRawClass().getSimpleName());
        if (type.containedTypeCount() > 0) {
            sb.append('<');
            for (int i = 0; i < type.containedTypeCount(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(describe(type.containedType(i)));
            }
            sb.append('>');
        }
        return sb.toString();
    }

    /** Whether {@code type} is a generated open enum: it serialises to its wire value (a string) and has isKnown(). */
    static boolean isOpenEnum(Class<?> type) {
        try {
            type.getMethod("isKnown");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
