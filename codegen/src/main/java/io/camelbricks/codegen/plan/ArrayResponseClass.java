package io.camelbricks.codegen.plan;

import io.camelbricks.codegen.types.JavaType;

/** The response of an operation that answers a bare JSON array: a class extending {@code ArrayList<item>}. */
public record ArrayResponseClass(JavaType type, JavaType itemType, String operationId) {
}
