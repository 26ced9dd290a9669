package io.camelbricks.api.error;

/** HTTP 499: the operation was cancelled. */
public class Cancelled extends DatabricksError {
    public Cancelled(ErrorDetails error) {
        super(error);
    }
}
