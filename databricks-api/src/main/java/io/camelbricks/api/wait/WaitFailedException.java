package io.camelbricks.api.wait;

import io.camelbricks.api.DatabricksException;

/** A long-running operation reached one of its failure states. */
public class WaitFailedException extends DatabricksException {
    private final String state;
    private final transient Object entity;

    public WaitFailedException(String message, String state, Object entity) {
        super(message);
        this.state = state;
        this.entity = entity;
    }

    /** The failure state reached, e.g. {@code INTERNAL_ERROR}. */
    public String getState() {
        return state;
    }

    /** The last polled entity (e.g. the {@code Run}). */
    public Object getEntity() {
        return entity;
    }
}
