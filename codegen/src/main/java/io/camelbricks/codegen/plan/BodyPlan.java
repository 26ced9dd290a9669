package io.camelbricks.codegen.plan;

/**
 * What the operation sends as body.
 *
 * @param kind  NONE, JSON, BODY_FIELD or BINARY (the names of the registry's {@code BodyKind})
 * @param field the request field sent as body for BODY_FIELD and BINARY, otherwise null
 */
public record BodyPlan(Kind kind, BeanField field) {

    public enum Kind { NONE, JSON, BODY_FIELD, BINARY }

    public static final BodyPlan NONE = new BodyPlan(Kind.NONE, null);
    public static final BodyPlan JSON = new BodyPlan(Kind.JSON, null);
}
