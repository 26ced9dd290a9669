package io.camelbricks.codegen.spec;

import java.util.Map;

/**
 * The 200 response of an operation.
 *
 * @param kind       how the content is described
 * @param schemaName the referenced schema (JSON_REF) or item schema (JSON_ARRAY), otherwise null
 * @param headers    declared response headers, in spec order
 */
public record ResponseDef(Kind kind, String schemaName, Map<String, TypeShape> headers) {

    public enum Kind {
        /** No content. */
        NONE,
        /** {@code application/json} with a {@code $ref} schema. */
        JSON_REF,
        /** {@code application/json} with {@code type: array} of a {@code $ref} schema. */
        JSON_ARRAY,
        /** {@code application/octet-stream} or {@code text/plain}, {@code format: binary}. */
        BINARY
    }
}
