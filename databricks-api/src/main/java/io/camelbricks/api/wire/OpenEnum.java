package io.camelbricks.api.wire;

/**
 * A generated open enum ({@code RunLifeCycleState}, ...): a value of the spec's enum that keeps values this version
 * does not know. Its {@link #value()} is what it is on the wire, so code that reads a status (a waiter on every poll,
 * the Camel headers) takes it from here instead of writing the enum as JSON.
 */
public interface OpenEnum {
    /** The wire value. */
    String value();
}
