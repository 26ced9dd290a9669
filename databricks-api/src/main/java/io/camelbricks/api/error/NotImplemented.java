package io.camelbricks.api.error;

/** HTTP 501: the operation is not implemented. */
public class NotImplemented extends DatabricksError {
    public NotImplemented(ErrorDetails error) {
        super(error);
    }
}
