package io.camelbricks.codegen.spec;

/** One property of an object schema. */
public record PropertyDef(String wireName, TypeShape type) {
}
