package io.camelbricks.codegen.types;

import io.camelbricks.codegen.naming.ClassNames;
import io.camelbricks.codegen.spec.TypeShape;

/**
 * Maps spec shapes to Java types:
 * string → String (date-time and other formats stay String), integer → Long (Integer only for format int32),
 * number → Double, boolean → Boolean, array → List&lt;T&gt;, object with additionalProperties → Map&lt;String, T&gt;,
 * free-form (no type, {@code {}}, object without properties) → Object, string/binary → InputStream, {@code $ref}
 * and {@code allOf:[{$ref}]} → the referenced class.
 */
public final class TypeMapper {

    private final ClassNames classNames;

    public TypeMapper(ClassNames classNames) {
        this.classNames = classNames;
    }

    public JavaType map(TypeShape shape) {
        if (shape instanceof TypeShape.Ref ref) {
            return classNames.schemaType(ref.schemaName());
        }
        if (shape instanceof TypeShape.Scalar s) {
            switch (s.type()) {
                case "string":
                    return JavaType.STRING;
                case "integer":
                    return "int32".equals(s.format()) ? JavaType.INTEGER : JavaType.LONG;
                case "number":
                    return JavaType.DOUBLE;
                case "boolean":
                    return JavaType.BOOLEAN;
                default:
                    throw new IllegalArgumentException("unknown scalar type " + s.type());
            }
        }
        if (shape instanceof TypeShape.ArrayOf a) {
            return JavaType.listOf(map(a.items()));
        }
        if (shape instanceof TypeShape.MapOf m) {
            return JavaType.mapOf(map(m.values()));
        }
        if (shape instanceof TypeShape.Binary) {
            return JavaType.INPUT_STREAM;
        }
        return JavaType.OBJECT;
    }
}
