package io.camelbricks.api.error;

/** HTTP 429: rate limited; see getRetryAfter(). */
public class TooManyRequests extends DatabricksError {
    public TooManyRequests(ErrorDetails error) {
        super(error);
    }
}
