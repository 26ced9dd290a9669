package io.camelbricks.api.error;

/** error_code REQUEST_LIMIT_EXCEEDED. */
public class RequestLimitExceeded extends TooManyRequests {
    public RequestLimitExceeded(ErrorDetails error) {
        super(error);
    }
}
