package io.camelbricks.api.wait;

import io.camelbricks.api.DatabricksException;

/** A long-running operation did not reach a target state within the timeout. */
public class WaitTimeoutException extends DatabricksException {
    private final String lastState;

    public WaitTimeoutException(String message, String lastState) {
        super(message);
        this.lastState = lastState;
    }

    /** The last state seen before the timeout, or null if no poll completed. */
    public String getLastState() {
        return lastState;
    }
}
