package io.camelbricks.api.error;

/** HTTP 500: the server failed. */
public class InternalError extends DatabricksError {
    public InternalError(ErrorDetails error) {
        super(error);
    }
}
