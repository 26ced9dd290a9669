package io.camelbricks.api.error;

/** error_code UNKNOWN. */
public class Unknown extends InternalError {
    public Unknown(ErrorDetails error) {
        super(error);
    }
}
