package io.camelbricks.codegen.plan;

import java.util.List;

import io.camelbricks.codegen.types.JavaType;

/** An open enum: a final class with one constant per known wire value, accepting unknown values too. */
public record EnumClass(JavaType type, String schemaName, List<Constant> constants) {

    /** A known value and its constant name. */
    public record Constant(String name, String value) {
    }
}
