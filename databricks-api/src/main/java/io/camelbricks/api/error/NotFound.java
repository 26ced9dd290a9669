package io.camelbricks.api.error;

/** HTTP 404: no such resource or endpoint. */
public class NotFound extends DatabricksError {
    public NotFound(ErrorDetails error) {
        super(error);
    }
}
