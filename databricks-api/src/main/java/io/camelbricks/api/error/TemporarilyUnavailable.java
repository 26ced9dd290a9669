package io.camelbricks.api.error;

/** HTTP 503: the service is temporarily unavailable. */
public class TemporarilyUnavailable extends DatabricksError {
    public TemporarilyUnavailable(ErrorDetails error) {
        super(error);
    }
}
