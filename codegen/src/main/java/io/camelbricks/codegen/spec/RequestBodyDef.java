package io.camelbricks.codegen.spec;

/**
 * The request body of an operation.
 *
 * @param kind       how the body is described
 * @param schemaName the referenced schema for {@link Kind#JSON_REF}, otherwise null
 */
public record RequestBodyDef(Kind kind, String schemaName) {

    public enum Kind {
        /** {@code application/json} with a {@code $ref} schema. */
        JSON_REF,
        /** {@code application/json} with an empty schema {@code {}}: any JSON object. */
        JSON_FREE_FORM,
        /** {@code application/octet-stream}, {@code format: binary}. */
        BINARY
    }
}
