package io.camelbricks.api.error;

/** HTTP 401: missing or invalid credentials. */
public class Unauthenticated extends DatabricksError {
    public Unauthenticated(ErrorDetails error) {
        super(error);
    }
}
