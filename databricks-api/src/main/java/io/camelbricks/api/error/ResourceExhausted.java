package io.camelbricks.api.error;

/** error_code RESOURCE_EXHAUSTED: a quota is exhausted. */
public class ResourceExhausted extends TooManyRequests {
    public ResourceExhausted(ErrorDetails error) {
        super(error);
    }
}
