package io.camelbricks.codegen.spec;

/** The spec has a shape the generator does not understand; generation stops with this message. */
public class SpecException extends RuntimeException {
    public SpecException(String message) {
        super(message);
    }
}
