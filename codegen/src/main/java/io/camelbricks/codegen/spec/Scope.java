package io.camelbricks.codegen.spec;

/** Which OpenAPI document (and which client) an operation belongs to. */
public enum Scope {
    WORKSPACE, ACCOUNT
}
