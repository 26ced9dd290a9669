package io.camelbricks.api.error;

/** HTTP 504: the operation timed out on the server. */
public class DeadlineExceeded extends DatabricksError {
    public DeadlineExceeded(ErrorDetails error) {
        super(error);
    }
}
