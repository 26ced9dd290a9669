package io.camelbricks.codegen.spec;

/**
 * The shape of a property, parameter or header as the spec writes it, before any Java mapping.
 */
public sealed interface TypeShape {

    /** A named schema ({@code $ref}, or {@code allOf} with a single {@code $ref}). */
    record Ref(String schemaName) implements TypeShape {
    }

    /** {@code string}, {@code integer}, {@code number} or {@code boolean}, with its optional {@code format}. */
    record Scalar(String type, String format) implements TypeShape {
    }

    /** {@code type: array}. */
    record ArrayOf(TypeShape items) implements TypeShape {
    }

    /** {@code type: object} with {@code additionalProperties}. */
    record MapOf(TypeShape values) implements TypeShape {
    }

    /** No type at all, {@code {}}, or an object without properties: any JSON value. */
    record FreeForm() implements TypeShape {
    }

    /** {@code type: string, format: binary}: a byte stream. */
    record Binary() implements TypeShape {
    }
}
