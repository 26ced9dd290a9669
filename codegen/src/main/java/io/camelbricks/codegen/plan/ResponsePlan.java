package io.camelbricks.codegen.plan;

/**
 * What the operation answers.
 *
 * @param kind   NONE, JSON or BINARY (the names of the registry's {@code ResponseKind})
 * @param binary the holder class for BINARY, otherwise null
 */
public record ResponsePlan(Kind kind, BinaryResponseClass binary) {

    public enum Kind { NONE, JSON, BINARY }

    public static final ResponsePlan NONE = new ResponsePlan(Kind.NONE, null);
    public static final ResponsePlan JSON = new ResponsePlan(Kind.JSON, null);
}
