package io.camelbricks.api.error;

/** HTTP 400: the request is malformed or invalid. */
public class BadRequest extends DatabricksError {
    public BadRequest(ErrorDetails error) {
        super(error);
    }
}
